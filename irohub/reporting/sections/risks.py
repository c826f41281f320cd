"""Risks and challenges: what the figures say needs attention (targets not met, caseloads above
the band, reviews overdue, children without an IRO, escalations still open), then the manager's
own account of the risks."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.contract import registry
from irohub.reporting.document import Cell, Section, Table
from irohub.reporting.render.cells import format_date
from irohub.reporting.sections.base import ReportInputs, section

SECTION_ID = "risks"
TITLE = "Risks and challenges"
LIVE = [
    ("Children whose review is overdue", "reviews.overdue_open.count"),
    ("Children whose review is due soon and not yet booked", "reviews.due_soon.count"),
    ("Children in care without an allocated IRO", "iro.unallocated.count"),
]


def build(inputs: ReportInputs) -> Section:
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs), tables=[live_table(inputs)]
    )


def live_table(inputs: ReportInputs) -> Table | None:
    """Live figures, as on the report's "as at" date: they have no previous year."""
    f = inputs.tables
    rows: list[list[Cell]] = [
        [label, f.value(metric_id)] for label, metric_id in LIVE if f.value(metric_id) is not None
    ]
    if not rows:
        return None
    return Table(
        "live-position", f"The position on {format_date(inputs.as_at)}", ["Measure", "Children"],
        rows, kinds=["label", "count"], metric_ids=[metric_id for _, metric_id in LIVE],
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(*missed_targets(inputs), caseload(inputs), *live(inputs))


def missed_targets(inputs: ReportInputs) -> list[str | None]:
    register = inputs.said.value("targets.register")
    if not isinstance(register, list):
        return []
    found = []
    for row in register:
        if not isinstance(row, dict) or row.get("rag") != "red":
            continue
        metric_id, actual, target = row.get("metric_id"), row.get("actual"), row.get("target")
        if say.known(actual, target):
            name, unit = _describe(metric_id)
            found.append(
                say.sentence(
                    f"{name} ({say.number(actual)}{unit}) was short of its target of "
                    f"{say.number(target)}{unit}"
                )  # fmt: skip
            )
    return found


def _describe(metric_id) -> tuple[str, str]:
    """The metric's title, and "%" when it is a percentage."""
    found = registry().get(metric_id)
    if found is None:
        return str(metric_id), ""
    return found.title, "%" if found.unit == "pct" else ""


def caseload(inputs: ReportInputs) -> str | None:
    per_fte = inputs.said.value("iro.caseload.per_fte")
    low, high = inputs.rules.caseload.band_per_fte
    if not say.known(per_fte) or per_fte <= high:
        return None
    return say.sentence(
        f"caseloads average {say.number(round(per_fte, 1))} children for each full-time IRO, "
        f"above the {say.number(low)}-{say.number(high)} the IRO Handbook recommends"
    )


def live(inputs: ReportInputs) -> list[str | None]:
    f, when = inputs.said, format_date(inputs.as_at)
    overdue, unallocated = f.value("reviews.overdue_open.count"), f.value("iro.unallocated.count")
    open_escalations = f.value("escalation.open.count")
    texts = []
    if say.known(overdue) and overdue:
        texts.append(
            f"on {when}, {say.count_of(overdue, 'child')} {say.was_were(overdue)} waiting for "
            "an overdue review"
        )
    if say.known(unallocated) and unallocated:
        texts.append(
            f"{say.count_of(unallocated, 'child')} in care {say.was_were(unallocated)} without "
            "an allocated IRO"
        )
    if say.known(open_escalations) and open_escalations:
        texts.append(
            f"{say.count_of(open_escalations, 'escalation')} {say.was_were(open_escalations)} "
            "still open at the end of the year"
        )
    return [say.sentence(text) for text in texts]
