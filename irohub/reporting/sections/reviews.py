"""Reviews held: how many, for how many children, month by month, by type, by IRO and format."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section
from irohub.reporting.sections import labels, timeliness
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import bar_chart, breakdown_table, figures_table, month_label

SECTION_ID = "reviews"
TITLE = "Reviews of children's care plans"
HELD_ID = "reviews_held"


def build(inputs: ReportInputs) -> Section:
    return section(
        inputs, SECTION_ID, TITLE, sentences=say.drafted(headline(inputs)),
        subsections=[held(inputs), timeliness.build(inputs)],
    )  # fmt: skip


def held(inputs: ReportInputs) -> Section:
    f = inputs.tables
    by_month = breakdown_table(
        "reviews-month", "Reviews held each month", f.counts("reviews.by_month.count"),
        label="Month", count_header="Reviews", labels=month_label, order=inputs.period.months(),
        with_share=False, metric_ids=["reviews.by_month.count"],
    )  # fmt: skip
    by_type = breakdown_table(
        "reviews-type", "Reviews by type", f.counts("reviews.by_type.count"), label="Review",
        count_header="Reviews", labels=labels.review_type, order=labels.REVIEW_TYPE_ORDER,
        metric_ids=["reviews.by_type.count"],
    )  # fmt: skip
    counts = f.counts("reviews.by_iro.count")
    by_iro = breakdown_table(
        "reviews-iro", "Reviews chaired by each IRO", counts, label="IRO",
        count_header="Reviews", labels=inputs.iro_label, order=sorted(counts, key=str),
        metric_ids=["reviews.by_iro.count"],
    )  # fmt: skip
    by_format = breakdown_table(
        "reviews-format", "How reviews were held", f.counts("reviews.by_format.pct"),
        shares=f.shares("reviews.by_format.pct"), label="Format", count_header="Reviews",
        labels=labels.review_format, order=["in_person", "virtual", "hybrid"],
        metric_ids=["reviews.by_format.pct"],
    )  # fmt: skip
    return section(
        inputs, HELD_ID, "Reviews held", sentences=held_sentences(inputs),
        tables=[key_counts(inputs), averages(inputs), by_month, by_type, by_iro, by_format],
        charts=[bar_chart(by_month, "reviews-month-chart", "Reviews held each month"),
                bar_chart(by_iro, "reviews-iro-chart", "Reviews chaired by each IRO")],
    )  # fmt: skip


def key_counts(inputs: ReportInputs):
    return figures_table(
        "reviews-key", "Reviews: key figures", inputs.tables,
        [
            ("Reviews held", "reviews.held.count"),
            ("Children reviewed", "reviews.children_reviewed.count"),
            ("Reviews chaired or co-chaired by the child", "reviews.child_chaired.count"),
            ("Additional (early) reviews", "reviews.additional.count"),
            ("Short-break reviews (regulation 48, not counted above)", "reviews.short_break.count"),
        ],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip


def averages(inputs: ReportInputs):
    return figures_table(
        "reviews-averages", "Reviews: averages", inputs.tables,
        [
            ("Reviews for each child reviewed", "reviews.per_child.mean"),
            ("Reviews each month", "reviews.by_month.mean"),
            ("Reviews each month for each full-time IRO", "reviews.per_iro_fte_month"),
        ],
        year=inputs.year, previous_year=inputs.previous_year, kind="number",
    )  # fmt: skip


def headline(inputs: ReportInputs) -> str | None:
    """'798 reviews were held for 440 children, 37 fewer than in 2023-24; 85% were on time, up
    from 83%.'"""
    f = inputs.said
    held, children = f.value("reviews.held.count"), f.value("reviews.children_reviewed.count")
    if not say.known(held):
        return None
    text = f"{say.subject(held, 'review')} {say.was_were(held)} held"
    if say.known(children) and held:
        text += f" for {say.count_of(children, 'child')}"
    change = say.compare_count(held, f.previous("reviews.held.count"), year=inputs.previous_year)
    if change:
        text += f", {change}"
    return say.sentence(text, on_time_clause(inputs))


def on_time_clause(inputs: ReportInputs) -> str | None:
    """'85% were on time, up from 83%'."""
    f, metric_id = inputs.said, "reviews.timeliness.all_pct"
    value, before = f.value(metric_id), f.previous(metric_id)
    if not say.known(value):
        return None
    change = say.compare_percent(value, before)
    text = f"{say.percent(value, beside=before)} were on time"
    return f"{text}, {change}" if change else text


def held_sentences(inputs: ReportInputs) -> list[str]:
    f = inputs.said
    mean, per_child = f.value("reviews.by_month.mean"), f.value("reviews.per_child.mean")
    average = None
    if say.known(mean):
        average = f"on average {say.number(round(mean, 1))} reviews were held each month"
        if say.known(per_child):
            average += f", {say.number(round(per_child, 2))} for each child reviewed"
    busiest = None
    months = {m: n for m, n in f.breakdown("reviews.by_month.count").items() if say.known(n)}
    if months:
        peak = max(months, key=months.get)
        busiest = (
            f"the busiest month was {month_label(peak)} ({say.count_of(months[peak], 'review')})"
        )
    chaired = f.value("reviews.child_chaired.count")
    chair_text = None
    if say.known(chaired) and chaired:
        chair_text = f"{say.count_of(chaired, 'review')} {say.was_were(chaired)} chaired or co-chaired by the child"
    return say.drafted(say.sentence(average, busiest), say.sentence(chair_text))
