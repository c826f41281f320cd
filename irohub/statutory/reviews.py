"""The statutory review timetable of a period of care (CPR 2010 reg 33; reg 48 for short breaks).

First review within 20 working days of coming into care (reg 33(1)), the second within 3 months
of the first, then at most 6 months apart (reg 33(2)); every timescale is a local setting
(rules.md §1.2, §1.15). By default each due date runs from the ACTUAL date of the previous review,
so an early or a late review restarts the clock (A4), and an additional review counts as the next
one in the sequence (A5). Short breaks (reg 48): first review within 3 months of the first break,
then 6-monthly. No review falls due after the period ends (A8) or on or after the 18th birthday (P5).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from irohub.statutory import review_reasons
from irohub.statutory.overlays import LocalReview, LocalTimetable, local_overlay_timetable
from irohub.statutory.participation import birthday
from irohub.statutory.periods import PeriodOfCare
from irohub.statutory.review_plan import ReviewPlan, plan_for
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

REVIEW_BASES = ("reg33", "reg48", "local")
_new = object.__new__
_completed_order = attrgetter("date", "additional")  # ties in any input order sort the same
ADULT_AGE = 18


@dataclass(frozen=True)
class ReviewHeld:
    """A completed review: its (completion) date, whether it was additional, and its basis."""

    date: date
    additional: bool = False
    basis: str = "reg33"
    first_part_date: date | None = None

    def __post_init__(self) -> None:
        if self.basis not in REVIEW_BASES:
            raise ValueError(f"unknown review basis {self.basis!r}; use {', '.join(REVIEW_BASES)}")


@dataclass(frozen=True)
class AssessedReview:
    """A review held in a period of care, typed by its place in the sequence and timed (A7)."""

    date: date
    sequence: int
    review_type: str
    due_date: date
    in_time: bool
    days_late: int
    completed: date
    additional: bool
    clock_from: date
    plan: ReviewPlan = field(repr=False, compare=False)
    period: PeriodOfCare = field(repr=False, compare=False)

    @property
    def basis(self) -> str:
        """ "reg48" for a short-break period's review (kept out of the main KPI, P6), else "reg33"."""
        return "reg48" if self.period.short_break else "reg33"

    def explain(self) -> str:
        return review_reasons.held(self)


@dataclass(frozen=True)
class MissedReview:
    """A due date that passed while the child was looked after, with no review held."""

    due_date: date
    review_type: str
    clock_from: date | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Timetable:
    period: PeriodOfCare
    reviews: tuple[AssessedReview, ...]
    next_due: date | None
    next_type: str | None
    missed: tuple[MissedReview, ...]
    as_at: date
    next_from: date | None = None
    outside: tuple[ReviewHeld, ...] = ()
    skipped: tuple[ReviewHeld, ...] = ()
    eighteenth_birthday: date | None = None
    plan: ReviewPlan | None = field(default=None, repr=False, compare=False)

    @property
    def basis(self) -> str:
        """The regime the timetable follows: "reg48" for short breaks, else "reg33"."""
        return "reg48" if self.period.short_break else "reg33"

    @property
    def overdue(self) -> bool:
        return self.next_due is not None and self.next_due < self.as_at

    @property
    def last_review(self) -> date | None:
        return self.reviews[-1].date if self.reviews else None

    def explain_next_due(self) -> str:
        return review_reasons.next_due(self)


def review_timetable(
    period: PeriodOfCare,
    reviews: Iterable[ReviewHeld],
    *,
    rules: RuleSettings,
    as_at: date,
    dob: date | None = None,
) -> Timetable:
    """Every review of the period typed and timed, the missed due dates and the next due date.

    Reviews after `as_at` have not happened yet as at that date and are left out; reviews
    outside the period (or on/after the 18th birthday) are returned in `outside`; additional
    reviews that the council does not count in the sequence are returned in `skipped`.
    """
    return _timetable(period, reviews, dob, plan_for(rules), as_at)


def review_timetables(
    items: Iterable[tuple[PeriodOfCare, Sequence[ReviewHeld], date | None]],
    *,
    rules: RuleSettings,
    as_at: date,
) -> list[Timetable]:
    """The batch form: one timetable per (period, reviews, date of birth), in the same order."""
    plan = plan_for(rules)
    return [_timetable(period, held, dob, plan, as_at) for period, held, dob in items]


def _timetable(
    period: PeriodOfCare, reviews: Iterable[ReviewHeld], dob: date | None, plan: ReviewPlan, as_at
) -> Timetable:
    adult = birthday(dob, ADULT_AGE) if dob is not None else None
    counted, outside, skipped = _select(period, reviews, adult, plan, as_at)
    assessed = _assess(period, counted, plan)
    sequence = len(assessed) + 1
    if assessed:
        last = assessed[-1]
        clock = last.date if plan.from_actual else last.due_date
    else:
        clock = period.start
    due = plan.due(period.short_break, sequence, clock)
    missed = _missed(period, plan, sequence, clock, due, adult, as_at)
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
        **state,
    )


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


def _assess(period: PeriodOfCare, counted: list[ReviewHeld], plan: ReviewPlan):
    first, second, later = plan.adders(period.short_break)
    from_actual, first_part = plan.from_actual, plan.first_part
    assessed, clock = [], period.start
    for sequence, review in enumerate(counted, start=1):
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


def _missed(period, plan, sequence, clock, due, adult, as_at) -> list[MissedReview]:
    """Due dates that passed in care with no review: the overdue one and any after it.

    A due date has passed once its whole day went by in care, so a child who leaves care on
    the due date has not missed it (A8). Later due dates run on from each missed due date.
    """
    limit = as_at if period.end is None else min(as_at, period.end)
    if adult is not None:
        limit = min(limit, adult)
    missed = []
    while due < limit:
        missed.append(MissedReview(due, _type(sequence), clock))
        sequence, clock = sequence + 1, due
        following = plan.due(period.short_break, sequence, clock)
        if following <= due:
            break  # a zero-length interval would never move on
        due = following
    return missed
