"""Timeliness of reviews: pooled across all reviews (never the mean of the three rates,
metrics.md §2.17), by type with last year's figure, month by month, and why reviews were late."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Cell, Section, Table
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import (
    bar_chart,
    breakdown_table,
    chart_of,
    figures_table,
    month_label,
    percentages_table,
)

SECTION_ID = "timeliness"
TITLE = "Timeliness of reviews"
BY_TYPE = [
    ("First reviews", "reviews.timeliness.first_pct"),
    ("Second reviews", "reviews.timeliness.second_pct"),
    ("Later reviews", "reviews.timeliness.subsequent_pct"),
    ("All reviews", "reviews.timeliness.all_pct"),
]


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    by_type = percentages_table(
        "timeliness-type", "Reviews on time by type of review", f, BY_TYPE,
        year=inputs.year, previous_year=inputs.previous_year,
        notes=[f"On time: first reviews within {inputs.rules.reviews.first} of coming into "
               f"care, second within {inputs.rules.reviews.second} of the first, later ones "
               f"within {inputs.rules.reviews.subsequent} of the one before (regulation 33). "
               "All reviews: every review on time over every review, not an average of rates."],
    )  # fmt: skip
    monthly = monthly_table(inputs)
    late = figures_table(
        "late-reviews", "Late and missed reviews", f,
        [("Reviews held late", "reviews.timeliness.late_count"),
         ("Reviews due that did not take place", "reviews.timeliness.missed_count")],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    reasons = breakdown_table(
        "late-reasons", "Why reviews were late", f.counts("reviews.timeliness.late_reason.count"),
        label="Reason", count_header="Late reviews", labels=labels.late_reason,
        metric_ids=["reviews.timeliness.late_reason.count"],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[by_type, monthly, late, reasons],
        charts=[chart_of(monthly, "timeliness-month-chart", "Reviews on time each month",
                         kind="line", series=["Per cent on time"]),
                bar_chart(reasons, "late-reasons-chart", "Why reviews were late", kind="hbar")],
    )  # fmt: skip


def monthly_table(inputs: ReportInputs) -> Table | None:
    f, metric_id = inputs.tables, "reviews.timeliness.monthly_pct"
    values = f.breakdown(metric_id)
    if not values:
        return None
    numerators, denominators = _dict(f.numerator(metric_id)), _dict(f.denominator(metric_id))
    rows: list[list[Cell]] = [
        [month_label(m), denominators.get(m), numerators.get(m), values.get(m)]
        for m in inputs.period.months()
        if m in values or m in denominators
    ]
    return Table(
        "timeliness-month", "Reviews on time each month",
        ["Month", "Reviews", "On time", "Per cent on time"], rows,
        kinds=["label", "count", "count", "pct"], metric_ids=[metric_id],
    )  # fmt: skip


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(by_type_sentence(inputs), late_sentence(inputs), reason_sentence(inputs))


def by_type_sentence(inputs: ReportInputs) -> str | None:
    """'85% of reviews were on time, up from 83%: 68% of first reviews, 90% of second reviews
    and 96% of later reviews.'"""
    f, metric_id = inputs.said, "reviews.timeliness.all_pct"
    value, before = f.value(metric_id), f.previous(metric_id)
    if not say.known(value):
        return None
    text = f"{say.percent(value, beside=before)} of reviews were on time"
    change = say.compare_percent(value, before)
    if change:
        text += f", {change}"
    parts = [
        f"{say.percent(f.value(mid))} of {label.lower()}"
        for label, mid in BY_TYPE[:3]
        if say.known(f.value(mid))
    ]
    return say.sentence(text + (": " + say.listing(parts) if parts else ""))


def late_sentence(inputs: ReportInputs) -> str | None:
    f = inputs.said
    late, missed = (
        f.value("reviews.timeliness.late_count"),
        f.value("reviews.timeliness.missed_count"),
    )
    if not say.known(late):
        return None
    text = f"{say.subject(late, 'review')} {say.was_were(late)} held late"
    if say.known(missed) and missed:
        text += (
            f", and {say.count_of(missed, 'review')} that {say.was_were(missed)} due did not take "
            "place while the child was in care"
        )
    return say.sentence(text)


def reason_sentence(inputs: ReportInputs) -> str | None:
    counts = {
        k: n
        for k, n in inputs.said.counts("reviews.timeliness.late_reason.count").items()
        if say.known(n) and n
    }
    if not counts:
        return None
    top = max(counts, key=counts.get)
    return say.sentence(
        f"the most common reason a review was late was: {labels.late_reason(top).lower()} "
        f"({say.count_of(counts[top], 'review')})"
    )
