"""Progress on the year's priorities (the council's Priority rows) and on its targets (the target
register with its red / amber / green rating, metrics.md `targets.register`)."""

from __future__ import annotations

from collections import Counter

from irohub.reporting import sentences as say
from irohub.reporting.contract import registry
from irohub.reporting.document import Cell, Section, Table, is_number
from irohub.reporting.sections.base import ReportInputs, section

SECTION_ID = "progress"
TARGETS = "targets.register"
RAG_WORDS = {"green": "Green: met", "amber": "Amber: close", "red": "Red: not met"}


def build(inputs: ReportInputs) -> Section:
    rows = inputs.priorities.get(inputs.year, [])
    table = None
    if rows:
        table = Table(
            "priorities", f"Priorities for {inputs.year}", ["Priority", "Progress"],
            [[f"{n}. {row.title}", row.status] for n, row in enumerate(rows, start=1)],
            kinds=["label", "text"],
        )  # fmt: skip
    return section(
        inputs, SECTION_ID, f"Progress on the priorities and targets for {inputs.year}",
        sentences=say.drafted(priority_summary(inputs), *priority_texts(inputs),
                              target_summary(inputs)),
        tables=[table, targets_table(inputs)],
    )  # fmt: skip


def priority_summary(inputs: ReportInputs) -> str | None:
    rows = inputs.priorities.get(inputs.year, [])
    if not rows:
        return None
    counted = Counter(row.status.lower() for row in rows)
    parts = [f"{say.number(n)} {say.was_were(n)} {status}" for status, n in counted.items()]
    return say.sentence(
        f"of the {say.count_of(len(rows), 'priority')} set for {inputs.year}, " + say.listing(parts)
    )


def priority_texts(inputs: ReportInputs) -> list[str]:
    return [
        f"Priority {n}: {row.title}. {row.status}." + (f" {row.narrative}" if row.narrative else "")
        for n, row in enumerate(inputs.priorities.get(inputs.year, []), start=1)
    ]


def _label(metric_id: str) -> str:
    found = registry().get(metric_id)
    return found.title if found is not None else metric_id


def targets_table(inputs: ReportInputs) -> Table | None:
    """From the published figures: an actual the public report hides stays hidden here."""
    register = inputs.said.value(TARGETS)
    if not isinstance(register, list) or not register:
        return None
    rows: list[list[Cell]] = [
        [_label(str(row.get("metric_id"))), _cell(row.get("target")), _cell(row.get("actual")),
         _cell(row.get("gap")), RAG_WORDS.get(str(row.get("rag")), "Not known")]
        for row in register
        if isinstance(row, dict)
    ]  # fmt: skip
    return Table(
        "targets", f"Targets for {inputs.year}", ["Measure", "Target", "Actual", "Gap", "Rating"],
        rows, kinds=["label", "number", "number", "number", "text"], metric_ids=[TARGETS],
        notes=["Green: the target is met. Amber: a percentage within 5 points of its target, or "
               "a count within 10%. Red: further away."],
    )  # fmt: skip


def _cell(value) -> Cell:
    return value if is_number(value) or value == "c" else None


def target_summary(inputs: ReportInputs) -> str | None:
    register = inputs.said.value(TARGETS)
    if not isinstance(register, list) or not register:
        return None
    rags = Counter(str(row.get("rag")) for row in register if isinstance(row, dict))
    parts = []
    for rag, words in (("green", "met"), ("amber", "close"), ("red", "not met")):
        if rags.get(rag):
            parts.append(f"{say.number(rags[rag])} {say.was_were(rags[rag])} {words}")
    if not parts:
        return None
    return say.sentence(
        f"of the {say.count_of(len(register), 'target')} for {inputs.year}, " + say.listing(parts)
    )
