"""The children in care through the year: month-end numbers, and children coming into and leaving
care by month and age (flow metrics leave out short breaks, metrics.md §2.0)."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Cell, Chart, Section, Table
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import (
    bar_chart,
    breakdown_table,
    chart_of,
    matrix_table,
    month_label,
)

SECTION_ID = "children_flow"
TITLE = "Children coming into and leaving care"


def build(inputs: ReportInputs) -> Section:
    f, months = inputs.tables, inputs.period.months()
    bands = list(inputs.rules.age_bands().labels)
    leaving = list(inputs.rules.age_bands().leaving().labels)
    series = month_end_table(inputs)
    admissions = matrix_table(
        "admissions", "Children coming into care by month and age at the start",
        f.breakdown("flow.admissions.by_month_age"), rows_label="Month", columns=bands,
        row_keys=months, metric_ids=["flow.admissions.by_month_age"],
    )  # fmt: skip
    discharges = matrix_table(
        "discharges", "Children leaving care by month and age when they left",
        f.breakdown("flow.discharges.by_month_age"), rows_label="Month", columns=leaving,
        row_keys=months, metric_ids=["flow.discharges.by_month_age"],
    )  # fmt: skip
    reasons = breakdown_table(
        "discharge-reasons", "Children leaving care by reason",
        f.counts("flow.discharges.by_reason"), label="Reason", count_header="Periods of care",
        labels=labels.discharge_reason, order=list(labels.DISCHARGE_REASONS),
        metric_ids=["flow.discharges.by_reason"],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[series, admissions, discharges, reasons],
        charts=[
            chart_of(series, "month-end-chart", "Children in care at the end of each month",
                     kind="line", series=["Children in care", "Unaccompanied children"]),
            _stacked(admissions, "admissions-chart", "Children coming into care by month"),
            _stacked(discharges, "discharges-chart", "Children leaving care by month"),
            bar_chart(reasons, "discharge-reasons-chart", "Reasons for leaving care", kind="hbar"),
        ],
    )  # fmt: skip


def _stacked(table: Table | None, chart_id: str, title: str) -> Chart | None:
    if table is None:
        return None
    return chart_of(table, chart_id, title, kind="stacked_bar", series=table.columns[1:-1])


def month_end_table(inputs: ReportInputs) -> Table | None:
    f = inputs.tables
    counts = f.breakdown("cohort.cla_month_end.count")
    rates = f.breakdown("cohort.cla_month_end.rate_per_10k")
    uasc = f.breakdown("cohort.uasc_month_end.count")
    if not counts:
        return None
    rows: list[list[Cell]] = [
        [month_label(month), counts.get(month), rates.get(month), uasc.get(month)]
        for month in inputs.period.months()
        if month in counts
    ]
    return Table(
        "month-end", "Children in care at the end of each month",
        ["Month", "Children in care", "Per 10,000 children", "Unaccompanied children"], rows,
        kinds=["label", "count", "rate", "count"],
        metric_ids=["cohort.cla_month_end.count", "cohort.cla_month_end.rate_per_10k",
                    "cohort.uasc_month_end.count"],
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(range_sentence(inputs), flow_sentence(inputs))


def range_sentence(inputs: ReportInputs) -> str | None:
    """'The number in care ranged from 264 (April 2024) to 301 (December 2024); 440 children
    were in care at some time in the year.'"""
    f = inputs.said
    counts = {m: n for m, n in f.breakdown("cohort.cla_month_end.count").items() if say.known(n)}
    any_time = f.value("cohort.cla_any_time.count")
    ranged = None
    if len(counts) > 1:
        low, high = min(counts, key=counts.get), max(counts, key=counts.get)
        ranged = (
            f"the number of children in care at the end of a month ranged from "
            f"{say.number(counts[low])} ({month_label(low)}) to {say.number(counts[high])} "
            f"({month_label(high)})"
        )
    during = None
    if say.known(any_time):
        during = f"{say.subject(any_time, 'child')} {say.was_were(any_time)} in care at some time in the year"
    return say.sentence(ranged, during)


def flow_sentence(inputs: ReportInputs) -> str | None:
    """'There were 184 admissions to care (177 children), 12 more than in 2023-24; 183
    discharges from care (177 children).'"""
    f = inputs.said
    started = _flow(f, "flow.admissions", "admission", "to", inputs.previous_year)
    ended = _flow(f, "flow.discharges", "discharge", "from", inputs.previous_year)
    parts = [t for t in (started, ended) if t]
    return say.sentence("there were " + parts[0], *parts[1:]) if parts else None


def _flow(f, prefix: str, noun: str, word: str, previous_year: str) -> str | None:
    count, children = f.value(f"{prefix}.count"), f.value(f"{prefix}.children_count")
    if not say.known(count):
        return None
    text = f"{say.subject(count, noun)} {word} care"
    if say.known(children):
        text += f" ({say.count_of(children, 'child')})"
    change = say.compare_count(count, f.previous(f"{prefix}.count"), year=previous_year)
    return f"{text}, {change}" if change else text
