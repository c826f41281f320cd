"""An IRO's caseload as at a day: each child's next review and its status, the midway review,
records not yet written and open escalations with their clocks.

A fixed handful of queries whatever the caseload's size (children with their last review, last
midway and open booking as subqueries; overdue records; open escalations and their stages);
every date comes from the rules engine (`irohub.statutory`) with the council's rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, OuterRef, Q, Subquery

from irohub.children.models import Child
from irohub.escalations.models import Escalation
from irohub.reviews.models import Contact, Review, ReviewBooking
from irohub.reviews.templatetags.iro_dates import long_date as _long
from irohub.staff.models import IRO, Allocation
from irohub.staff.visibility import allocated_on, cover_parts
from irohub.statutory.deadlines import midway_window, record_due
from irohub.statutory.escalations import StageHeld, escalation_clock
from irohub.statutory.participation import age_on

SORTS = ("name", "due", "status")
STATUS_ORDER = ("overdue", "due_soon", "booked", "on_time", "none")
# Issue 6: a review is "due soon" when it falls due within 20 working days.
DUE_SOON_WORKING_DAYS = 20
STATUS_TAGS = {
    "overdue": ("Overdue", "govuk-tag--red"),
    "due_soon": ("Due soon", "govuk-tag--yellow"),
    "booked": ("Booked", "govuk-tag--blue"),
    "on_time": ("On time", "govuk-tag--green"),
    "none": ("No review due", "govuk-tag--grey"),
}
RAG_TAGS = {"red": ("Red", "govuk-tag--red"), "amber": ("Amber", "govuk-tag--orange"),
            "green": ("Green", "govuk-tag--green")}  # fmt: skip


def soon_until(today: date, *, rules) -> date:
    return rules.calendar().add_working_days(today, DUE_SOON_WORKING_DAYS)


def review_status(next_due: date | None, booked: date | None, *, today: date, soon: date) -> str:
    """Overdue beats everything (a booking after the due date is still late); then a booked
    review; then due within 20 working days; else on time."""
    if next_due is None:
        return "none"
    if next_due < today:
        return "overdue"
    if booked is not None:
        return "booked"
    return "due_soon" if next_due <= soon else "on_time"


@dataclass(frozen=True)
class Midway:
    """The midway review between the last review and the next due date (a local standard:
    `midway.window` of the way between them, irohub.statutory.deadlines.midway_window).

    status: "held" (a midway since the last review), "due" (today is in the window), "upcoming",
    "missed" (the window passed with none), or "none" (no review yet, or no next review due)."""

    status: str
    window: tuple[date, date] | None = None
    held_on: date | None = None


def midway_state(last_review, next_due, last_midway, *, rules, today: date) -> Midway:
    if last_review is None or next_due is None or next_due < last_review:
        return Midway("none")
    window = midway_window(last_review, next_due, rules=rules)
    if last_midway is not None and last_midway > last_review:
        return Midway("held", window, last_midway)
    if today < window[0]:
        return Midway("upcoming", window)
    return Midway("due" if today <= window[1] else "missed", window)


def clocks_for(escalations, *, rules, today: date) -> list[tuple]:
    """(escalation, its EscalationClock as at today) for each, stages read in one query."""
    found = []
    for escalation in escalations.prefetch_related("stages"):
        stages = [StageHeld(s.stage, s.started_date, s.ended_date) for s in escalation.stages.all()]
        clock = escalation_clock(escalation.opened_date, stages, rules=rules, as_at=today,
                                 closed=escalation.closed_date)  # fmt: skip
        found.append((escalation, clock))
    return found


@dataclass
class CaseloadRow:
    child: Child
    age: int
    next_due: date | None
    next_type: str
    status: str
    booked: date | None
    last_review: date | None
    midway: Midway
    records_overdue: list[tuple[date, date]] = field(default_factory=list)  # (held, due)
    escalations: list = field(default_factory=list)  # (Escalation, EscalationClock)
    covering: bool = False

    @property
    def status_tag(self) -> tuple[str, str]:
        """(label, GOV.UK tag class) of the next review's status."""
        return STATUS_TAGS[self.status]

    @property
    def midway_cell(self) -> tuple[str, str, str]:
        """(tag label, tag class, text) for the midway review: the page writes the tag (when
        there is one) and then the text, instead of an if-chain per row."""
        midway = self.midway
        if midway.status == "held":
            return ("Held", "govuk-tag--green", _long(midway.held_on))
        if midway.status == "due":
            return ("Due now", "govuk-tag--yellow", f"by {_long(midway.window[1])}")
        if midway.status == "missed":
            return ("Missed", "govuk-tag--red", f"window ended {_long(midway.window[1])}")
        if midway.status == "upcoming":
            start, end = midway.window
            return ("", "", f"From {_long(start)} to {_long(end)}")
        return ("", "", "Not due")


@dataclass
class Caseload:
    iro: IRO | None
    rows: list[CaseloadRow]
    today: date
    counts: dict[str, int]


def _children(iro: IRO | None, user, today: date):
    own = allocated_on(today).filter(iro=iro) if iro else Allocation.objects.none()
    wanted = own.values("child_id").order_by()
    if user is not None:
        wanted = wanted.union(*cover_parts(user, on=today))
    last_review = Review.objects.filter(
        child=OuterRef("pk"), period=OuterRef("current_period"), review_date__lte=today
    ).order_by("-review_date")
    last_midway = Contact.objects.filter(
        child=OuterRef("pk"),
        contact_type=Contact.Type.MIDWAY_REVIEW,
        contact_date__lte=today,
    ).order_by("-contact_date")
    # Earliest first, as the model orders bookings; without the model's tie-break on the
    # child (one child here), which joined the children table into every row's subquery.
    booked = ReviewBooking.objects.filter(
        child=OuterRef("pk"), cancelled_date__isnull=True, review__isnull=True
    ).order_by("planned_date")
    return list(
        # One IN over a UNION (see irohub.staff.visibility.visible_children).
        Child.objects.filter(pk__in=wanted)
        .select_related("current_iro")
        .annotate(
            last_review=Subquery(last_review.values("review_date")[:1]),
            last_midway=Subquery(last_midway.values("contact_date")[:1]),
            booked=Subquery(booked.values("planned_date")[:1]),
            own=Q(pk__in=own.values("child_id")),
        )
    )


def _records_overdue(ids: list[int], *, rules, today: date) -> dict[int, list[tuple[date, date]]]:
    """Reviews of the current period past the record deadline (rules.md R4) with no record."""
    found = defaultdict(list)
    rows = Review.objects.filter(
        child__in=ids, record_date__isnull=True, review_date__lte=today,
        period=F("child__current_period"),
    ).values_list("child_id", "review_date")  # fmt: skip
    for child, held in rows.order_by("review_date"):
        due = record_due(held, rules=rules).date
        if due < today:
            found[child].append((held, due))
    return found


def _open_escalations(ids: list[int], *, rules, today: date) -> dict[int, list]:
    escalations = Escalation.objects.filter(child__in=ids, closed_date__isnull=True).filter(
        opened_date__lte=today
    )
    found = defaultdict(list)
    for escalation, clock in clocks_for(escalations, rules=rules, today=today):
        found[escalation.child_id].append((escalation, clock))
    return found


def caseload(iro: IRO | None, *, today: date, rules, user=None) -> Caseload:
    """The children allocated to `iro` on `today`, and (given `user`) those `user` covers."""
    children = _children(iro, user, today)
    ids = [child.pk for child in children]
    records = _records_overdue(ids, rules=rules, today=today)
    escalations = _open_escalations(ids, rules=rules, today=today)
    soon = soon_until(today, rules=rules)
    rows = []
    for child in children:
        due = child.next_review_due if child.looked_after else None
        rows.append(
            CaseloadRow(
                child=child,
                age=age_on(child.dob, today),
                next_due=due,
                next_type=child.next_review_type if due else "",
                status=review_status(due, child.booked, today=today, soon=soon),
                booked=child.booked,
                last_review=child.last_review,
                midway=midway_state(
                    child.last_review, due, child.last_midway, rules=rules, today=today
                ),  # fmt: skip
                records_overdue=records.get(child.pk, []),
                escalations=escalations.get(child.pk, []),
                covering=not child.own,
            )
        )
    return Caseload(iro, rows, today, _counts(rows))


def _counts(rows: list[CaseloadRow]) -> dict[str, int]:
    counts = {status: 0 for status in STATUS_ORDER}
    for row in rows:
        counts[row.status] += 1
    counts["children"] = len(rows)
    counts["midway_due"] = sum(row.midway.status in ("due", "missed") for row in rows)
    counts["records_overdue"] = sum(len(row.records_overdue) for row in rows)
    counts["escalations"] = sum(len(row.escalations) for row in rows)
    counts["escalations_red"] = sum(
        clock.rag == "red" for row in rows for _, clock in row.escalations
    )
    return counts


def arrange(rows: list[CaseloadRow], *, sort: str = "due", status: str = "") -> list[CaseloadRow]:
    """Rows narrowed to one status (blank: all) and sorted by name, due date or status."""
    if status in STATUS_ORDER:
        rows = [row for row in rows if row.status == status]
    far = date.max

    def by_name(row):
        return (row.child.family_name.lower(), row.child.given_name.lower(), row.child.child_id)

    if sort == "name":
        return sorted(rows, key=by_name)
    if sort == "status":
        return sorted(rows, key=lambda r: (STATUS_ORDER.index(r.status), r.next_due or far))
    return sorted(rows, key=lambda r: (r.next_due or far, by_name(r)))
