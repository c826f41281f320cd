"""A hand-built, entirely synthetic annual report document.

Used by the renderer tests, the render benchmark and as a preview of the layout: it has every
kind of table the seeds publish (a breakdown with a total, a month-by-age matrix with totals both
ways, a month-end series, year-on-year percentages) and a chart of every kind.
"""

from __future__ import annotations

import copy
from datetime import date

from irohub.reporting.document import Chart, ReportDocument, Section, Table

MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
BANDS = ["under 1", "1-4", "5-9", "10-15", "16+"]
AGES = [10, 60, 32, 80, 147]  # children in care on 31 March by band

# Admissions by age band (rows) and month (columns), before totals.
ADMISSIONS = [
    [1, 3, 1, 2, 0, 2, 1, 2, 1, 0, 0, 0],
    [0, 0, 0, 0, 2, 3, 1, 1, 3, 2, 1, 0],
    [0, 0, 2, 2, 0, 0, 0, 1, 0, 1, 3, 2],
    [4, 3, 5, 2, 5, 8, 10, 10, 3, 2, 5, 1],
    [2, 4, 3, 9, 13, 43, 40, 15, 11, 3, 4, 5],
]


def sample_document() -> ReportDocument:
    return ReportDocument(
        title="Independent Reviewing Officer annual report 2024-25",
        council="Northbrook Borough Council",
        year="2024-25",
        period_start=date(2024, 4, 1),
        period_end=date(2025, 3, 31),
        snapshot=date(2025, 3, 31),
        sections=[_summary(), _children(), _reviews(), _escalations()],
        method_notes=["Percentages are rounded half-up to one decimal place."],
        generated_on=date(2026, 11, 22),
    )


def large_document(tables: int = 40, charts: int | None = None) -> ReportDocument:
    """The sample, its sections repeated (with fresh ids) until it holds this many tables;
    with `charts`, only the first that many charts are kept."""
    doc = sample_document()
    pattern = [s for s in doc.sections if s.tables or s.subsections]
    sections, count, copy_number = list(doc.sections), len(_tables_of(doc.sections)), 2
    while count < tables:
        for section in pattern:
            if count >= tables:
                break
            clone = _renamed(copy.deepcopy(section), f"x{copy_number}")
            count += len(_tables_of([clone]))
            sections.append(clone)
        copy_number += 1
    doc.sections = sections
    if charts is not None:
        _keep_charts(doc.sections, charts)
    return doc


def _keep_charts(sections: list[Section], allowed: int) -> int:
    for section in sections:
        section.charts = section.charts[: max(allowed, 0)]
        allowed -= len(section.charts)
        allowed = _keep_charts(section.subsections, allowed)
    return allowed


def _tables_of(sections: list[Section]) -> list[Table]:
    return [t for s in sections for t in s.tables + _tables_of(s.subsections)]


def _renamed(section: Section, suffix: str) -> Section:
    section.id = f"{section.id}-{suffix}"
    for table in section.tables:
        table.id = f"{table.id[:27]}-{suffix}"
    for chart in section.charts:
        chart.id, chart.table_id = f"{chart.id}-{suffix}", f"{chart.table_id[:27]}-{suffix}"
    section.subsections = [_renamed(child, suffix) for child in section.subsections]
    return section


def _summary() -> Section:
    return Section(
        id="summary",
        title="Summary of key messages",
        sentences=[
            "329 children were in care on 31 March 2025, 34 more than a year before (295).",
            "798 reviews were held for 440 children, 37 fewer than in 2023-24; 85.1% were on "
            "time, up from 83.0%.",
        ],
        narrative=["The service met its target for midway reviews for the first time."],
    )


def _children() -> Section:
    by_age = Table(
        id="cla-by-age",
        title="Children in care on 31 March 2025 by age band",
        columns=["Age band", "Children", "%"],
        rows=[[b, n, p] for b, n, p in zip(BANDS, AGES, _pcts(329), strict=True)]
        + [["Total", 329, 100.0]],
        kinds=["label", "count", "pct"],
        total_row=True,
        metric_ids=["cohort.cla_snapshot.by_age_band", "cohort.cla_snapshot.count"],
    )
    section = Section(
        id="children",
        title="The children in care",
        sentences=["Most children in care (69%) were aged 10 or over."],
        narrative=[
            "The rise in autumn followed the arrival of unaccompanied young people.",
            "> My IRO listens to me and makes sure things happen. (young person, 15)",
        ],
        tables=[by_age, _admissions(), _month_end(), _ethnicity()],
        charts=[
            Chart(
                "cla-by-age-chart",
                "Children in care by age band",
                "bar",
                "cla-by-age",
                ["Children"],
            ),
            Chart(
                "admissions-chart",
                "Admissions by month and age band",
                "stacked_bar",
                "admissions",
                BANDS,
            ),
            Chart(
                "month-end-chart",
                "Children in care at each month end",
                "line",
                "month-end",
                ["Children in care", "UASC"],
            ),
            Chart(
                "ethnicity-chart",
                "Ethnicity against the child population",
                "hbar",
                "ethnicity",
                ["% of children in care", "% of population"],
            ),
        ],
    )
    section.subsections = [_uasc()]
    return section


def _pcts(total: int) -> list[float]:
    return [round(n * 100 / total, 1) for n in AGES]


def _admissions() -> Table:
    by_month = [list(counts) for counts in zip(*ADMISSIONS, strict=True)]
    rows = [[month, *counts, sum(counts)] for month, counts in zip(MONTHS, by_month, strict=True)]
    totals = [sum(column) for column in zip(*(row[1:] for row in rows), strict=True)]
    return Table(
        id="admissions",
        title="Admissions by month and age band",
        columns=["Month", *BANDS, "Total"],
        rows=[*rows, ["Total", *totals]],
        kinds=["label"] + ["count"] * (len(BANDS) + 1),
        total_row=True,
        total_column=True,
        notes=["Children aged 16 and over include 120 unaccompanied young people."],
        metric_ids=["flow.admissions.by_month_age"],
    )


def _month_end() -> Table:
    cla = [291, 287, 288, 290, 295, 331, 372, 386, 392, 371, 366, 329]
    uasc = [83, 79, 76, 71, 75, 121, 156, 166, 174, 157, 148, 114]
    rate = [44.2, 43.6, 43.8, 44.1, 44.9, 50.3, 56.6, 58.7, 59.6, 56.4, 55.6, 50.0]
    return Table(
        id="month-end",
        title="Children in care and UASC at each month end",
        columns=["Month", "Children in care", "Rate per 10,000", "UASC"],
        rows=[[m, c, r, u] for m, c, r, u in zip(MONTHS, cla, rate, uasc, strict=True)],
        kinds=["label", "count", "rate", "count"],
        metric_ids=["cohort.cla_month_end.count", "cohort.uasc_month_end.count"],
    )


def _ethnicity() -> Table:
    return Table(
        id="ethnicity",
        title="Ethnicity of children in care against the child population",
        columns=["Ethnic group", "Children", "% of children in care", "% of population"],
        rows=[
            ["Asian", 48, 14.6, 33.5],
            ["Black", 74, 22.5, 10.3],
            ["Mixed", 41, 12.5, 9.0],
            ["Other", 60, 18.2, 4.6],
            ["White", 106, 32.2, 42.6],
        ],
        kinds=["label", "count", "pct", "pct"],
        metric_ids=["cohort.cla_snapshot.by_ethnicity", "cohort.population_comparison.pct"],
    )


def _uasc() -> Section:
    return Section(
        id="uasc",
        title="Unaccompanied children",
        sentences=["114 unaccompanied children were in care on 31 March 2025 (34.7%)."],
    )


def _reviews() -> Section:
    timeliness = Table(
        id="timeliness",
        title="Reviews held on time by type of review",
        columns=["Type of review", "Held", "On time", "2023-24 % on time", "2024-25 % on time"],
        rows=[
            ["First", 173, 119, 84.5, 68.8],
            ["Second", 144, 130, 95.2, 90.3],
            ["Subsequent", 481, 430, 86.1, 89.4],
            ["All", 798, 679, 83.0, 85.1],
        ],
        kinds=["label", "count", "count", "pct", "pct"],
        total_row=True,
        notes=["A review is on time when it is held on or before its due date."],
        metric_ids=["reviews.timeliness.first_pct", "reviews.timeliness.all_pct"],
    )
    participation = Table(
        id="participation",
        title="How children took part in their reviews",
        columns=["Participation", "Reviews", "% of all reviews", "% of reviews of children 4+"],
        rows=[
            ["PN0 under 4", 114, 14.3, None],
            ["PN1 attended and spoke", 519, 65.0, 76.0],
            ["PN2 attended, advocate spoke", 14, 1.8, 2.0],
            ["PN3 attended, non-verbal", 4, 0.5, 0.6],
            ["PN4 attended, did not contribute", 5, 0.6, 0.7],
            ["PN5 advocate briefed", 0, 0.0, 0.0],
            ["PN6 views sent", 75, 9.4, 11.0],
            ["PN7 did not take part", 67, 8.4, 9.8],
            ["Total", 798, 100.0, 100.0],
        ],
        kinds=["label", "count", "pct", "pct"],
        total_row=True,
        metric_ids=["participation.code.count", "participation.code.pct_4plus"],
    )
    return Section(
        id="reviews",
        title="Reviews",
        sentences=["85.1% of reviews were held on time, up from 83.0% in 2023-24."],
        tables=[timeliness, participation],
        charts=[
            Chart(
                "timeliness-chart",
                "Reviews on time by type, this year and last",
                "grouped_bar",
                "timeliness",
                ["2023-24 % on time", "2024-25 % on time"],
                alt="Grouped bars: first reviews fell from 84.5% to 68.8% on time; second and "
                "subsequent reviews stayed near 90%.",
            )
        ],
    )


def _escalations() -> Section:
    themes = Table(
        id="escalation-themes",
        title="Escalations by theme",
        columns=["Theme", "Escalations"],
        rows=[
            ["Care or pathway plan not available", 9],
            ["Placement suitability or stability", 6],
            ["Contact with family and siblings", 4],
            ["Education provision", 3],
            ["Delay in court proceedings", 0],
        ],
        kinds=["label", "count"],
        metric_ids=["escalation.by_theme.count"],
    )
    stages = Table(
        id="escalation-stages",
        title="Escalations by the highest stage reached",
        columns=["Stage", "Escalations", "Resolved in 20 working days"],
        rows=[
            ["Informal", 19, 17],
            ["Team manager", 5, 4],
            ["Head of service", 3, 2],
            ["Total", 27, 23],
        ],
        kinds=["label", "count", "count"],
        total_row=True,
        metric_ids=["escalation.max_stage.count"],
    )
    return Section(
        id="escalations",
        title="Escalations",
        sentences=["IROs raised 27 escalations for 22 children, 7 fewer than in 2023-24."],
        tables=[themes, stages],
        charts=[
            Chart(
                "themes-chart", "Escalations by theme", "hbar", "escalation-themes", ["Escalations"]
            )
        ],
    )
