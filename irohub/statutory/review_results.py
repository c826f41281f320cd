"""What the review timetable takes in and gives back: reviews held, each review typed and timed,
missed due dates and the timetable of a period of care (`irohub.statutory.reviews`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from irohub.statutory import review_history, review_reasons
from irohub.statutory.periods import PeriodOfCare
from irohub.statutory.review_plan import ReviewPlan

REVIEW_BASES = ("reg33", "reg48", "local")


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
    """A review held in a period of care, typed by its place in the sequence and timed (A7).

    The first known review of a period that started before irohub's records of reviews
    (`known_from`) is not assessed: `due_date`, `in_time`, `days_late` and `clock_from` are
    None, and its `sequence` and `review_type` are inferred (`review_history`)."""

    date: date
    sequence: int
    review_type: str
    due_date: date | None
    in_time: bool | None
    days_late: int | None
    completed: date
    additional: bool
    clock_from: date | None
    plan: ReviewPlan = field(repr=False, compare=False)
    period: PeriodOfCare = field(repr=False, compare=False)
    known_from: date | None = None

    @property
    def assessed(self) -> bool:
        """False for a review whose due date cannot be worked out (history not known)."""
        return self.in_time is not None

    @property
    def basis(self) -> str:
        """ "reg48" for a short-break period's review (kept out of the main KPI, P6), else "reg33"."""
        return "reg48" if self.period.short_break else "reg33"

    def explain(self) -> str:
        if not self.assessed:
            return review_history.not_assessed(self)
        return review_reasons.held(self)


@dataclass(frozen=True)
class MissedReview:
    """A due date that passed while the child was looked after, with no review held."""

    due_date: date
    review_type: str
    clock_from: date | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Timetable:
    """`known_from` is set when the period started before irohub's records of reviews;
    `history_unknown` when, with no review known, a due date has certainly passed (no missed
    date is invented for it: `next_due` is the latest the next review could have been due)."""

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
    known_from: date | None = None
    history_unknown: bool = False

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
