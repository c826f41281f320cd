"""The statutory review timetable of a period of care (CPR 2010 reg 33; reg 48 for short breaks).

First review within 20 working days of coming into care (reg 33(1)), the second within 3 months
of the first, then at most 6 months apart (reg 33(2)); every timescale is a local setting
(rules.md §1.2, §1.15). By default each due date runs from the ACTUAL date of the previous review,
so an early or a late review restarts the clock (A4), and an additional review counts as the next
one in the sequence (A5). Short breaks (reg 48): first review within 3 months of the first break,
then 6-monthly. No review falls due after the period ends (A8) or on or after the 18th birthday (P5).
A period that started before irohub's records of reviews (`reviews_known_from`) is timed from its
first known review (`review_history`, decision record 0004).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

from irohub.statutory import review_history
from irohub.statutory.overlays import LocalReview, LocalTimetable, local_overlay_timetable
from irohub.statutory.participation import birthday
from irohub.statutory.periods import PeriodOfCare
from irohub.statutory.review_plan import ReviewPlan, plan_for
from irohub.statutory.review_results import AssessedReview, MissedReview, ReviewHeld, Timetable
from irohub.statutory.settings import RuleSettings

__all__ = [
    "AssessedReview",
    "LocalReview",
    "LocalTimetable",
    "MissedReview",
    "ReviewHeld",
    "Timetable",
    "local_overlay_timetable",
    "review_timetable",
    "review_timetables",
]

_new = object.__new__
_completed_order = attrgetter("date", "additional")  # ties in any input order sort the same
ADULT_AGE = 18


def review_timetable(
    period: PeriodOfCare,
    reviews: Iterable[ReviewHeld],
    *,
    rules: RuleSettings,
    as_at: date,
    dob: date | None = None,
    reviews_known_from: date | None = None,
) -> Timetable:
    """Every review of the period typed and timed, the missed due dates and the next due date.

    Reviews after `as_at` have not happened yet as at that date and are left out; reviews
    outside the period (or on/after the 18th birthday) are returned in `outside`; additional
    reviews that the council does not count in the sequence are returned in `skipped`.
    `reviews_known_from` is the day irohub's records of reviews start (None: the whole history
    is known): reviews before it are not known, so a period that started before it is timed
    from its first known review, which is itself not assessed (decision record 0004).
    """
    return _timetable(period, reviews, dob, plan_for(rules), as_at, reviews_known_from)


def review_timetables(
    items: Iterable[tuple[PeriodOfCare, Sequence[ReviewHeld], date | None]],
    *,
    rules: RuleSettings,
    as_at: date,
    reviews_known_from: date | None = None,
) -> list[Timetable]:
    """The batch form: one timetable per (period, reviews, date of birth), in the same order.
    `reviews_known_from` (one date for the whole batch: a council's records of reviews start on
    one day) is as in `review_timetable`."""
    plan, known = plan_for(rules), reviews_known_from
    return [_timetable(period, held, dob, plan, as_at, known) for period, held, dob in items]


def _timetable(
    period: PeriodOfCare,
    reviews: Iterable[ReviewHeld],
    dob: date | None,
    plan: ReviewPlan,
    as_at: date,
    known_from: date | None,
) -> Timetable:
    adult = birthday(dob, ADULT_AGE) if dob is not None else None
    counted, outside, skipped = _select(period, reviews, adult, plan, as_at)
    if known_from is not None and known_from <= period.start:
        known_from = None  # the whole period is on record
    assessed = _assess(period, counted, plan, known_from)
    sequence, clock, due, missed, unknown = _next(
        period, assessed, plan, known_from, _limit(period, adult, as_at)
    )
    state: dict[str, Any] = {"next_due": None, "next_type": None, "next_from": None}
    ended = period.end is not None and period.end <= as_at
    if not ended and (adult is None or (as_at < adult and due < adult)):
        state = {"next_due": due, "next_type": _type(sequence), "next_from": clock}
    return Timetable(
        period,
        tuple(assessed),
        missed=tuple(missed),
        as_at=as_at,
        outside=tuple(outside),
        skipped=tuple(skipped),
        eighteenth_birthday=adult,
        plan=plan,
        known_from=known_from,
        history_unknown=unknown,
        **state,
    )


def _next(period, assessed, plan, known_from, limit):
    """(number, clock and due date of the next review, due dates missed since the last review,
    whether a due date certainly passed unseen before the records start)."""
    if not assessed and known_from is not None:
        sequence = review_history.inferred_sequence(plan, period, known_from)
        due, _ = review_history.latest_next_due(plan, period, known_from)
        return sequence, None, due, [], due < limit
    if assessed:
        last = assessed[-1]
        sequence = last.sequence + 1
        clock = last.date if plan.from_actual or last.due_date is None else last.due_date
    else:
        sequence, clock = 1, period.start
    due = plan.due(period.short_break, sequence, clock)
    return sequence, clock, due, _missed(period, plan, sequence, clock, due, limit), False


def _select(period, reviews, adult, plan, as_at):
    """Split the reviews into counted, outside the period, and skipped additional reviews."""
    start, end = period.start, period.end
    counted, outside, skipped = [], [], []
    for review in reviews:
        held = review.date
        if held > as_at or review.basis == "local":
            continue
        if (
            held < start
            or (end is not None and held > end)
            or (adult is not None and held >= adult)
        ):
            outside.append(review)
        elif review.additional and not plan.reset_clock:
            skipped.append(review)
        else:
            counted.append(review)
    counted.sort(key=_first_part_order if plan.first_part else _completed_order)
    return counted, outside, skipped


def _first_part_order(review: ReviewHeld) -> tuple[date, date, bool]:
    return review.first_part_date or review.date, review.date, review.additional


def _type(sequence: int) -> str:
    return "first" if sequence == 1 else "second" if sequence == 2 else "subsequent"


def _assess(
    period: PeriodOfCare, counted: list[ReviewHeld], plan: ReviewPlan, known_from: date | None
):
    first, second, later = plan.adders(period.short_break)
    from_actual, first_part = plan.from_actual, plan.first_part
    assessed, clock, before = [], period.start, 0
    if known_from is not None and counted:
        # The reviews before the records start are unknown: time from the first known one.
        head = _not_assessed(period, counted[0], plan, known_from)
        assessed.append(head)
        clock, before, counted = head.date, head.sequence, counted[1:]
    for sequence, review in enumerate(counted, start=before + 1):
        held = (review.first_part_date or review.date) if first_part else review.date
        if sequence == 1:
            due, kind = first(clock), "first"
        elif sequence == 2:
            due, kind = second(clock), "second"
        else:
            due, kind = later(clock), "subsequent"
        late = (held - due).days
        # Filled through __dict__: a frozen dataclass's __init__ sets every field with
        # object.__setattr__, which was half the cost of timing a review (bench_statutory.py).
        result = _new(AssessedReview)
        result.__dict__.update(
            date=held,
            sequence=sequence,
            review_type=kind,
            due_date=due,
            in_time=late <= 0,
            days_late=late if late > 0 else 0,
            completed=review.date,
            additional=review.additional,
            clock_from=clock,
            plan=plan,
            period=period,
        )
        assessed.append(result)
        clock = held if from_actual else due
    return assessed


def _not_assessed(
    period: PeriodOfCare, review: ReviewHeld, plan: ReviewPlan, known_from: date
) -> AssessedReview:
    held = (review.first_part_date or review.date) if plan.first_part else review.date
    sequence = review_history.inferred_sequence(plan, period, min(held, known_from))
    return AssessedReview(
        held, sequence, _type(sequence), None, None, None, review.date, review.additional,
        None, plan, period, known_from,
    )  # fmt: skip


def _limit(period: PeriodOfCare, adult: date | None, as_at: date) -> date:
    """The day a due date must fall before to have passed in care: as_at, the end of the
    period or the 18th birthday, whichever is first."""
    limit = as_at if period.end is None else min(as_at, period.end)
    return limit if adult is None else min(limit, adult)


def _missed(period, plan, sequence, clock, due, limit) -> list[MissedReview]:
    """Due dates that passed in care with no review: the overdue one and any after it.

    A due date has passed once its whole day went by in care, so a child who leaves care on
    the due date has not missed it (A8). Later due dates run on from each missed due date.
    """
    missed = []
    while due < limit:
        missed.append(MissedReview(due, _type(sequence), clock))
        sequence, clock = sequence + 1, due
        following = plan.due(period.short_break, sequence, clock)
        if following <= due:
            break  # a zero-length interval would never move on
        due = following
    return missed
