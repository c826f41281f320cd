"""Business support's worklists across the service: reviews to book, booked reviews (invitations
and the social worker's report), papers not received as the review approaches, and records of
reviews overdue or not yet sent to the child.

Each list takes the children the person may see (`irohub.staff.visibility.visible_children`) and
loads set-wise: one query for the rows, their IRO and period in the same query; due dates and
their reasons come from the rules engine (`irohub.statutory`), never worked out here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from irohub.children.models import Child
from irohub.reviews.derive import cut_short, history_start, period_for_timing
from irohub.reviews.models import Review, ReviewBooking
from irohub.statutory.deadlines import Explained, pre_meeting_report_due, record_due
from irohub.statutory.reviews import ReviewHeld, review_timetables

# Issue 6: business support books the reviews falling due in the next 30 working days.
BOOKING_HORIZON_WORKING_DAYS = 30
# The social worker's report is chased once its due date is this close (or past).
PAPERS_WARNING_WORKING_DAYS = 10
# Records of reviews older than this are history to correct, not work to chase.
RECORDS_LOOKBACK = timedelta(days=365)


def open_bookings() -> QuerySet[ReviewBooking]:
    return ReviewBooking.objects.filter(cancelled_date__isnull=True, review__isnull=True)


# --- reviews to book -------------------------------------------------------------------------


@dataclass
class ToBook:
    child: Child
    due: date
    review_type: str
    overdue: bool
    reason: str = ""  # the rules engine's explanation of the due date (see `explain`)


def to_book(children: QuerySet[Child], *, today: date, rules) -> list[ToBook]:
    """Children looked after whose next review falls due within 30 working days (or is
    overdue) and who have no open booking, soonest first."""
    horizon = rules.calendar().add_working_days(today, BOOKING_HORIZON_WORKING_DAYS)
    found = (
        children.filter(looked_after=True, next_review_due__lte=horizon)
        .exclude(pk__in=open_bookings().values("child"))
        .select_related("current_iro", "current_period")
        .order_by("next_review_due", "child_id")
    )
    return [
        ToBook(child, child.next_review_due, child.next_review_type, child.next_review_due < today)
        for child in found
    ]


def explain(rows: list[ToBook], *, today: date, rules) -> list[ToBook]:
    """Fill each row's reason from its period's review timetable (reg 33 / reg 48), computed
    for the rows given in one query: call it for the page shown, not the whole list."""
    periods = [row.child.current_period for row in rows if row.child.current_period]
    held = defaultdict(list)
    reviews = Review.objects.filter(period__in=periods).values_list(
        "period_id", "review_date", "additional", "statutory_basis", "first_part_date"
    )
    for period, day, additional, basis, part in reviews:
        held[period].append(ReviewHeld(day, bool(additional), basis, part))
    known_from = history_start()  # timed as derive times them (decision record 0004)
    cut = cut_short(p.pk for p in periods) if known_from else {}
    items = [
        (period_for_timing(p, row.child.child_id, cut.get(p.pk)), held[p.pk], row.child.dob)
        for row in rows if (p := row.child.current_period)
    ]  # fmt: skip
    tables = iter(review_timetables(items, rules=rules, as_at=today, reviews_known_from=known_from))
    for row in rows:
        if row.child.current_period:
            row.reason = next(tables).explain_next_due()
    return rows


# --- booked reviews and their papers ---------------------------------------------------------


@dataclass
class Booked:
    booking: ReviewBooking
    papers_due: Explained  # the social worker's report, 5 working days before (rules.md R5)
    papers_status: str  # received, overdue, due_soon, awaited, or passed (review date gone)


def _papers_status(booking: ReviewBooking, due: date, *, today: date, warn: date) -> str:
    if booking.papers_received_date is not None:
        return "received"
    if booking.planned_date < today:
        return "passed"
    if due < today:
        return "overdue"
    return "due_soon" if due <= warn else "awaited"


def booked(children: QuerySet[Child], *, today: date, rules) -> list[Booked]:
    """Open bookings of these children, soonest first, each with its report's due date."""
    warn = rules.calendar().add_working_days(today, PAPERS_WARNING_WORKING_DAYS)
    found = (
        open_bookings()
        .filter(child__in=children)
        .select_related("child", "iro")
        .order_by("planned_date", "child__child_id")
    )
    rows = []
    for booking in found:
        due = pre_meeting_report_due(booking.planned_date, rules=rules)
        status = _papers_status(booking, due.date, today=today, warn=warn)
        rows.append(Booked(booking, due, status))
    return rows


def papers_awaited(children: QuerySet[Child], *, today: date, rules) -> list[Booked]:
    """Booked reviews still to come whose social worker's report has not arrived and is due
    within 10 working days, or overdue."""
    return [row for row in booked(children, today=today, rules=rules)
            if row.papers_status in ("overdue", "due_soon")]  # fmt: skip


# --- records of reviews ----------------------------------------------------------------------


@dataclass
class RecordRow:
    review: Review
    due: Explained  # the record, 15 working days after the review (rules.md R4)
    status: str  # overdue (not written, past its deadline), pending, or to_send


def records(children: QuerySet[Child], *, today: date, rules) -> list[RecordRow]:
    """Reviews of the last 12 months whose record is overdue or not yet sent to the child,
    oldest review first."""
    found = (
        Review.objects.filter(
            child__in=children, review_date__lte=today, review_date__gte=today - RECORDS_LOOKBACK,
            record_shared_date__isnull=True,
        )
        .select_related("child", "chair")
        .order_by("review_date", "child__child_id")
    )  # fmt: skip
    rows = []
    for review in found:
        due = record_due(review.review_date, rules=rules)
        if review.record_date is not None:
            rows.append(RecordRow(review, due, "to_send"))
        elif due.date < today:
            rows.append(RecordRow(review, due, "overdue"))
    return rows
