"""What the daily reminders are about, as at a day, found set-wise (a fixed handful of queries
however many children): reviews due soon and not booked, records overdue, escalation stages at
or past their limit. Each event names the person to tell and carries a unique key, so it is
sent once.

Reviews: a looked-after child whose next review (the derived `Child.next_review_due`) falls due
within the next 10 working days (or is already overdue) and has no open booking. Records: a
review of the child's current period of care, held in the last year, with no record past its
deadline (rules.md R4, `irohub.statutory.deadlines.record_due`). Escalations: an open challenge
whose current stage or whole process has at most 1 working day left, or is over its limit
(rules.md §1.12).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F
from django.urls import NoReverseMatch, reverse

from irohub.children.models import Child
from irohub.escalations.models import Escalation
from irohub.escalations.selectors import clock_of, with_details
from irohub.reviews.models import Review, ReviewBooking
from irohub.statutory.deadlines import record_due
from irohub.statutory.explain import plural
from irohub.statutory.settings import RuleSettings

REVIEW_HORIZON = 10  # working days ahead a review is "due soon" for the reminders (issue 7)
# Older missing records are a data-quality matter (irohub quality), not a daily nudge.
RECORD_LOOKBACK = timedelta(days=365)
BREACH_WARNING = 1  # working days left at which an escalation clock is "about to breach"


@dataclass(frozen=True)
class Event:
    kind: str  # review_due, record_overdue, escalation_stage, escalation_overall
    key: str  # unique per event and recipient
    recipient: str
    line: str  # one plain-English sentence
    path: str  # the page to open, without the site's address
    name: str = ""  # the recipient's name, for the greeting

    @property
    def urgent(self) -> bool:
        return "over" in self.line or "overdue" in self.line


def day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def path_to(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the page is not mounted in this deployment
        return ""


def email_of(iro) -> str:
    if iro is None:
        return ""
    return iro.email or (iro.user.email if iro.user_id and iro.user else "")


def name_of(iro) -> str:
    return iro.name if iro is not None else ""


def _when(as_at: date, due: date, rules: RuleSettings) -> str:
    left = rules.calendar().working_days_between(as_at, due)
    if left > 0:
        return f"{plural(left, 'working day')} left"
    if left == 0:
        return "due today"
    return f"{plural(-left, 'working day')} over"


def reviews_due(as_at: date, rules: RuleSettings) -> list[Event]:
    horizon = rules.calendar().add_working_days(as_at, REVIEW_HORIZON)
    booked = ReviewBooking.objects.filter(cancelled_date__isnull=True, review__isnull=True)
    children = (
        Child.objects.filter(looked_after=True, next_review_due__lte=horizon)
        .exclude(pk__in=booked.values("child"))
        .select_related("current_iro__user")
        .order_by("next_review_due", "child_id")
    )
    events = []
    for child in children:
        to, due = email_of(child.current_iro), child.next_review_due
        state = "overdue" if due < as_at else _when(as_at, due, rules)
        events.append(Event(
            "review_due", f"review_due:{child.child_id}:{due.isoformat()}:{to}", to,
            f"{child.display_name}: review due by {day(due)} ({state}), not booked yet.",
            path_to("children:record", child.child_id), name_of(child.current_iro),
        ))  # fmt: skip
    return events


def records_overdue(as_at: date, rules: RuleSettings) -> list[Event]:
    reviews = (
        Review.objects.filter(record_date__isnull=True, review_date__lte=as_at,
                              review_date__gte=as_at - RECORD_LOOKBACK,
                              period=F("child__current_period"), child__looked_after=True)
        .select_related("child__current_iro__user", "chair__user")
        .order_by("review_date", "child__child_id")
    )  # fmt: skip
    events = []
    for review in reviews:
        due = record_due(review.review_date, rules=rules).date
        if due >= as_at:
            continue
        child, iro = review.child, review.chair or review.child.current_iro
        to = email_of(iro)
        events.append(Event(
            "record_overdue", f"record_overdue:{review.pk}:{to}", to,
            f"{child.display_name}: the record of the review on {day(review.review_date)} "
            f"was due by {day(due)}.",
            path_to("children:record", child.child_id), name_of(iro),
        ))  # fmt: skip
    return events


def escalations_at_risk(as_at: date, rules: RuleSettings) -> list[Event]:
    open_ = Escalation.objects.filter(closed_date__isnull=True, opened_date__lte=as_at)
    events = []
    for escalation in with_details(open_.exclude(good_practice=True).select_related("iro__user")):
        clock = clock_of(escalation, rules=rules, as_at=as_at)
        to, eid = email_of(escalation.iro), escalation.escalation_id
        about = f"{eid} ({escalation.child.display_name})"
        link, name = path_to("escalations:detail", eid), name_of(escalation.iro)
        stage = clock.current
        if stage and stage.step_up_by and _near(as_at, stage.step_up_by, rules):
            events.append(Event(
                "escalation_stage", f"escalation_stage:{eid}:{stage.code}:{stage.step_up_by}:{to}",
                to, f"{about}: {stage.name} must step up or be resolved by "
                f"{day(stage.step_up_by)} ({_when(as_at, stage.step_up_by, rules)}).", link, name,
            ))  # fmt: skip
        if clock.overall_due and _near(as_at, clock.overall_due, rules):
            events.append(Event(
                "escalation_overall", f"escalation_overall:{eid}:{clock.overall_due}:{to}", to,
                f"{about}: the whole process must be finished by {day(clock.overall_due)} "
                f"({_when(as_at, clock.overall_due, rules)}).", link, name,
            ))  # fmt: skip
    return events


def _near(as_at: date, due: date, rules: RuleSettings) -> bool:
    return rules.calendar().working_days_between(as_at, due) <= BREACH_WARNING


def for_iros(as_at: date, rules: RuleSettings) -> list[Event]:
    """Every event for the IROs, in the order their email lists them."""
    return [*reviews_due(as_at, rules), *records_overdue(as_at, rules),
            *escalations_at_risk(as_at, rules)]  # fmt: skip
