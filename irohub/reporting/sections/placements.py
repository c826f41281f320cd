"""Legal status and placements of the children in care on the snapshot date, and how far from
home they live."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section, Table
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import bar_chart, breakdown_table, figures_table

SECTION_ID = "children_placements"
TITLE = "Legal status and placements"
LIVED = {
    "connected_foster": "lived with family or friends as foster carers",
    "la_foster": "lived with the council's own foster carers",
    "agency_foster": "lived with foster carers from independent agencies",
    "residential": "lived in children's homes or other residential settings",
    "adoption": "were placed for adoption",
    "with_parents": "were placed with their parents",
    "supported_or_independent": "lived in supported accommodation or independently",
}


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    legal = breakdown_table(
        "legal-status", f"Children in care on {inputs.snapshot_words} by legal status",
        f.counts("cohort.legal_status.count"), label="Legal status", count_header="Children",
        metric_ids=["cohort.legal_status.count"],
    )  # fmt: skip
    kinds = breakdown_table(
        "placement-types", f"Children in care on {inputs.snapshot_words} by placement",
        f.counts("placement.type.pct"), shares=f.shares("placement.type.pct"),
        label="Placement", count_header="Children", labels=labels.placement,
        order=list(labels.PLACEMENT_GROUPS), metric_ids=["placement.type.pct"],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[legal, kinds, distance_table(inputs)],
        charts=[bar_chart(kinds, "placement-types-chart", "Children in care by placement",
                          kind="hbar")],
    )  # fmt: skip


def distance_table(inputs: ReportInputs) -> Table | None:
    return figures_table(
        "placement-distance", "Children placed away from home", inputs.tables,
        [
            ("Placed outside the council's area", "placement.out_of_area.count"),
            ("Placed more than 20 miles from home", "placement.distance_over_20mi.count"),
        ],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(placement_sentence(inputs), distance_sentence(inputs))


def placement_sentence(inputs: ReportInputs) -> str | None:
    """'The largest group, 44%, lived with council foster carers.'"""
    shares = {k: v for k, v in inputs.said.shares("placement.type.pct").items() if say.known(v)}
    if not shares:
        return None
    largest = max(shares, key=shares.get)
    lived = LIVED.get(largest, "were in other placements")
    return say.sentence(
        f"the largest group of children in care, {say.percent(shares[largest])}, {lived}"
    )


def distance_sentence(inputs: ReportInputs) -> str | None:
    f = inputs.said
    outside = f.value("placement.out_of_area.count")
    far = f.value("placement.distance_over_20mi.count")
    parts = []
    if say.known(outside):
        parts.append(
            f"{say.subject(outside, 'child')} {say.was_were(outside)} placed outside the "
            "council's area"
        )
    if say.known(far):
        parts.append(f"{say.number(far)} more than 20 miles from home")
    return say.sentence(say.listing(parts)) if parts else None
