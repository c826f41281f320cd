"""Midway reviews and the IRO's footprint: oversight of the child's plan between reviews."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import breakdown_table, figures_table, percentages_table

SECTION_ID = "midway"
TITLE = "Midway reviews and the IRO's footprint"
FOOTPRINT = "quality.iro_footprint.count"


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    counts = [
        ("Midway reviews held", "midway.held.count"),
        ("Children with a midway review", "midway.children.count"),
    ]
    if not isinstance(f.value(FOOTPRINT), dict):
        counts.append(("IRO contacts recorded between reviews (footprint)", FOOTPRINT))
    key = figures_table(
        "midway-key", "Midway reviews and IRO contacts", f, counts,
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    coverage = percentages_table(
        "midway-coverage", f"Midway reviews due on {inputs.snapshot_words}", f,
        [("Children due a midway review who had one", "midway.coverage.pct")],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    by_type = (
        f.counts(FOOTPRINT)
        if isinstance(f.value(FOOTPRINT), dict)
        else (f.detail(FOOTPRINT, "by_type"))
    )
    footprint = breakdown_table(
        "footprint", "IRO contacts between reviews by type", by_type, label="Contact",
        count_header="Contacts", labels=labels.contact, metric_ids=[FOOTPRINT],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[key, coverage, footprint],
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    f = inputs.said
    held, children = f.value("midway.held.count"), f.value("midway.children.count")
    midways = None
    if say.known(held):
        midways = f"IROs held {say.subject(held, 'midway review')}"
        if say.known(children) and held:
            midways += f" for {say.count_of(children, 'child')}"
        change = say.compare_count(held, f.previous("midway.held.count"), year=inputs.previous_year)
        midways += f", {change}" if change else ""
    value, before = f.value("midway.coverage.pct"), f.previous("midway.coverage.pct")
    coverage = None
    if say.known(value):
        coverage = (
            f"of the children in care on {inputs.snapshot_words} who were due a midway review, "
            f"{say.percent(value, beside=before)} had one"
        )
        change = say.compare_percent(value, before)
        coverage += f", {change}" if change else ""
    return say.drafted(say.sentence(midways), say.sentence(coverage))
