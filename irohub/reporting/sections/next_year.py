"""Priorities for next year: the council's Priority rows of the following reporting year."""

from __future__ import annotations

from irohub.reporting.document import Section, Table
from irohub.reporting.sections.base import ReportInputs, section

SECTION_ID = "next_year"


def build(inputs: ReportInputs) -> Section:
    rows = inputs.priorities.get(inputs.next_year, [])
    table = None
    if rows:
        table = Table(
            "next-priorities", f"Priorities for {inputs.next_year}", ["Priority"],
            [[f"{n}. {row.title}"] for n, row in enumerate(rows, start=1)], kinds=["label"],
        )  # fmt: skip
    texts = [
        f"Priority {n}: {row.title}." + (f" {row.narrative}" if row.narrative else "")
        for n, row in enumerate(rows, start=1)
    ]
    return section(
        inputs, SECTION_ID, f"Priorities for {inputs.next_year}", sentences=texts, tables=[table]
    )
