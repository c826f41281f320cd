"""Booking services: one open booking per child, invitations, cancelling, all audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from irohub.audit.models import AuditEvent
from irohub.reviews import booking
from irohub.reviews.models import ReviewBooking

from .factories import allocate, make_child, make_iro, review

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def child(users):
    iro = make_iro(users["iro"])
    child = make_child()
    allocate(child, iro)
    child.current_iro = iro
    child.save()
    return child


def events(action):
    return AuditEvent.objects.filter(target_type="reviews.reviewbooking", action=action)


def test_book_sets_the_childs_iro_and_audits(child, users):
    made = booking.book(child=child, planned_date=D(2026, 12, 3), format="in_person",
                        venue="  Foster home ", by=users["business_support"])  # fmt: skip
    assert (made.iro, made.venue, made.booked_by) == (child.current_iro, "Foster home",
                                                      users["business_support"])  # fmt: skip
    event = events("booked").get()
    assert event.after["planned_date"] == "2026-12-03" and event.actor_name == "business_support"


def test_one_open_booking_per_child(child, users):
    first = booking.book(child=child, planned_date=D(2026, 12, 3), format="virtual",
                         by=users["iro"])  # fmt: skip
    with pytest.raises(booking.AlreadyBooked):
        booking.book(child=child, planned_date=D(2026, 12, 4), format="virtual", by=users["iro"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewBooking.objects.create(child=child, planned_date=D(2026, 12, 5), format="virtual")
    booking.cancel(booking=first, on=D(2026, 11, 22), reason="Child unwell", by=users["iro"])
    again = booking.book(child=child, planned_date=D(2026, 12, 9), format="hybrid", by=users["iro"])
    assert again.is_open and ReviewBooking.objects.filter(child=child).count() == 2
    assert events("booked").count() == 2 and events("cancelled").count() == 1


def test_invitations_and_rebooking(child, users):
    made = booking.book(child=child, planned_date=D(2026, 12, 3), format="virtual",
                        by=users["business_support"])  # fmt: skip
    sent = booking.mark_invitations_sent(booking=made, on=D(2026, 11, 22),
                                         by=users["business_support"])  # fmt: skip
    assert sent.invitations_sent_date == D(2026, 11, 22)
    moved = booking.rebook(booking=made, planned_date=D(2026, 12, 10), format="in_person",
                           venue="School", by=users["business_support"])  # fmt: skip
    assert (moved.planned_date, moved.invitations_sent_date) == (D(2026, 12, 10), None)
    rebooked = events("rebooked").get()
    assert rebooked.before["planned_date"] == "2026-12-03"
    assert rebooked.after["planned_date"] == "2026-12-10"


def test_a_closed_booking_cannot_change(child, users):
    made = booking.book(child=child, planned_date=D(2026, 12, 3), format="virtual",
                        by=users["iro"])  # fmt: skip
    booking.cancel(booking=made, on=D(2026, 11, 22), by=users["iro"])
    with pytest.raises(ValidationError):
        booking.mark_invitations_sent(booking=made, on=D(2026, 11, 23), by=users["iro"])
    other = booking.book(child=child, planned_date=D(2026, 12, 3), format="virtual",
                         by=users["iro"])  # fmt: skip
    held = review(child, D(2026, 12, 3))
    with transaction.atomic():
        assert booking.close_with(child=child, review=held) == other
    assert booking.open_booking(child) is None


def test_a_format_must_be_known(child, users):
    with pytest.raises(ValidationError):
        booking.book(child=child, planned_date=D(2026, 12, 3), format="telepathy", by=users["iro"])
    assert not ReviewBooking.objects.exists()
