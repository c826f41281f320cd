"""Statutory review timetables for metrics: the reviews held in each period of care, loaded once
for every metric and both years of a computation, and the rules core's timetables over them.

`midway.coverage.pct` (timetables at the snapshot of the periods current then) and
`reviews.timeliness.missed_count` (timetables the day after the year ends of every period in
the year) read the same reviews: one query over the days of the computation (`ctx.over_span`)
instead of one per metric and year, narrowed here to each one's periods and days. Reviews are
known from `irohub.reviews.derive.history_start()`, as when the reviews were derived.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext
from irohub.reviews.derive import cut_short, history_start, period_for_timing
from irohub.reviews.models import Review
from irohub.statutory.reviews import ReviewHeld, Timetable, review_timetables


def reviews_held(ctx: MetricContext, start: date, end: date) -> dict[int, list[ReviewHeld]]:
    """period pk -> the reviews (every basis) held on or before `end` in each period of care
    with a day between start and end that has any (a period's end date is its last day)."""

    def load():
        held = ctx.over_span("timetables.held", start, end, _load)
        found = {}
        for period in data.periods_overlapping(ctx, start, end):
            reviews = [r for r in held.get(period.pk, ()) if r.date <= end]
            if reviews:
                found[period.pk] = reviews
        return found

    return ctx.cached(f"timetables.held:{start}:{end}", load)


def _load(start: date, end: date) -> dict[int, list[ReviewHeld]]:
    """One query: the reviews held up to `end` in the periods with a day between start and end
    (in no particular order: the rules core sorts them)."""
    rows = (
        Review.objects.filter(period__start__lte=end, review_date__lte=end)
        .exclude(period__end__lt=start)
        .order_by()  # not the model's order by child id: a join and a sort the core does not need
        .values_list("period_id", "review_date", "additional", "statutory_basis", "first_part_date")
    )
    found: dict[int, list[ReviewHeld]] = {}
    alike: dict[tuple, ReviewHeld] = {}  # one frozen value for reviews alike: ~8x fewer built
    for period, *review in rows:
        key = tuple(review)
        if key not in alike:
            day, additional, basis, part = key
            alike[key] = ReviewHeld(day, bool(additional), basis, part)
        found.setdefault(period, []).append(alike[key])
    return found


def timetables(
    ctx: MetricContext, periods: Iterable[data.PeriodRow], *, start: date, end: date, as_at: date
) -> list[Timetable]:
    """The rules core's timetable as at `as_at` of each period (in order; each has a day
    between start and end), over the reviews held in it up to `end`; the child's date of
    birth bounds it at 18."""
    held, known = reviews_held(ctx, start, end), data.children(ctx)
    known_from = ctx.shared("timetables.history_start", history_start)
    # Periods whose start is not in the data matter only when the reviews' history is cut short.
    cut = ctx.shared("timetables.cut_short", cut_short) if known_from else {}
    items = [
        (period_for_timing(p, p.child, cut.get(p.pk)), held.get(p.pk, []),
         known[p.child].dob if p.child in known else None)
        for p in periods
    ]  # fmt: skip
    return review_timetables(items, rules=ctx.rules, as_at=as_at, reviews_known_from=known_from)
