"""Midway reviews and the IRO's footprint between reviews (metrics.md §2.9, §2.10).

Interpretations:

* `midway.held.count` counts `midway_review` contacts dated in the year (by month and IRO in
  `extra`); `midway.children.count` the distinct children they were for;
  `quality.iro_footprint.count` every contact of any type dated in the year (by type and IRO).
* `midway.coverage.pct` (metrics.md core shapes): the children looked after at the snapshot
  (cohort rule) who have had a review in their current period of care and whose next review
  due date, as the rules core computes it at the snapshot, is far enough away that the midpoint
  between the latest review and that due date is on or before the snapshot (a midway was due);
  covered = those with a `midway_review` contact after the latest review, up to the snapshot.
  The midpoint is half the days between the two dates, rounded half up.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from irohub.reporting.metrics import data, timetables
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct
from irohub.reporting.metrics.caseloads import in_care_on
from irohub.reviews.models import Contact

MIDWAY = Contact.Type.MIDWAY_REVIEW.value


def contacts(ctx: MetricContext) -> list[tuple]:
    """(child pk, IRO id, date, type) of every contact in the year, one query."""

    def load():
        return list(
            Contact.objects.filter(contact_date__range=(ctx.period.start, ctx.period.end))
            .order_by("contact_date")
            .values_list("child_id", "iro__iro_id", "contact_date", "contact_type")
        )

    return ctx.cached("midway.contacts", load)


def _midways(ctx: MetricContext) -> list[tuple]:
    return [row for row in contacts(ctx) if row[3] == MIDWAY]


@metric("midway.held.count", title="Midway reviews held", unit="count")
def held(ctx: MetricContext) -> MetricResult:
    rows = _midways(ctx)
    months = Counter(data.month_key(row[2]) for row in rows)
    return MetricResult(
        "midway.held.count",
        len(rows),
        extra={
            "by_month": {key: months.get(key, 0) for key in ctx.period.months()},
            "by_iro": dict(sorted(Counter(row[1] for row in rows).items())),
        },
    )


@metric("midway.children.count", title="Children with a midway review", unit="count")
def children(ctx: MetricContext) -> MetricResult:
    return MetricResult("midway.children.count", len({row[0] for row in _midways(ctx)}))


@metric("quality.iro_footprint.count", title="IRO contacts between reviews", unit="count")
def footprint(ctx: MetricContext) -> MetricResult:
    rows = contacts(ctx)
    kinds = Counter(row[3] for row in rows)
    return MetricResult(
        "quality.iro_footprint.count",
        len(rows),
        extra={
            "by_type": {kind: kinds.get(kind, 0) for kind in Contact.Type.values},
            "by_iro": dict(sorted(Counter(row[1] for row in rows).items())),
        },
    )


def last_and_next(ctx: MetricContext, day: date) -> dict[int, tuple[date | None, date | None]]:
    """child pk -> (latest review, next due date) as at `day`, for the children looked after
    that day (cohort rule), from the rules core's review timetable of their period of care
    (computed once per context: the target register may ask for the coverage again)."""

    def load():
        periods = in_care_on(ctx, day)
        order = [child for child in data.looked_after_on(ctx, day) if child in periods]
        tables = timetables.timetables(
            ctx, (periods[child] for child in order), start=day, end=day, as_at=day
        )
        return {c: (t.last_review, t.next_due) for c, t in zip(order, tables, strict=True)}

    return ctx.cached(f"midway.last_and_next:{day}", load)


def _midpoint(last: date, due: date) -> date:
    return last + timedelta(days=((due - last).days + 1) // 2)


@metric("midway.coverage.pct", title="Children with a midway review when one was due", unit="pct")
def coverage(ctx: MetricContext) -> MetricResult:
    snapshot = ctx.period.snapshot
    timed = last_and_next(ctx, snapshot)
    due = {c: last for c, (last, nxt) in timed.items()
           if last is not None and nxt is not None and _midpoint(last, nxt) <= snapshot}  # fmt: skip
    covered = {c for c, day in _midways_up_to(ctx, due) if c in due and day > due[c]}
    return MetricResult(
        "midway.coverage.pct",
        pct(len(covered), len(due)),
        numerator=len(covered),
        denominator=len(due),
        extra={
            "not_yet_due": sum(1 for last, nxt in timed.values() if last and nxt) - len(due),
            "no_review_yet": sum(1 for last, _ in timed.values() if last is None),
        },
    )


def _midways_up_to(ctx: MetricContext, latest: dict[int, date]) -> list[tuple[int, date]]:
    """(child, date) of the midway reviews after the earliest of these latest reviews, up to the
    snapshot: one query (the year's contacts when they reach back far enough)."""
    if not latest:
        return []
    since, snapshot = min(latest.values()), ctx.period.snapshot
    if ctx.period.start <= since and snapshot <= ctx.period.end:
        return [(row[0], row[2]) for row in _midways(ctx) if since < row[2] <= snapshot]
    rows = Contact.objects.filter(
        contact_type=MIDWAY, contact_date__gt=since, contact_date__lte=snapshot
    ).values_list("child_id", "contact_date")
    return list(rows)
