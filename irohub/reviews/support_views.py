"""Business support's pages: reviews to book, booked reviews, papers not received and records,
with the actions that go with them (book a review, mark the invitations sent, the social
worker's report received, the record sent to the child). Thin views: each write is one service
of irohub.reviews.booking or irohub.reviews.recording, audited there."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from irohub.accounts.access import requires
from irohub.accounts.govuk_forms import GovukDateField
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.council.selectors import current_rules
from irohub.reviews import booking, recording, worklists
from irohub.reviews.forms import ScheduleForm
from irohub.reviews.models import Review
from irohub.reviews.recording import long_date
from irohub.staff.visibility import visible_children

P = Permission
PAGE_SIZE = 50


class DoneOnForm(forms.Form):
    """When something was done: today or earlier."""

    on = GovukDateField(label="Date", help_text="For example, 22 11 2026")

    def __init__(self, *args, label: str, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].label = label
        self.today = today

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day is not None and day > self.today:
            raise ValidationError("The date must be today or in the past")
        return day


def _lists(request, current: str) -> dict:
    today = children.today()
    return {"today": today, "current": current, "rules": current_rules(),
            "seen": visible_children(request.user, on=today)}  # fmt: skip


@requires(P.BOOK_REVIEWS)
def to_book(request):
    """Children whose review falls due in the next 30 working days and is not booked."""
    base = _lists(request, "to_book")
    rows = worklists.to_book(base["seen"], today=base["today"], rules=base["rules"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    worklists.explain(list(page), today=base["today"], rules=base["rules"])
    horizon = (
        base["rules"]
        .calendar()
        .add_working_days(base["today"], worklists.BOOKING_HORIZON_WORKING_DAYS)
    )
    context = {"page": page, "total": len(rows), "horizon": horizon, "current": "to_book"}
    return render(request, "reviews/support/to_book.html", context)


@requires(P.BOOK_REVIEWS)
def booked(request):
    base = _lists(request, "booked")
    rows = worklists.booked(base["seen"], today=base["today"], rules=base["rules"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "total": len(rows), "current": "booked"}
    return render(request, "reviews/support/booked.html", context)


@requires(P.BOOK_REVIEWS)
def papers(request):
    base = _lists(request, "papers")
    rows = worklists.papers_awaited(base["seen"], today=base["today"], rules=base["rules"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "total": len(rows), "current": "papers",
               "warning_days": worklists.PAPERS_WARNING_WORKING_DAYS}  # fmt: skip
    return render(request, "reviews/support/papers.html", context)


@requires(P.BOOK_REVIEWS)
def records(request):
    base = _lists(request, "records")
    rows = worklists.records(base["seen"], today=base["today"], rules=base["rules"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "total": len(rows), "current": "records"}
    return render(request, "reviews/support/records.html", context)


@requires(P.BOOK_REVIEWS)
def book(request, child_id: str):
    """Book the child's next review, then back to the list."""
    today = children.today()
    child = children.open_record(request.user, child_id, on=today, page="book review")
    current = booking.open_booking(child)
    form = ScheduleForm(request.POST or None, today=today)
    if current is None and request.method == "POST" and form.is_valid():
        try:
            booking.book(child=child, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            when = long_date(form.cleaned_data["planned_date"])
            messages.success(request, f"Review for {child.display_name} booked for {when}")
            return redirect("support:to-book")
    context = {"child": child, "form": form, "booking": current, "current": "to_book"}
    return render(request, "reviews/support/book.html", context)


def _done_on(request, *, child, label: str, action, title: str, back: str, item: str):
    """The shared shape of the three "mark as done" pages: a date (today by default), one
    service call, back to the list with a success banner."""
    today = children.today()
    form = DoneOnForm(request.POST or None, label=label, today=today, initial={"on": today})
    if request.method == "POST" and form.is_valid():
        try:
            action(form.cleaned_data["on"])
        except (ValidationError, recording.StaleReview) as error:
            problems = getattr(error, "messages", ["Someone else changed it: try again"])
            form.add_error(None, problems)
        else:
            messages.success(request, f"{title}: {child.display_name}")
            return redirect(back)
    context = {"child": child, "form": form, "title": title, "item": item, "back": back}
    return render(request, "reviews/support/done_on.html", context)


def _open_booking(request, booking_id: int, page: str):
    today = children.today()
    found = get_object_or_404(worklists.open_bookings(), pk=booking_id)
    child = children.open_record(request.user, found.child.child_id, on=today, page=page)
    return found, child


@requires(P.BOOK_REVIEWS)
def invitations_sent(request, booking_id: int):
    found, child = _open_booking(request, booking_id, "mark invitations sent")
    return _done_on(
        request, child=child, label="When were the invitations sent?",
        action=lambda on: booking.mark_invitations_sent(booking=found, on=on, by=request.user),
        title="Invitations marked as sent", back="support:booked",
        item=f"Review on {long_date(found.planned_date)}",
    )  # fmt: skip


@requires(P.BOOK_REVIEWS)
def papers_received(request, booking_id: int):
    found, child = _open_booking(request, booking_id, "mark papers received")
    return _done_on(
        request, child=child, label="When did the social worker's report arrive?",
        action=lambda on: booking.mark_papers_received(booking=found, on=on, by=request.user),
        title="Social worker's report marked as received", back="support:papers",
        item=f"Review on {long_date(found.planned_date)}",
    )  # fmt: skip


@requires(P.BOOK_REVIEWS)
def record_sent(request, review_id: int):
    today = children.today()
    review = get_object_or_404(Review.objects.select_related("child"), pk=review_id)
    child = children.open_record(request.user, review.child.child_id, on=today,
                                 page="mark record sent")  # fmt: skip
    return _done_on(
        request, child=child, label="When was the record sent to the child?",
        action=lambda on: recording.mark_record_issued(review=review, on=on, by=request.user,
                                                       today=today),
        title="Record marked as sent to the child", back="support:records",
        item=f"Review on {long_date(review.review_date)}",
    )  # fmt: skip
