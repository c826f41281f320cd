"""Quality assurance: case audits and dip samples, and the mean scores by who scored them."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Cell, Section, Table, is_number
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import breakdown_table, figures_table

SECTION_ID = "audits"
TITLE = "Quality assurance audits"
CASES = "audit.cases.count"
SCORES = "audit.score.mean_by_role"


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    scalar = not isinstance(f.value(CASES), dict)
    total = figures_table(
        "audit-total", "Cases audited", f, [("Cases audited", CASES)],
        year=inputs.year, previous_year=inputs.previous_year,
    ) if scalar else None  # fmt: skip
    by_type = breakdown_table(
        "audit-cases", "Cases audited by type of audit",
        f.detail(CASES, "by_type") if scalar else f.counts(CASES), label="Audit",
        count_header="Cases", labels=labels.audit_type, metric_ids=[CASES],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[total, by_type, scores(inputs)],
    )  # fmt: skip


def scores(inputs: ReportInputs) -> Table | None:
    means = inputs.tables.breakdown(SCORES)
    before = inputs.tables.breakdown(SCORES, "previous")
    rows: list[list[Cell]] = [
        [labels.audit_role(str(role)), _figure(value), _figure(before.get(role))]
        for role, value in means.items()
    ]
    if not rows:
        return None
    return Table(
        "audit-scores", "Average audit score by who scored",
        ["Scored by", inputs.year, inputs.previous_year], rows,
        kinds=["label", "number", "number"], metric_ids=[SCORES],
    )  # fmt: skip


def _figure(value) -> Cell:
    if isinstance(value, dict):  # {"mean": x, ...}
        value = value.get("mean")
    return round(value, 2) if is_number(value) else None


def sentences(inputs: ReportInputs) -> list[str]:
    f = inputs.said
    cases = f.value(CASES)
    if isinstance(cases, dict):
        values = list(cases.values())
        cases = sum(values) if values and all(say.known(v) for v in values) else None
    if not say.known(cases):
        return []
    return say.drafted(
        say.sentence(f"{say.subject(cases, 'case')} {say.was_were(cases)} audited in the year")
    )
