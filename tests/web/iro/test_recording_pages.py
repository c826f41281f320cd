"""Scheduling and recording through the pages: GOV.UK errors with values kept, PN codes by age,
the late-reason rule, optimistic locking, contacts, and every role's access."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from irohub.audit.models import AuditEvent
from irohub.reviews.models import Contact, Review, ReviewBooking

from .factories import allocate, make_child

D = dt.date
pytestmark = pytest.mark.django_db


def date_fields(name: str, day: D) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def held_review(day: D, chair, **extra) -> dict:
    data = {**date_fields("review_date", day), "chair": chair.pk, "format": "in_person",
            "pn_code": "PN1",
            "chaired_by": "iro", "seen_before": "yes", "seen_alone": "no",
            "advocacy_offered": "yes", "care_plan_available": "yes"}  # fmt: skip
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def url(name: str, child, *args) -> str:
    return reverse(f"reviews:{name}", args=[child.child_id, *args])


@pytest.fixture
def ann(signed_in_client, users):
    return signed_in_client(user=users["iro"])


# --- scheduling ---------------------------------------------------------------------------------


def test_an_iro_schedules_changes_and_cancels_a_review(ann, service):
    child = service["kids"]["soon"]
    response = ann.post(url("schedule", child), {**date_fields("planned_date", D(2026, 11, 30)),
                                                 "format": "virtual", "venue": "Teams"})  # fmt: skip
    assert response.status_code == 302
    booking = ReviewBooking.objects.get(child=child)
    assert (booking.planned_date, booking.format, booking.iro) == (
        D(2026, 11, 30), "virtual", service["ann"])  # fmt: skip
    record = ann.get(response["Location"]).content.decode()
    assert "Review booked for 30 November 2026" in record
    assert "Booked for 30 November 2026 (virtual, Teams)" in record
    form = ann.get(url("schedule", child)).content.decode()
    assert "Change the booking" in form and 'value="30"' in form
    ann.post(url("schedule", child), {**date_fields("planned_date", D(2026, 12, 1)),
                                      "format": "hybrid"})  # fmt: skip
    booking.refresh_from_db()
    assert booking.planned_date == D(2026, 12, 1) and booking.format == "hybrid"
    ann.post(url("cancel-booking", child), {"reason": "Child unwell"})
    booking.refresh_from_db()
    assert booking.cancelled_date == D(2026, 11, 22) and booking.cancel_reason == "Child unwell"
    actions = AuditEvent.objects.filter(target_type="reviews.reviewbooking").values_list(
        "action", flat=True)  # fmt: skip
    assert sorted(actions) == ["booked", "cancelled", "rebooked"]


def test_scheduling_errors_are_summarised_and_values_kept(ann, service):
    child = service["kids"]["soon"]
    response = ann.post(url("schedule", child), {"planned_date_day": "31", "planned_date_month":
                                                 "2", "planned_date_year": "2027",
                                                 "venue": "Library"})  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "<title>Error:" in page
    assert "Date of the review must be a real date" in page
    assert "Select how the review will be held" in page
    assert 'value="Library"' in page and 'value="31"' in page
    past = ann.post(url("schedule", child), {**date_fields("planned_date", D(2026, 11, 1)),
                                             "format": "virtual"})  # fmt: skip
    assert "must be today or in the future" in past.content.decode()
    assert not ReviewBooking.objects.filter(child=child).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("business_support", 200), ("manager", 200), ("senior_leader", 403), ("administrator", 403)],
)
def test_who_may_schedule(signed_in_client, service, role, status):
    assert (
        signed_in_client(role).get(url("schedule", service["kids"]["soon"])).status_code == status
    )


def test_an_iro_cannot_schedule_for_a_colleagues_child(ann, service):
    child = service["kids"]["bob"]
    assert ann.get(url("schedule", child)).status_code == 404
    response = ann.post(url("schedule", child), {**date_fields("planned_date", D(2026, 12, 1)),
                                                 "format": "virtual"})  # fmt: skip
    assert response.status_code == 404 and not ReviewBooking.objects.filter(child=child).exists()
    assert AuditEvent.objects.filter(target_id=child.child_id, action="refused").count() == 2


# --- recording a held review ------------------------------------------------------------------


def test_pn_codes_offered_for_a_child_of_four_or_more(ann, service):
    page = ann.get(url("record", service["kids"]["soon"])).content.decode()
    for code in ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"):
        assert f'value="{code}"' in page
    assert 'value="PN0"' not in page


def test_pn0_is_set_for_a_child_under_four_and_never_offered(ann, service, today):
    baby = make_child(dob=D(2024, 3, 1), given="Bobbi", family="Baby", started=D(2026, 10, 1))
    allocate(baby, service["ann"], start=D(2026, 10, 2))
    page = ann.get(url("record", baby)).content.decode()
    assert 'name="pn_code"' not in page and "recorded as PN0" in page
    response = ann.post(
        url("record", baby), held_review(D(2026, 10, 20), service["ann"], pn_code=None)
    )
    assert response.status_code == 302
    assert Review.objects.get(child=baby).pn_code == "PN0"


def test_pn0_follows_the_age_on_the_review_date_not_today(ann, service):
    four = make_child(dob=D(2022, 11, 1), given="Fran", family="Four", started=D(2026, 10, 1))
    allocate(four, service["ann"], start=D(2026, 10, 2))
    page = ann.get(url("record", four)).content.decode()
    assert 'value="PN3"' in page  # four today
    ann.post(url("record", four), held_review(D(2026, 10, 20), service["ann"], pn_code="PN3"))
    assert Review.objects.get(child=four).pn_code == "PN0"  # but three on 20 October


def test_pn0_cannot_be_chosen_for_a_child_of_four_or_more(ann, service):
    child = service["kids"]["soon"]
    response = ann.post(
        url("record", child), held_review(D(2026, 11, 20), service["ann"], pn_code="PN0")
    )
    assert "Select a valid choice" in response.content.decode()
    missing = ann.post(
        url("record", child), held_review(D(2026, 11, 20), service["ann"], pn_code=None)
    )
    assert "Select how the child took part in the review" in missing.content.decode()
    assert not Review.objects.filter(child=child, review_date=D(2026, 11, 20)).exists()


def test_a_late_review_needs_its_reason(ann, service):
    child = service["kids"]["overdue"]  # due 1 November 2026
    response = ann.post(url("record", child), held_review(D(2026, 11, 20), service["ann"]))
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "The review was 19 days late (due by 1 November 2026): select why it was late" in page
    assert not Review.objects.filter(child=child, review_date=D(2026, 11, 20)).exists()
    done = ann.post(
        url("record", child),
        held_review(D(2026, 11, 20), service["ann"], late_reason="rescheduled"),
    )
    assert done.status_code == 302
    saved = Review.objects.get(child=child, review_date=D(2026, 11, 20))
    assert (saved.late_reason, saved.in_time, saved.days_late, saved.due_date) == (
        "rescheduled", False, 19, D(2026, 11, 1))  # fmt: skip
    child.refresh_from_db()
    assert child.next_review_due == D(2027, 5, 20)  # recomputed in the same save


def test_an_on_time_review_keeps_no_late_reason(ann, service):
    child = service["kids"]["soon"]  # due 1 December 2026
    ann.post(
        url("record", child), held_review(D(2026, 11, 20), service["ann"], late_reason="other")
    )
    saved = Review.objects.get(child=child, review_date=D(2026, 11, 20))
    assert saved.late_reason == "" and saved.in_time is True
    assert (saved.seen_before, saved.seen_alone, saved.chair) == (True, False, service["ann"])
    assert saved.chair_source == "recorded" and saved.version == 1
    event = AuditEvent.objects.get(target_type="reviews.review", action="recorded")
    assert event.after["review_date"] == "2026-11-20" and event.actor_name == "iro"


def test_recording_closes_the_open_booking(ann, service):
    child = service["kids"]["booked"]
    ann.post(url("record", child), held_review(D(2026, 11, 20), service["ann"]))
    booking = ReviewBooking.objects.get(child=child)
    assert booking.review == Review.objects.get(child=child, review_date=D(2026, 11, 20))


def test_dates_that_cannot_be_right_are_refused(ann, service):
    child = service["kids"]["soon"]
    future = ann.post(url("record", child), held_review(D(2026, 11, 23), service["ann"]))
    assert "must be today or in the past" in future.content.decode()
    same = ann.post(url("record", child), held_review(D(2026, 6, 1), service["ann"]))
    assert "A review on this date is already recorded" in same.content.decode()
    early = ann.post(url("record", child), held_review(
        D(2026, 11, 20), service["ann"], **date_fields("record_date", D(2026, 11, 19))))  # fmt: skip
    assert "on or after the review" in early.content.decode()
    assert Review.objects.filter(child=child).count() == 5


def test_nothing_is_saved_half_way(ann, service, monkeypatch):
    child = service["kids"]["soon"]

    def broken(*args, **kwargs):
        raise RuntimeError("derive failed")

    monkeypatch.setattr("irohub.reviews.recording.recompute", broken)
    ann.raise_request_exception = False
    response = ann.post(url("record", child), held_review(D(2026, 11, 20), service["ann"]))
    assert response.status_code == 500
    assert not Review.objects.filter(child=child, review_date=D(2026, 11, 20)).exists()
    assert not AuditEvent.objects.filter(target_type="reviews.review").exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("manager", 200), ("commissioned_iro", 404), ("business_support", 403),
     ("senior_leader", 403), ("administrator", 403)],
)  # fmt: skip
def test_who_may_record_a_review(signed_in_client, service, role, status):
    assert signed_in_client(role).get(url("record", service["kids"]["soon"])).status_code == status


# --- changing a review: optimistic locking ----------------------------------------------------


def _change_form(review: Review, **extra) -> dict:
    return held_review(review.review_date, review.chair, version=review.version, **extra)


def test_changing_a_review_saves_and_moves_the_version_on(ann, service):
    review = Review.objects.get(child=service["kids"]["soon"], review_date=D(2026, 6, 1))
    page = ann.get(url("change", review.child, review.pk)).content.decode()
    assert 'name="version" value="1"' in page
    response = ann.post(url("change", review.child, review.pk), _change_form(
        review, pn_code="PN5", **date_fields("record_date", D(2026, 6, 20))))  # fmt: skip
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.pn_code, review.record_date, review.version) == ("PN5", D(2026, 6, 20), 2)
    event = AuditEvent.objects.get(target_type="reviews.review", action="changed")
    assert event.before["pn_code"] == "PN1" and event.after["pn_code"] == "PN5"


def test_a_stale_save_is_refused_and_says_why(ann, signed_in_client, users, service):
    review = Review.objects.get(child=service["kids"]["soon"], review_date=D(2026, 6, 1))
    stale_form = _change_form(review, pn_code="PN7")
    manager = signed_in_client(user=users["manager"])
    assert manager.post(url("change", review.child, review.pk),
                        _change_form(review, pn_code="PN2")).status_code == 302  # fmt: skip
    response = ann.post(url("change", review.child, review.pk), stale_form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this review while you were editing" in page
    assert 'name="version" value="2"' in page  # the form now shows the saved review
    review.refresh_from_db()
    assert (review.pn_code, review.version) == ("PN2", 2)
    assert AuditEvent.objects.filter(target_type="reviews.review", action="changed").count() == 1


def test_a_review_of_another_child_is_not_found(ann, service):
    other = Review.objects.filter(child=service["kids"]["bob"]).first()
    assert ann.get(url("change", service["kids"]["soon"], other.pk)).status_code == 404


# --- contacts ---------------------------------------------------------------------------------


def test_an_iro_records_a_midway_review(ann, service):
    child = service["kids"]["on_time"]
    page = ann.get(url("contact", child)).content.decode()
    assert 'name="iro"' not in page  # an IRO records their own contacts
    response = ann.post(url("contact", child), {**date_fields("contact_date", D(2026, 11, 20)),
                                                "contact_type": "midway_review"})  # fmt: skip
    assert response.status_code == 302
    contact = Contact.objects.get(child=child)
    assert (contact.iro, contact.contact_type) == (service["ann"], "midway_review")
    caseload = ann.get(reverse("reviews:caseload")).content.decode()
    tom = caseload[caseload.index("Tom Ontime") :]
    assert 'govuk-tag--green">Held' in tom[: tom.index("</tr>")]


def test_contact_errors(ann, signed_in_client, users, service):
    child = service["kids"]["on_time"]
    empty = ann.post(url("contact", child), {}).content.decode()
    assert "Enter date of the contact" in empty and "Select the kind of contact" in empty
    future = ann.post(url("contact", child), {**date_fields("contact_date", D(2026, 12, 1)),
                                              "contact_type": "visit"})  # fmt: skip
    assert "must be today or in the past" in future.content.decode()
    manager = signed_in_client(user=users["manager"])
    needs_iro = manager.post(url("contact", child), {**date_fields("contact_date", D(2026, 11, 2)),
                                                     "contact_type": "visit", "iro": ""})  # fmt: skip
    assert "Select the IRO" in needs_iro.content.decode()
    manager.post(url("contact", child), {**date_fields("contact_date", D(2026, 11, 2)),
                                         "contact_type": "visit", "iro": service["ann"].pk})  # fmt: skip
    again = manager.post(url("contact", child), {**date_fields("contact_date", D(2026, 11, 2)),
                                                 "contact_type": "visit", "iro": service["ann"].pk})  # fmt: skip
    assert "already recorded" in again.content.decode()
    assert Contact.objects.filter(child=child).count() == 1


def test_the_change_form_does_not_demand_an_old_gap(ann, service, today):
    from irohub.reviews.derive import recompute

    child = service["kids"]["soon"]
    old = Review.objects.get(child=child, review_date=D(2026, 4, 17))
    Review.objects.filter(pk=old.pk).update(review_date=D(2026, 4, 30))  # now 10 days late
    recompute([child.pk], as_at=today)
    old.refresh_from_db()
    assert old.in_time is False and old.late_reason == ""
    response = ann.post(url("change", child, old.pk), _change_form(
        old, **date_fields("record_date", D(2026, 5, 20))))  # fmt: skip
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.record_date == D(2026, 5, 20) and old.late_reason == ""
