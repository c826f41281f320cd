"""The IRO's daily pages: the caseload, scheduling a review, recording a held review or a
contact, and changing a review. Thin views: check the permission and visibility, validate the
form, call one service, redirect."""

from __future__ import annotations

from functools import lru_cache

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import get_script_prefix, reverse
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.views.decorators.http import require_POST

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.children.selectors import open_record
from irohub.council.selectors import current_rules
from irohub.reviews import booking, recording
from irohub.reviews.caseload import RAG_TAGS, SORTS, STATUS_ORDER, STATUS_TAGS, arrange, caseload
from irohub.reviews.forms import CancelBookingForm, ContactForm, ReviewForm, ScheduleForm
from irohub.reviews.models import Review
from irohub.reviews.recording import long_date
from irohub.reviews.templatetags.iro_dates import long_date as day_text
from irohub.staff.models import IRO
from irohub.staff.visibility import visible_iros

P = Permission


def _posted(request):
    """The submitted data, or None for a GET (an empty POST is still a submission to check)."""
    return request.POST if request.method == "POST" else None


def _require_any(user, *permissions: Permission) -> None:
    if not any(user_can(user, permission) for permission in permissions):
        raise PermissionDenied("You do not have permission to see this page.")


def _record_url(child) -> str:
    return reverse("children:record", args=[child.child_id])


@lru_cache(maxsize=16384)
def _record_link(prefix: str, child_id: str) -> str:
    return reverse("children:record", args=[child_id])


def _record_path(child_id: str) -> str:
    """The record page's address, reversed once per child and process: reversing it for every
    row of every caseload was a tenth of the page's time. Keyed by the script prefix too, as
    `reverse` puts it in front."""
    return _record_link(get_script_prefix(), child_id)


def _chosen_iro(request, today):
    """The IRO whose caseload to show: ?iro=<id> when the person may see it, else their own."""
    allowed = visible_iros(request.user)
    wanted = request.GET.get("iro", "")
    if wanted:
        if not wanted.isdigit():
            raise Http404("No such IRO")
        return get_object_or_404(allowed, pk=int(wanted))
    return IRO.objects.filter(user=request.user).first()


def _cells(row) -> dict:
    """What one caseload row writes, as plain strings in a dict: the template only prints them.
    A dict key is the template engine's cheapest lookup, and a row read through attributes,
    filters and if-chains cost more than the rest of the page on a large caseload."""
    child, midway = row.child, row.midway_cell
    covering = ""
    if row.covering:
        covering = f"Covering for {child.current_iro.name}" if child.current_iro else "Covering"
    tag, tag_class = row.status_tag
    return {
        "url": _record_path(child.child_id), "name": child.display_name, "covering": covering,
        "age": row.age, "due": day_text(row.next_due), "due_type": capfirst(row.next_type),
        "tag": tag, "tag_class": tag_class, "booked": day_text(row.booked),
        "midway_tag": midway[0], "midway_class": midway[1], "midway": midway[2],
        "records": [day_text(held) for held, _due in row.records_overdue],
        "escalations": [(*_rag_tag(clock.rag), e.escalation_id) for e, clock in row.escalations],
        "notes": bool(row.records_overdue or row.escalations),
    }  # fmt: skip


def _rag_tag(rag: str) -> tuple[str, str]:
    return RAG_TAGS[rag] if rag in ("red", "amber") else RAG_TAGS["green"]


def _query(keep: dict, **changes) -> str:
    return urlencode({k: v for k, v in {**keep, **changes}.items() if v})


@requires()
def caseload_page(request):
    _require_any(request.user, P.VIEW_OWN_CASELOAD, P.VIEW_SERVICE)
    today = children.today()
    iro = _chosen_iro(request, today)
    own = iro is not None and iro.user_id == request.user.pk
    rules = current_rules()
    found = caseload(iro, today=today, rules=rules, user=request.user if own else None)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "due"
    status = request.GET.get("status") if request.GET.get("status") in STATUS_ORDER else ""
    keep = {"iro": request.GET.get("iro", ""), "status": status}
    rows = arrange(found.rows, sort=sort, status=status)
    context = {
        "caseload": found,
        "cells": [_cells(row) for row in rows],
        "sort_links": {key: "?" + _query(keep, sort=key) for key in SORTS},
        "rows": rows,
        "sort": sort,
        "status": status,
        "own": own,
        "status_tags": STATUS_TAGS,
        "rag_tags": RAG_TAGS,
        "statuses": [(code, STATUS_TAGS[code][0]) for code in STATUS_ORDER],
        "iros": visible_iros(request.user) if user_can(request.user, P.VIEW_SERVICE) else None,
    }
    return render(request, "reviews/caseload.html", context)


@requires()
def schedule(request, child_id: str):
    """Book the child's next review, or change the open booking."""
    _require_any(request.user, P.BOOK_REVIEWS, P.RECORD_REVIEWS)
    today = children.today()
    child = open_record(request.user, child_id, on=today, page="schedule review")
    current = booking.open_booking(child)
    initial = {}
    if current is not None:
        initial = {"planned_date": current.planned_date, "format": current.format,
                   "venue": current.venue}  # fmt: skip
    form = ScheduleForm(_posted(request), initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if current is None:
                booking.book(child=child, by=request.user, **data)
            else:
                booking.rebook(booking=current, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Review booked for {long_date(data['planned_date'])}")
            return redirect(_record_url(child))
    context = {"child": child, "form": form, "booking": current,
               "cancel_form": CancelBookingForm()}  # fmt: skip
    return render(request, "reviews/schedule.html", context)


@require_POST
@requires()
def cancel_booking(request, child_id: str):
    _require_any(request.user, P.BOOK_REVIEWS, P.RECORD_REVIEWS)
    today = children.today()
    child = open_record(request.user, child_id, on=today, page="cancel booking")
    current = booking.open_booking(child)
    form = CancelBookingForm(request.POST)
    if current is not None and form.is_valid():
        booking.cancel(booking=current, on=today, reason=form.cleaned_data["reason"],
                       by=request.user)  # fmt: skip
        messages.success(request, "The booking was cancelled")
    return redirect(_record_url(child))


def _own_iro(user):
    return IRO.objects.filter(user=user).first()


@requires(P.RECORD_REVIEWS)
def record_review(request, child_id: str):
    today = children.today()
    child = open_record(request.user, child_id, on=today, page="record review")
    rules = current_rules()
    form = ReviewForm(_posted(request), child=child, today=today, rules=rules)
    if request.method == "POST" and form.is_valid():
        try:
            recording.record_review(child=child, details=form.changes(), by=request.user,
                                    today=today)  # fmt: skip
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "The review was recorded")
            return redirect(_record_url(child))
    return render(request, "reviews/review_form.html", {"child": child, "form": form})


@requires(P.RECORD_REVIEWS)
def change_review(request, child_id: str, review_id: int):
    today = children.today()
    child = open_record(request.user, child_id, on=today, page="change review")
    review = get_object_or_404(Review.objects.select_related("chair"), pk=review_id, child=child)
    rules = current_rules()
    form = ReviewForm(_posted(request), child=child, today=today, rules=rules, review=review)
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            recording.change_review(review=review, version=form.cleaned_data["version"],
                                    changes=form.changes(), by=request.user, today=today)  # fmt: skip
        except recording.StaleReview:
            # Show the review as it is now: saving the old values again would undo the other
            # person's change without anyone knowing.
            stale = True
            review.refresh_from_db()
            form = ReviewForm(child=child, today=today, rules=rules, review=review)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "The review was changed")
            return redirect(_record_url(child))
    context = {"child": child, "form": form, "review": review, "stale": stale}
    return render(request, "reviews/review_form.html", context)


@requires(P.RECORD_REVIEWS)
def record_contact(request, child_id: str):
    today = children.today()
    child = open_record(request.user, child_id, on=today, page="record contact")
    own = _own_iro(request.user)
    form = ContactForm(_posted(request), today=today, own_iro=own, child=child)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recording.record_contact(child=child, iro=data.get("iro") or own,
                                     contact_date=data["contact_date"],
                                     contact_type=data["contact_type"], by=request.user,
                                     today=today)  # fmt: skip
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, "The contact was recorded")
            return redirect(_record_url(child))
    return render(request, "reviews/contact_form.html", {"child": child, "form": form})
