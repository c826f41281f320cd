"""Periods of care that began before irohub's records of reviews (decision record 0004).

A council's SSDA903 extracts start in some collection year, and carry only the reviews held from
1 April of that year; a child already in care then had reviews irohub cannot see. Timing the
first review in the data from the start of the period (years earlier) would call it years late,
so for a period that started before `known_from`:

* the first known review is not assessed (no due date, not in time or late): whatever came
  before it is unknown. Its type is inferred from the reg 33 timetable with every earlier review
  held on its due date (rules.md §1.2 T1-T3, A7): "subsequent" when a first and a second review
  would both have fallen due before the records start (or before the review itself, if it is
  older), "second" when only a first would have, else "first"; and "subsequent" when the start
  of the period is not in the records either (its first episode continues an earlier one, as a
  903 return holds only the episodes open in its year), since it then most likely began long
  before. The clock restarts from it and every later review is timed normally;
* no due date before the first known review is reported as missed;
* with no review known at all, the next review is due at the latest by the date the longest
  interval allows after a review held on the day before the records start (or by the first
  review's due date, if that is later); once that date has passed a review has certainly been
  missed, and the timetable says so (`history_unknown`) instead of inventing missed dates.

Only called for such periods, never on the timing hot path of the others.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from irohub.statutory.explain import citation, dmy, plural
from irohub.statutory.settings import ReviewSettings

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    from irohub.statutory.periods import PeriodOfCare
    from irohub.statutory.review_plan import ReviewPlan
    from irohub.statutory.review_results import AssessedReview, Timetable

ONE_DAY = timedelta(days=1)
_STATUTORY = ReviewSettings()
_INFERRED = (
    "a first review: no review would have fallen due before {day}",
    "a second review: a first review would have fallen due before {day}",
    "a subsequent review: a first and a second review would both have fallen due before {day}",
)


def inferred_sequence(plan: ReviewPlan, period: PeriodOfCare, before: date) -> int:
    """1, 2 or 3 (first, second, subsequent): one more than the due dates falling before
    `before` when each review is held on its due date (the timetable the regulation sets);
    3 when the period began before its first episode in the data."""
    if not period.start_known:
        return 3
    due, sequence = period.start, 1
    while sequence < 3:
        due = plan.due(period.short_break, sequence, due)
        if due >= before:
            break
        sequence += 1
    return sequence


def latest_next_due(plan: ReviewPlan, period: PeriodOfCare, known_from: date) -> tuple[date, int]:
    """The latest date the next review can be due when no review since `known_from` is known,
    and the sequence number whose timescale gives it (1: the first review from the start).

    After any review held on or before the day before, the next is due by that day plus the
    longer of the second and subsequent intervals (due dates never come earlier from a later
    review); had none been held, the first review is due from the start of the period."""
    eve, short = known_from - ONE_DAY, period.short_break
    dates = (plan.due(short, 1, period.start), plan.due(short, 2, eve), plan.due(short, 3, eve))
    latest = max(dates)
    return latest, dates.index(latest) + 1


def records_start(known_from: date, period: PeriodOfCare) -> str:
    started = f", on {dmy(period.start)}"
    if not period.start_known:
        started = (
            f" (its first episode in the records, on {dmy(period.start)}, continues an earlier one)"
        )
    return (
        f"irohub's records of reviews start on {dmy(known_from)} and this period of care started "
        f"before then{started}; the reviews before {dmy(known_from)} are not known"
    )


def not_assessed(review: AssessedReview) -> str:
    """Why the first known review of such a period has no due date, and what type it was given."""
    if review.period.start_known:
        day = dmy(min(review.date, review.known_from))
        taken = _INFERRED[review.sequence - 1].format(day=day)
        taken += ", had every review been held on its due date"
    else:
        taken = "a subsequent review, as the start of the period is not in the records either"
    return (
        f"{review.review_type.capitalize()} review held on {dmy(review.date)}: not assessed. "
        f"{records_start(review.known_from, review.period)}, so this review's due date "
        f"cannot be worked out. It is taken to be {taken}. The next review is timed from this one."
    )


def next_due_unknown(timetable: Timetable) -> str:
    """Why the next review of such a period, with no review known, is due by the date given."""
    plan, period, due = timetable.plan, timetable.period, timetable.next_due
    _, sequence = latest_next_due(plan, period, timetable.known_from)
    key, duration = plan.duration(period.short_break, sequence)
    regulation = "regulation 48" if period.short_break else f"regulation 33({min(sequence, 2)})"
    cite = citation(key, duration, getattr(_STATUTORY, key.split(".")[1]), regulation)
    if sequence == 1:
        basis = f"{duration} after coming into care on {dmy(period.start)}, had no review been held"
    else:
        eve = dmy(timetable.known_from - ONE_DAY)
        basis = f"{duration} after a review held on {eve}, the day before the records start"
    text = (
        f"{timetable.next_type.capitalize()} review due by {dmy(due)} at the latest: "
        f"{records_start(timetable.known_from, period)} and none since is known, so the "
        f"due date cannot be worked out exactly; the latest it can be is {basis} ({cite})."
    )
    if timetable.overdue:
        days = (timetable.as_at - due).days
        text += (
            f" It is overdue: at least {plural(days, 'day')} past that date on "
            f"{dmy(timetable.as_at)}."
        )
    return text


def passed_unknown(timetable: Timetable) -> str:
    """The note for a period whose next review certainly fell due with none known."""
    known = records_start(timetable.known_from, timetable.period)
    return f" A review fell due with none known: {known}, and none since is known."
