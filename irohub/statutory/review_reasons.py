"""Why a review was due when it was: the sentences behind AssessedReview.explain() and
Timetable.explain_next_due() (rules.md §1.2, §1.4, §1.5)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from irohub.statutory import review_history
from irohub.statutory.durations import Duration
from irohub.statutory.explain import citation, counted, dmy, plural
from irohub.statutory.settings import ReviewSettings

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    from irohub.statutory.review_plan import ReviewPlan
    from irohub.statutory.review_results import AssessedReview, Timetable

_STATUTORY = ReviewSettings()
_REGULATION = {
    ("full", 1): "regulation 33(1)",
    ("full", 2): "regulation 33(2)",
    ("short", 1): "regulation 48",
    ("short", 2): "regulation 48",
}
_PREVIOUS = {2: "the first review", 3: "the previous review"}


def due_reason(plan: ReviewPlan, short_break: bool, sequence: int, clock: date, due: date) -> str:
    """ "First review due by 29/04/2024: 20 working days after coming into care on 28/03/2024
    (regulation 33(1)); Good Friday and Easter Monday are not working days.\""""
    key, duration = plan.duration(short_break, sequence)
    statutory = getattr(_STATUTORY, key.split(".")[1])
    regime = "short" if short_break else "full"
    regulation = _REGULATION[regime, min(sequence, 2)]
    cite = citation(key, duration, statutory, regulation)
    kind = ("First", "Second", "Subsequent")[min(sequence, 3) - 1] + " review"
    if sequence == 1:
        basis = _first_basis(plan, short_break, duration, clock)
    else:
        basis = _interval_basis(plan, sequence, duration, clock)
        if not plan.from_actual:
            cite += '; local setting reviews.next_due_from = "due"'
    note = counted(plan.calendar, clock, due, duration)
    return f"{kind} due by {dmy(due)}: {basis} ({cite}){note}."


def _first_basis(plan: ReviewPlan, short_break: bool, duration: Duration, start: date) -> str:
    event = "the start of the first short break" if short_break else "coming into care"
    text = f"{duration} after {event} on {dmy(start)}"
    if not plan.rules.reviews.start_is_day_zero:
        text += ", counting that day as day 1 (local setting reviews.start_is_day_zero = false)"
    return text


def _interval_basis(plan: ReviewPlan, sequence: int, duration: Duration, clock: date) -> str:
    previous = _PREVIOUS[min(sequence, 3)]
    if plan.from_actual:
        return f"within {duration} of {previous} on {dmy(clock)}"
    return f"within {duration} of the date {previous} was due, {dmy(clock)}"


def held(review: AssessedReview) -> str:
    """ "Second review held on 03/03/2025: 3 days late. Second review due by ..."""
    kind = review.review_type.capitalize()
    timing = "in time" if review.in_time else f"{plural(review.days_late, 'day')} late"
    text = f"{kind} review held on {dmy(review.date)}: {timing}. "
    if review.date != review.completed:
        text = (
            f"{kind} review started on {dmy(review.date)} and completed on "
            f"{dmy(review.completed)}; timed from its first part (local setting "
            f'reviews.date_basis = "first_part"): {timing}. '
        )
    text += due_reason(
        review.plan, review.period.short_break, review.sequence, review.clock_from, review.due_date
    )
    if review.additional:
        text += " It was an additional review: it counts as the next review and restarts the clock."
    return text


def next_due(timetable: Timetable) -> str:
    """Why the next review is due when it is, or why none is due."""
    period, as_at = timetable.period, timetable.as_at
    if timetable.next_due is None:
        return _none_due(timetable)
    if timetable.next_from is None:  # no review known since the records start
        return review_history.next_due_unknown(timetable)
    sequence = timetable.reviews[-1].sequence + 1 if timetable.reviews else 1
    text = due_reason(
        timetable.plan, period.short_break, sequence, timetable.next_from, timetable.next_due
    )
    if timetable.overdue:
        days = (as_at - timetable.next_due).days
        text += f" It is overdue: {plural(days, 'day')} past the due date on {dmy(as_at)}."
    return text


def _none_due(timetable: Timetable) -> str:
    period, adult, as_at = timetable.period, timetable.eighteenth_birthday, timetable.as_at
    if period.end is not None and period.end <= as_at:
        reason = f" ({period.end_reason})" if period.end_reason else ""
        text = f"No review is due: the period of care ended on {dmy(period.end)}{reason}."
    elif as_at >= adult:
        text = (
            f"No review is due: the child turned 18 on {dmy(adult)} and is no longer looked after."
        )
    else:
        text = (
            f"No further review is due: the next would fall due on or after the child's 18th "
            f"birthday ({dmy(adult)}), when they stop being looked after."
        )
    if timetable.missed:
        dates = ", ".join(dmy(m.due_date) for m in timetable.missed)
        text += f" Passed with no review: {dates}."
    if timetable.history_unknown:
        text += review_history.passed_unknown(timetable)
    return text
