"""Deadlines around a review and a period of care (rules.md R3-R6, I1, midway reviews).

Each returns an `Explained` date: the deadline and the plain-English reason for it. All are
local settings under [deadlines] with the IRO Handbook or local defaults of rules.md §1.15.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from irohub.statutory.durations import Duration
from irohub.statutory.explain import counted, dmy
from irohub.statutory.settings import DeadlineSettings, RuleSettings

_DEFAULTS = DeadlineSettings()


@dataclass(frozen=True)
class Explained:
    """A date with the reason for it, e.g. a deadline and the rule that set it."""

    date: date
    reason: str

    def __str__(self) -> str:
        return self.reason


def _after(rules: RuleSettings, key: str, start: date, what: str, event: str, source: str):
    duration: Duration = getattr(rules.deadlines, key)
    due = rules.calendar().add(start, duration)
    default = getattr(_DEFAULTS, key)
    cite = source if duration == default else f'local setting deadlines.{key} = "{duration}"'
    note = counted(rules.calendar(), start, due, duration)
    return Explained(due, f"{what} due by {dmy(due)}: {duration} after {event} ({cite}){note}.")


def iro_allocation_due(period_start: date, *, rules: RuleSettings) -> Explained:
    """An IRO is appointed within 5 working days of the child becoming looked after (I1: IRO
    Handbook; deadlines.iro_allocation)."""
    event = f"coming into care on {dmy(period_start)}"
    return _after(rules, "iro_allocation", period_start, "IRO allocation", event, "IRO Handbook")


def decisions_due(review_date: date, *, rules: RuleSettings) -> Explained:
    """Review decisions circulated within 5 working days (R3: IRO Handbook ch.3)."""
    event = f"the review on {dmy(review_date)}"
    return _after(rules, "decisions", review_date, "Review decisions", event, "IRO Handbook")


def record_due(review_date: date, *, rules: RuleSettings) -> Explained:
    """The full record of the review within 15 working days (R4: IRO Handbook)."""
    event = f"the review on {dmy(review_date)}"
    return _after(rules, "record", review_date, "Record of the review", event, "IRO Handbook")


def care_plan_update_due(review_date: date, *, rules: RuleSettings) -> Explained:
    """The care plan updated within 10 working days of the review (R6: local standard)."""
    event = f"the review on {dmy(review_date)}"
    source = "local standard deadlines.care_plan_update"
    return _after(rules, "care_plan_update", review_date, "Care plan update", event, source)


def pre_meeting_report_due(review_date: date, *, rules: RuleSettings) -> Explained:
    """The social worker's report is shared at least 5 working days BEFORE the review
    (R5: local standard deadlines.pre_meeting_report); on time if shared on or before this."""
    duration = rules.deadlines.pre_meeting_report
    calendar = rules.calendar()
    due = calendar.subtract(review_date, duration)
    note = counted(calendar, due, review_date, duration)
    reason = (
        f"Social worker's report due by {dmy(due)}: {duration} before the review on "
        f"{dmy(review_date)} (local standard deadlines.pre_meeting_report){note}."
    )
    return Explained(due, reason)


def midway_window(last_review: date, next_due: date, *, rules: RuleSettings) -> tuple[date, date]:
    """The days a midway review should fall in: `midway.window` (default 40%-60%) of the way
    from the last review to the next due date, rounded half up to whole days (local standard)."""
    if next_due < last_review:
        raise ValueError(
            f"the next due date {dmy(next_due)} is before the last review {dmy(last_review)}"
        )
    span = (next_due - last_review).days
    low, high = (
        int((Decimal(str(share)) * span).to_integral_value(ROUND_HALF_UP))
        for share in rules.midway.window
    )
    return last_review + timedelta(days=low), last_review + timedelta(days=high)
