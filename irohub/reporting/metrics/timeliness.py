"""Review timeliness (metrics.md §2.7): reviews completed on or before their due date ÷ reviews
completed, POOLED over every review of the group. Never the mean of the per-type rates: Hounslow
published 84.5% as the mean of three rates when its reviews give 89.3% (§2.17).

Due dates and in-time flags are derived by irohub.reviews.derive from the statutory timetable
(reg 33: first within 20 working days, second within 3 months, then 6-monthly). Reviews that
could not be timed (outside any period of care, after the 18th birthday, or the first known
review of a period that began before irohub's records of reviews start) are left out of the
rates and counted in `not_assessed`. Live metrics (overdue, due soon) read the children's live
fields as at `ctx.as_at`.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from irohub.children.models import Child
from irohub.reporting.metrics import data, timetables
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct
from irohub.reporting.metrics.reviews import REVIEW_TYPES
from irohub.reviews.models import Review

DUE_SOON_WORKING_DAYS = 20  # metrics.md §2.7 reviews.due_soon.count default
OVERDUE_BANDS = ((1, 7, "1-7 days"), (8, 28, "8-28 days"), (29, None, "29+ days"))


def _timeliness(ctx: MetricContext, metric_id: str, review_type: str | None) -> MetricResult:
    reviews = [
        r
        for r in data.reviews_in_period(ctx)
        if review_type is None or r.review_type == review_type
    ]
    timed = [r for r in reviews if r.in_time is not None]
    on_time = sum(r.in_time for r in timed)
    return MetricResult(metric_id, pct(on_time, len(timed)), numerator=on_time,
                        denominator=len(timed), extra={"not_assessed": len(reviews) - len(timed)})  # fmt: skip


@metric("reviews.timeliness.all_pct", title="Reviews held on time", unit="pct")
def all_pct(ctx: MetricContext) -> MetricResult:
    return _timeliness(ctx, "reviews.timeliness.all_pct", None)


@metric("reviews.timeliness.first_pct", title="First reviews held on time", unit="pct")
def first_pct(ctx: MetricContext) -> MetricResult:
    return _timeliness(ctx, "reviews.timeliness.first_pct", "first")


@metric("reviews.timeliness.second_pct", title="Second reviews held on time", unit="pct")
def second_pct(ctx: MetricContext) -> MetricResult:
    return _timeliness(ctx, "reviews.timeliness.second_pct", "second")


@metric("reviews.timeliness.subsequent_pct", title="Subsequent reviews held on time", unit="pct")
def subsequent_pct(ctx: MetricContext) -> MetricResult:
    return _timeliness(ctx, "reviews.timeliness.subsequent_pct", "subsequent")


def _late(ctx: MetricContext) -> list[data.ReviewRow]:
    return [r for r in data.reviews_in_period(ctx) if r.in_time is False]


@metric("reviews.timeliness.late_count", title="Reviews held late", unit="count")
def late_count(ctx: MetricContext) -> MetricResult:
    late = _late(ctx)
    types = Counter(r.review_type for r in late)
    chairs = Counter(r.chair_iro_id or "no chair" for r in late)
    extra = {"by_type": {t: types[t] for t in REVIEW_TYPES}, "by_iro": dict(sorted(chairs.items()))}
    return MetricResult("reviews.timeliness.late_count", len(late), extra=extra)


@metric("reviews.timeliness.monthly_pct", title="Reviews on time by month", unit="breakdown")
def monthly_pct(ctx: MetricContext) -> MetricResult:
    """The pooled rate of each month of completion; numerator and denominator per month."""
    on_time, timed, reviews = Counter(), Counter(), data.reviews_in_period(ctx)
    for r in reviews:
        if r.in_time is not None:
            month = data.month_key(r.review_date)
            timed[month] += 1
            on_time[month] += r.in_time
    months = ctx.period.months()
    return MetricResult(
        "reviews.timeliness.monthly_pct",
        {m: pct(on_time[m], timed[m]) for m in months},
        numerator={m: on_time[m] for m in months},
        denominator={m: timed[m] for m in months},
        extra={"not_assessed": len(reviews) - timed.total()},
    )


@metric("reviews.timeliness.late_reason.count", title="Late reviews by reason", unit="breakdown")
def late_reason(ctx: MetricContext) -> MetricResult:
    counts = Counter(r.late_reason or "not_recorded" for r in _late(ctx))
    keys = (*Review.LateReason.values, "not_recorded")
    return data.count_breakdown(
        "reviews.timeliness.late_reason.count", {k: counts[k] for k in keys}
    )


@metric("reviews.timeliness.missed_count", title="Review due dates missed", unit="count")
def missed_count(ctx: MetricContext) -> MetricResult:
    """Reg 33 due dates in the year that passed while the child was looked after with no review
    held, as the statutory timetable sees them at the end of the year (a child who left care
    after a due date without a review counts; one who left on the due date does not). Reg 48
    short-break due dates missed are in `short_break`. A period that began before irohub's
    records of reviews and has no review known since has no due dates to count: the periods in
    which one has certainly passed by the year end are counted in `history_unknown`."""
    regular, breaks, unknown = Counter(), 0, 0
    for table in _year_end_timetables(ctx):
        unknown += table.history_unknown and not table.period.short_break
        for missed in table.missed:
            if ctx.period.contains(missed.due_date):
                if table.period.short_break:
                    breaks += 1
                else:
                    regular[missed.review_type] += 1
    extra = {"by_type": {t: regular[t] for t in REVIEW_TYPES}, "short_break": breaks,
             "history_unknown": unknown}  # fmt: skip
    return MetricResult("reviews.timeliness.missed_count", sum(regular.values()), extra=extra)


def _year_end_timetables(ctx: MetricContext):
    """Every period of care in the year, with the reviews it held up to the year end, through
    `irohub.statutory.reviews.review_timetables` as at the day after the year ends."""
    start, end = ctx.period.start, ctx.period.end
    return timetables.timetables(
        ctx, data.periods(ctx), start=start, end=end, as_at=end + timedelta(days=1)
    )


def _live_children(ctx: MetricContext) -> list[tuple]:
    """Children looked after now (live fields, refreshed daily by derive): their next due
    date, next review type and current IRO; short breaks left out by the cohort rule."""

    def load():
        rows = Child.objects.filter(looked_after=True).values_list(
            "pk", "next_review_due", "next_review_type", "current_iro__iro_id",
            "current_period__short_break",
        )  # fmt: skip
        skip_breaks = ctx.rules.cohort.exclude_short_breaks
        return [row[:4] for row in rows if not (skip_breaks and row[4])]

    return ctx.cached("timeliness.live", load)


def _overdue_band(days: int) -> str:
    return next(
        label
        for low, high, label in OVERDUE_BANDS
        if days >= low and (high is None or days <= high)
    )


@metric("reviews.overdue_open.count", title="Children whose review is overdue", unit="count",
        has_previous=False)  # fmt: skip
def overdue_open(ctx: MetricContext) -> MetricResult:
    """Children looked after whose next review was due before today (`ctx.as_at`)."""
    today = ctx.as_at
    overdue = [row for row in _live_children(ctx) if row[1] is not None and row[1] < today]
    bands = Counter(_overdue_band((today - row[1]).days) for row in overdue)
    chairs = Counter(row[3] or "unallocated" for row in overdue)
    extra = {"as_at": today.isoformat(), "by_days_overdue": {b[2]: bands[b[2]] for b in OVERDUE_BANDS},
             "by_iro": dict(sorted(chairs.items()))}  # fmt: skip
    return MetricResult("reviews.overdue_open.count", len(overdue), extra=extra)


@metric("reviews.due_soon.count", title="Children whose review is due soon", unit="count",
        has_previous=False)  # fmt: skip
def due_soon(ctx: MetricContext) -> MetricResult:
    """Children looked after whose next review is due from today to 20 working days ahead.
    irohub has no booking record yet, so booked and unbooked reviews are both counted."""
    today = ctx.as_at
    horizon = ctx.calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
    soon = [row for row in _live_children(ctx) if row[1] is not None and today <= row[1] <= horizon]
    chairs = Counter(row[3] or "unallocated" for row in soon)
    extra = {"as_at": today.isoformat(), "until": horizon.isoformat(),
             "by_iro": dict(sorted(chairs.items())), "booked_known": False}  # fmt: skip
    return MetricResult("reviews.due_soon.count", len(soon), extra=extra)
