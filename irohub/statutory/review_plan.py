"""The review timescales of a council's settings, turned once into fast date functions.

Timing a million reviews calls these functions a million times, so each duration becomes a
closure doing the least work its unit needs (an array look-up, a timedelta, or month arithmetic).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from irohub.statutory.calendar import WorkingCalendar, add_months
from irohub.statutory.durations import Duration
from irohub.statutory.settings import RuleSettings

Adder = Callable[[date], date]
ONE_DAY = timedelta(days=1)


def adder(calendar: WorkingCalendar, duration: Duration, *, day_one: bool = False) -> Adder:
    """A function giving the due date `duration` after a date.

    With `day_one` the start date counts as day 1 rather than day 0 (rules.md A1, local setting
    reviews.start_is_day_zero = false): 20 working days become the 19th working day after.
    """
    amount = duration.amount
    if duration.unit == "working_days":
        count = max(amount - 1, 0) if day_one else amount
        add = calendar.add_working_days
        return lambda d: add(d, count)
    if duration.unit == "days":
        delta = timedelta(days=max(amount - 1, 0) if day_one else amount)
        return lambda d: d + delta
    if day_one and amount > 0:
        return lambda d: add_months(d, amount) - ONE_DAY
    return _months_adder(amount)


def _months_adder(amount: int) -> Adder:
    """add_months(d, amount), inlined: it runs once per review."""

    def add(d: date) -> date:
        index = d.month - 1 + amount
        day = d.day
        if day > 28:
            return add_months(d, amount)
        return date(d.year + index // 12, index % 12 + 1, day)

    return add


@dataclass(frozen=True, eq=False)
class ReviewPlan:
    """The review settings in force, with one date function per review type and regime."""

    rules: RuleSettings
    calendar: WorkingCalendar
    from_actual: bool
    reset_clock: bool
    first_part: bool
    full_time: tuple[Adder, Adder, Adder]
    short_breaks: tuple[Adder, Adder, Adder]

    def adders(self, short_break: bool) -> tuple[Adder, Adder, Adder]:
        """(first, second, subsequent) due-date functions for the period's regime."""
        return self.short_breaks if short_break else self.full_time

    def due(self, short_break: bool, sequence: int, clock: date) -> date:
        """The due date of review number `sequence` counted from `clock`."""
        return self.adders(short_break)[min(sequence, 3) - 1](clock)

    def duration(self, short_break: bool, sequence: int) -> tuple[str, Duration]:
        """The settings key and duration that time review number `sequence`."""
        reviews = self.rules.reviews
        if short_break:
            if sequence == 1:
                return "reviews.short_break_first", reviews.short_break_first
            return "reviews.short_break_subsequent", reviews.short_break_subsequent
        key = ("first", "second", "subsequent")[min(sequence, 3) - 1]
        return f"reviews.{key}", getattr(reviews, key)


def plan_for(rules: RuleSettings) -> ReviewPlan:
    """The plan for these settings, built once per distinct settings (settings are hashable
    unless code has put a list into them; then the plan is simply built afresh)."""
    try:
        return _cached_plan(rules)
    except TypeError:
        return _build_plan(rules)


@lru_cache(maxsize=16)
def _cached_plan(rules: RuleSettings) -> ReviewPlan:
    return _build_plan(rules)


def _build_plan(rules: RuleSettings) -> ReviewPlan:
    reviews, calendar = rules.reviews, rules.calendar()
    day_one = not reviews.start_is_day_zero
    return ReviewPlan(
        rules=rules,
        calendar=calendar,
        from_actual=reviews.next_due_from == "actual",
        reset_clock=reviews.extra_reviews_reset_clock,
        first_part=reviews.date_basis == "first_part",
        full_time=(
            adder(calendar, reviews.first, day_one=day_one),
            adder(calendar, reviews.second),
            adder(calendar, reviews.subsequent),
        ),
        short_breaks=(
            adder(calendar, reviews.short_break_first, day_one=day_one),
            adder(calendar, reviews.short_break_subsequent),
            adder(calendar, reviews.short_break_subsequent),
        ),
    )
