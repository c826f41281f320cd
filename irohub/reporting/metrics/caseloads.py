"""IRO caseloads, allocation and continuity (metrics.md §2.11; rules.md I1 an IRO within 5
working days, I2 continuity, I3 caseload 50-70 per FTE).

Interpretations:

* An allocation holds on a day from its `start_date` to its `end_date` inclusive (a handover day
  belongs to both; the later allocation wins, as for the chair of a review).
* A *caseload* is the children in a period of care on the day (reg 48 short-break series
  included: their IRO chairs their reviews too) who hold a current allocation; an allocation
  left open after a child left care is not a caseload. FTE is that of the IROs in post that day
  (`workforce.py`). `iro.unallocated.count` counts the same children without an allocation at
  `as_at`, once `deadlines.iro_allocation` has passed.
* `iro.allocation.within_5wd_pct`: periods of care (not short breaks) starting in the year whose
  first allocation (one already held counts) started by the deadline. A period with no IRO
  whose deadline has not passed at `as_at` is pending, and one that ended by its deadline with
  no IRO needed none: both are left out and counted in `extra`.
* An IRO *change* is an allocation starting in the year, not marked `initial`, to a different IRO
  from the allocation the child held the day before (or on the same day); a new IRO after a
  break in care with no IRO is not a change. Per child of `cohort.cla_any_time`.
* *Same IRO all year*: children looked after at the snapshot (cohort rule) whose period of care
  began on or before the first day of the year, allocated to one IRO on the first day and at
  the snapshot and to no other IRO in between.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct, round_half_up
from irohub.reporting.metrics.workforce import fte_on, fte_value, in_post, ratio
from irohub.staff.models import Allocation
from irohub.statutory.deadlines import iro_allocation_due

ONE_DAY = timedelta(days=1)
INITIAL = Allocation.ChangeReason.INITIAL.value


class AllocationRow(NamedTuple):
    child: int
    iro: int
    start: date
    end: date | None
    reason: str

    def current_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, start: date, end: date | None) -> bool:
        return (end is None or self.start <= end) and (self.end is None or self.end >= start)


def allocations(ctx: MetricContext) -> dict[int, list[AllocationRow]]:
    """child pk -> allocations in start order, each holding on a day between the period start
    (or as_at) less a day and the period end (or as_at): one query."""

    def load():
        low = min(ctx.period.start, ctx.as_at) - ONE_DAY
        high = max(ctx.period.end, ctx.period.snapshot, ctx.as_at)
        rows = (
            Allocation.objects.filter(start_date__lte=high)
            .exclude(end_date__lt=low)
            .order_by("child_id", "start_date")
            .values_list("child_id", "iro_id", "start_date", "end_date", "change_reason")
        )
        found: dict[int, list[AllocationRow]] = {}
        for row in rows:
            found.setdefault(row[0], []).append(AllocationRow(*row))
        return found

    return ctx.cached("workforce.allocations", load)


def in_care_on(ctx: MetricContext, day: date) -> dict[int, data.PeriodRow]:
    """child pk -> the period of care (short breaks included) the child is in on the day."""

    def load():
        if ctx.period.start <= day <= ctx.period.end:
            rows = data.periods(ctx)
        else:
            rows = data.periods_overlapping(ctx, day, day)
        return {p.child: p for p in rows if p.start <= day and (p.end is None or p.end > day)}

    return ctx.cached(f"workforce.in_care:{day}", load)


def caseload_on(ctx: MetricContext, day: date) -> dict[int, int]:
    """child pk -> IRO pk for every child in care on the day with a current allocation (once
    per day and context: the snapshot is also a month end)."""

    def load():
        in_care, held = in_care_on(ctx, day), {}
        for child, rows in allocations(ctx).items():
            if child in in_care:
                current = [
                    a.iro for a in rows if a.start <= day and (a.end is None or day <= a.end)
                ]
                if current:
                    held[child] = current[-1]
        return held

    return ctx.cached(f"workforce.caseload:{day}", load)


@metric("iro.caseload.per_fte", title="Children per full-time IRO", unit="rate")
def caseload_per_fte(ctx: MetricContext) -> MetricResult:
    snapshot = ctx.period.snapshot
    children, filled = len(caseload_on(ctx, snapshot)), fte_on(ctx, snapshot)
    monthly = {
        key: ratio(len(caseload_on(ctx, day)), fte_on(ctx, day))
        for key, day in data.month_ends(ctx).items()
    }
    known = [Decimal(str(v)) for v in monthly.values() if v is not None]
    return MetricResult(
        "iro.caseload.per_fte",
        ratio(children, filled),
        numerator=children,
        denominator=fte_value(filled),
        extra={
            "monthly": monthly,
            "monthly_mean": round_half_up(sum(known) / len(known), 1) if known else None,
            "band": list(ctx.rules.caseload.band_per_fte),
        },
    )


@metric("iro.caseload.by_iro", title="Caseload of each IRO", unit="matrix")
def caseload_by_iro(ctx: MetricContext) -> MetricResult:
    snapshot, iros = ctx.period.snapshot, data.iros(ctx)
    counts = Counter(caseload_on(ctx, snapshot).values())
    listed = {iro.pk for iro in in_post(ctx, snapshot)} | set(counts)
    value = {
        iros[pk].iro_id: {
            "children": counts.get(pk, 0),
            "fte": fte_value(iros[pk].fte),
            "per_fte": ratio(counts.get(pk, 0), iros[pk].fte),
        }  # fmt: skip
        for pk in sorted(listed, key=lambda pk: iros[pk].iro_id)
    }
    low, high = ctx.rules.caseload.band_per_fte
    rates = [row["per_fte"] for row in value.values() if row["per_fte"] is not None]
    within = sum(1 for rate in rates if low <= rate <= high)
    return MetricResult(
        "iro.caseload.by_iro",
        value,
        extra={
            "min_per_fte": min(rates, default=None),
            "max_per_fte": max(rates, default=None),
            "band": [low, high],
            "within_band": within,
            "within_band_pct": pct(within, len(rates)),
        },
    )


def _due(ctx: MetricContext):
    """period start -> the IRO allocation deadline (rules core, remembered per start date)."""
    memo = ctx.cached("workforce.allocation_due", dict)

    def due(start: date) -> date:
        if start not in memo:
            memo[start] = iro_allocation_due(start, rules=ctx.rules).date
        return memo[start]

    return due


@metric("iro.allocation.within_5wd_pct", title="IRO allocated in time", unit="pct")
def allocated_in_time(ctx: MetricContext) -> MetricResult:
    due_of, held = _due(ctx), allocations(ctx)
    counts = Counter()
    for p in data.periods(ctx):
        if p.short_break or not ctx.period.contains(p.start):
            continue
        due = due_of(p.start)
        starts = [a.start for a in held.get(p.child, ()) if a.overlaps(p.start, p.end)]
        if starts:
            counts["starts"] += 1
            counts["within"] += min(starts) <= due
        elif due >= ctx.as_at:
            counts["pending"] += 1
        elif p.end is not None and p.end <= due:
            counts["left_before_due"] += 1
        else:
            counts["starts"] += 1
    return MetricResult(
        "iro.allocation.within_5wd_pct",
        pct(counts["within"], counts["starts"]),
        numerator=counts["within"],
        denominator=counts["starts"],
        extra={"deadline": str(ctx.rules.deadlines.iro_allocation),
               "pending": counts["pending"], "left_care_before_due": counts["left_before_due"]},
    )  # fmt: skip


@metric(
    "iro.unallocated.count",
    title="Children in care without an IRO",
    unit="count",
    has_previous=False,  # live, as at today: a year earlier is not a previous value
)
def unallocated(ctx: MetricContext) -> MetricResult:
    due_of, held, day = _due(ctx), allocations(ctx), ctx.as_at
    beyond = within_grace = 0
    for child, p in in_care_on(ctx, day).items():
        if any(a.current_on(day) for a in held.get(child, ())):
            continue
        if due_of(p.start) < day:
            beyond += 1
        else:
            within_grace += 1
    return MetricResult(
        "iro.unallocated.count",
        beyond,
        extra={"as_at": day.isoformat(), "within_grace": within_grace},
    )


@metric("iro.continuity.changes_per_child", title="Changes of IRO per child", unit="mean")
def changes_per_child(ctx: MetricContext) -> MetricResult:
    children = data.looked_after_between(ctx, ctx.period.start, ctx.period.end)
    held, reasons, changed = allocations(ctx), Counter(), set()
    for child in children:
        rows = held.get(child, ())
        for i, a in enumerate(rows):
            if not ctx.period.contains(a.start) or a.reason == INITIAL:
                continue
            before = [b for b in rows[:i] if b.end is None or b.end >= a.start - ONE_DAY]
            if before and before[-1].iro != a.iro:
                reasons[a.reason or "not_recorded"] += 1
                changed.add(child)
    changes = sum(reasons.values())
    return MetricResult(
        "iro.continuity.changes_per_child",
        ratio(changes, Decimal(len(children)), 2),
        numerator=changes,
        denominator=len(children),
        extra={"by_reason": dict(sorted(reasons.items())), "children_with_change": len(changed)},
    )


@metric("iro.continuity.same_iro_pct", title="Children with the same IRO all year", unit="pct")
def same_iro(ctx: MetricContext) -> MetricResult:
    first, snapshot = ctx.period.start, ctx.period.snapshot
    in_care, held = in_care_on(ctx, snapshot), allocations(ctx)
    eligible = [
        c for c in data.looked_after_on(ctx, snapshot) if c in in_care and in_care[c].start <= first
    ]
    same = 0
    for child in eligible:
        rows = held.get(child, ())
        iros = {a.iro for a in rows if a.overlaps(first, snapshot)}
        ends = all(any(a.current_on(day) for a in rows) for day in (first, snapshot))
        same += len(iros) == 1 and ends
    return MetricResult(
        "iro.continuity.same_iro_pct",
        pct(same, len(eligible)),
        numerator=same,
        denominator=len(eligible),
    )
