"""Quality of planning and recording around each review (metrics.md §2.9; rules.md R3-R5, R7,
R11). The base is the year's statutory reviews (reg 33) held, as for every review metric.

Interpretations:

* Every percentage's denominator is the reviews held (a review with no date or answer recorded
  did not meet the standard: a missing report is not an on-time report), except that reviews
  whose decisions or record deadline has not yet passed at `as_at` and that have no date yet
  are pending, not late, and are left out (counted in `extra["pending"]`). `extra` also gives
  how many reviews had the field recorded and the percentage of those.
* Deadlines come from the rules core (`irohub.statutory.deadlines`): the social worker's report
  on or before `deadlines.pre_meeting_report` working days before the review; decisions and the
  record on or before `deadlines.decisions` / `deadlines.record` working days after it.
* `quality.record.mean_wd` is the mean of the working days from the review to the record
  (day 0 is the review), over reviews with a record dated on or after the review; median in
  `extra`.
* `quality.advocacy_offered.pct` is over the reviews of children aged 4 or more on the review
  date (`participation.pn0_under_age`): reviews where advocacy was offered ÷ those reviews.
"""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct, round_half_up
from irohub.statutory.deadlines import decisions_due, pre_meeting_report_due, record_due
from irohub.statutory.participation import pn0_expected

DEADLINES = {
    "pre_meeting_report": pre_meeting_report_due,
    "decisions": decisions_due,
    "record": record_due,
}


def deadline(ctx: MetricContext, kind: str):
    """review date -> the `kind` deadline from the rules core, remembered per date (a year has
    at most 366 review dates, however many reviews)."""
    memo, rule = ctx.cached(f"quality.deadline:{kind}", dict), DEADLINES[kind]

    def due(review_date):
        if review_date not in memo:
            memo[review_date] = rule(review_date, rules=ctx.rules).date
        return memo[review_date]

    return due


def _share(metric_id: str, met: int, base: int, recorded: int, met_of_recorded: int, **extra):
    return MetricResult(
        metric_id,
        pct(met, base),
        numerator=met,
        denominator=base,
        extra={"recorded": recorded, "recorded_pct": pct(met_of_recorded, recorded), **extra},
    )


@metric(
    "quality.pre_meeting_report.on_time_pct",
    title="Social worker's report shared in time before the review",
    unit="pct",
)
def pre_meeting_report(ctx: MetricContext) -> MetricResult:
    due = deadline(ctx, "pre_meeting_report")
    reviews = data.reviews_in_period(ctx)
    shared = [r for r in reviews if r.sw_report_date is not None]
    on_time = sum(1 for r in shared if r.sw_report_date <= due(r.review_date))
    return _share(
        "quality.pre_meeting_report.on_time_pct", on_time, len(reviews), len(shared), on_time,
        deadline=f"{ctx.rules.deadlines.pre_meeting_report} before the review",
    )  # fmt: skip


@metric(
    "quality.care_plan.available_at_review_pct",
    title="Updated care or pathway plan available at the review",
    unit="pct",
)
def care_plan_available(ctx: MetricContext) -> MetricResult:
    reviews = data.reviews_in_period(ctx)
    recorded = [r for r in reviews if r.care_plan_available is not None]
    available = sum(1 for r in recorded if r.care_plan_available)
    return _share(
        "quality.care_plan.available_at_review_pct",
        available,
        len(reviews),
        len(recorded),
        available,
    )


def _after_review(ctx: MetricContext, metric_id: str, kind: str, field: str) -> MetricResult:
    """Reviews whose `field` date is on or before the `kind` deadline ÷ reviews held, less the
    reviews still within their deadline with no date yet."""
    due = deadline(ctx, kind)
    base = recorded = met = pending = 0
    for review in data.reviews_in_period(ctx):
        done, limit = getattr(review, field), due(review.review_date)
        if done is None and limit >= ctx.as_at:
            pending += 1
            continue
        base += 1
        recorded += done is not None
        met += done is not None and done <= limit
    return _share(
        metric_id, met, base, recorded, met, pending=pending,
        deadline=f"{getattr(ctx.rules.deadlines, kind)} after the review",
    )  # fmt: skip


@metric(
    "quality.decisions.within_5wd_pct",
    title="Review decisions issued in time",
    unit="pct",
)
def decisions_in_time(ctx: MetricContext) -> MetricResult:
    return _after_review(ctx, "quality.decisions.within_5wd_pct", "decisions", "decisions_date")


@metric(
    "quality.record.within_15wd_pct",
    title="Record of the review completed in time",
    unit="pct",
)
def record_in_time(ctx: MetricContext) -> MetricResult:
    return _after_review(ctx, "quality.record.within_15wd_pct", "record", "record_date")


@metric(
    "quality.record.mean_wd",
    title="Working days from the review to its record",
    unit="mean",
)
def record_mean_working_days(ctx: MetricContext) -> MetricResult:
    between = ctx.calendar.working_days_between
    days = [
        between(r.review_date, r.record_date)
        for r in data.reviews_in_period(ctx)
        if r.record_date is not None and r.record_date >= r.review_date
    ]
    mean = round_half_up(Decimal(sum(days)) / len(days), 1) if days else None
    middle = round_half_up(Decimal(str(median(days))), 1) if days else None
    return MetricResult(
        "quality.record.mean_wd", mean, extra={"median": middle, "reviews": len(days)}
    )


@metric(
    "quality.advocacy_offered.pct",
    title="Advocacy offered at reviews of children aged 4 or over",
    unit="pct",
)
def advocacy_offered(ctx: MetricContext) -> MetricResult:
    under = ctx.rules.participation.pn0_under_age
    reviews = [
        r for r in data.reviews_in_period(ctx) if not pn0_expected(r.dob, r.review_date, under)
    ]
    recorded = [r for r in reviews if r.advocacy_offered is not None]
    offered = sum(1 for r in recorded if r.advocacy_offered)
    return _share("quality.advocacy_offered.pct", offered, len(reviews), len(recorded), offered)
