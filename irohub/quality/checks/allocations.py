"""IRO allocation checks: overlapping allocations, and looked-after children left without an IRO
after the allocation grace period (rules.md I1: an IRO within 5 working days of coming into care,
`deadlines.iro_allocation`; never without one after that)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from irohub.children.models import PeriodOfCare
from irohub.quality.checks import Finding, dmy
from irohub.staff.models import Allocation
from irohub.statutory.deadlines import iro_allocation_due


def check_allocations(*, rules, as_at: date) -> list[Finding]:
    allocations = defaultdict(list)
    for child, iro, start, end in Allocation.objects.order_by(
        "child__child_id", "start_date"
    ).values_list("child__child_id", "iro__iro_id", "start_date", "end_date"):
        allocations[child].append((iro, start, end))
    found = []
    for child, held in allocations.items():
        found.extend(_overlaps(child, held))
    if not allocations:
        return found  # no allocation records at all: nothing to compare against
    # The council's allocation records begin with the earliest one: no gap is reported before.
    records_from = min(a[1] for held in allocations.values() for a in held)
    periods = PeriodOfCare.objects.filter(start__lte=as_at).values_list(
        "child__child_id", "start", "end"
    )
    for child, start, end in periods.order_by("child__child_id", "start"):
        due = iro_allocation_due(start, rules=rules).date
        for gap_from, gap_to in _gaps(due, end, allocations.get(child, ()), as_at):
            if gap_to is None or gap_to >= records_from:
                found.append(_gap(child, start, due, max(gap_from, records_from), gap_to))
    return found


def _overlaps(child: str, held: list) -> list[Finding]:
    found = []
    for (iro_a, start_a, end_a), (iro_b, start_b, _) in zip(held, held[1:], strict=False):
        # A handover on one day (the old allocation's last day is the new one's first) is fine.
        if end_a is None or start_b < end_a:
            found.append(
                Finding(
                    "irohub-allocation-overlap",
                    child,
                    start_b,
                    f"{iro_b}'s allocation from {dmy(start_b)} overlaps {iro_a}'s "
                    f"from {dmy(start_a)} to {dmy(end_a) if end_a else 'now'}.",
                )
            )
    return found


def _gaps(due: date, end: date | None, held, as_at: date) -> list[tuple[date, date | None]]:
    """Stretches of a period of care after the grace period that no allocation covers
    (the end is None for a gap still open at as_at)."""
    last = min(end, as_at) if end else as_at
    day, gaps = due + timedelta(days=1), []  # an IRO allocated on the due date is in time
    for _iro, a_start, a_end in sorted(held, key=lambda a: a[1]):
        if day > last:
            break
        if a_start > day:
            gaps.append((day, min(a_start - timedelta(days=1), last)))
        if a_end is None:
            return gaps
        day = max(day, a_end + timedelta(days=1))
    if day <= last:
        gaps.append((day, None if last == as_at and not end else last))
    return gaps


def _gap(child, start, due, gap_from, gap_to) -> Finding:
    until = f"to {dmy(gap_to)}" if gap_to else "to now"
    return Finding(
        "irohub-no-iro",
        child,
        gap_from,
        f"Looked after from {dmy(start)} but no IRO was allocated from {dmy(gap_from)} "
        f"{until} (an IRO was due by {dmy(due)}).",
    )
