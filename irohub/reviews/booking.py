"""Booking reviews: plan the date, format and venue, send the invitations, or cancel.

A child has at most one open booking (the database enforces it); recording the review closes
the booking (`irohub.reviews.recording`). Every change is audited in its own transaction.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from irohub.audit.services import record
from irohub.reviews.models import Review, ReviewBooking

TARGET = "reviews.reviewbooking"


class AlreadyBooked(ValidationError):
    """The child already has an open booking: change that one (rebook) or cancel it first."""


def snapshot(obj, fields: list[str]) -> dict:
    """The named fields of a model instance as JSON-safe values for an audit event."""
    plain = {}
    for name in fields:
        value = getattr(obj, name)
        plain[name] = value if value is None or isinstance(value, bool | int | str) else str(value)
    return plain


ALREADY_BOOKED = "This child already has a review booked. Change or cancel that booking first."
FIELDS = ["child_id", "planned_date", "format", "venue", "iro_id", "invitations_sent_date",
          "papers_received_date", "cancelled_date", "cancel_reason", "review_id"]  # fmt: skip


def _person(by):
    return by if getattr(by, "is_authenticated", False) else None


def _check_format(format: str) -> None:
    if format not in Review.Format.values:
        raise ValidationError({"format": "Select how the review will be held"})


def book(*, child, planned_date: date, format: str, by, venue: str = "", iro=None) -> ReviewBooking:
    """Book a review for a child; `iro` defaults to the child's current IRO. Raises
    AlreadyBooked when the child has an open booking already."""
    _check_format(format)
    if open_booking(child) is not None:
        raise AlreadyBooked(ALREADY_BOOKED)
    try:
        # The unique constraint still guards two people booking the same child at once.
        with transaction.atomic():
            booking = ReviewBooking.objects.create(
                child=child,
                planned_date=planned_date,
                format=format,
                venue=venue.strip(),
                iro=iro if iro is not None else child.current_iro,
                booked_by=_person(by),
            )
            record(by=by, action="booked", target_type=TARGET, target_id=booking.pk,
                   after=snapshot(booking, FIELDS))  # fmt: skip
    except IntegrityError as error:
        raise AlreadyBooked(ALREADY_BOOKED) from error
    return booking


def _open_for_update(booking: ReviewBooking) -> ReviewBooking:
    current = ReviewBooking.objects.select_for_update().get(pk=booking.pk)
    if not current.is_open:
        raise ValidationError("This booking has been cancelled or its review has been recorded.")
    return current


def _change(booking: ReviewBooking, action: str, by, **changes) -> ReviewBooking:
    with transaction.atomic():
        current = _open_for_update(booking)
        before = snapshot(current, FIELDS)
        for name, value in changes.items():
            setattr(current, name, value)
        current.save(update_fields=list(changes))
        record(by=by, action=action, target_type=TARGET, target_id=current.pk, before=before,
               after=snapshot(current, FIELDS))  # fmt: skip
    return current


def rebook(
    *, booking: ReviewBooking, planned_date: date, format: str, by, venue: str = ""
) -> ReviewBooking:
    """Move an open booking to another date, format or venue (invitations must go again)."""
    _check_format(format)
    return _change(booking, "rebooked", by, planned_date=planned_date, format=format,
                   venue=venue.strip(), invitations_sent_date=None)  # fmt: skip


def mark_invitations_sent(*, booking: ReviewBooking, on: date, by) -> ReviewBooking:
    """Business support sent the invitations to the review on `on`."""
    return _change(booking, "invitations_sent", by, invitations_sent_date=on)


def mark_papers_received(*, booking: ReviewBooking, on: date, by) -> ReviewBooking:
    """The social worker's report for the review arrived on `on` (business support)."""
    return _change(booking, "papers_received", by, papers_received_date=on)


def cancel(*, booking: ReviewBooking, on: date, by, reason: str = "") -> ReviewBooking:
    """Cancel an open booking (the child can then be booked again)."""
    return _change(booking, "cancelled", by, cancelled_date=on, cancel_reason=reason.strip())


def open_booking(child) -> ReviewBooking | None:
    return ReviewBooking.objects.filter(
        child=child, cancelled_date__isnull=True, review__isnull=True
    ).first()


def close_with(*, child, review: Review) -> ReviewBooking | None:
    """Inside a recording transaction: the child's open booking is now held as `review`.

    The caller audits the recording; the booking's change goes into the same event."""
    booking = (
        ReviewBooking.objects.select_for_update()
        .filter(child=child, cancelled_date__isnull=True, review__isnull=True)
        .first()
    )
    if booking is not None:
        booking.review = review
        booking.save(update_fields=["review"])
    return booking
