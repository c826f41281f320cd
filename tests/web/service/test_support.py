"""Business support's worklists and pages: reviews to book in the next 30 working days with the
rules engine's reason, booked reviews, papers not received, records overdue or not sent; and
the actions (book, invitations sent, papers received, record sent), each audited."""

from __future__ import annotations

import pytest

from irohub.audit.models import AuditEvent
from irohub.children.models import Child
from irohub.council.selectors import current_rules
from irohub.reviews import worklists
from irohub.reviews.models import Review, ReviewBooking

from .builders import D, book, caseload, derive, make_iro, review

pytestmark = pytest.mark.django_db

# The rules engine's words (irohub.statutory.review_reasons): the page shows them as they are.
DEC_4_REASON = "Subsequent review due by 04/12/2026"

PAGES = ["/support/", "/support/booked/", "/support/papers/", "/support/records/"]
FORBIDDEN = ["iro", "commissioned_iro", "senior_leader", "administrator"]


@pytest.fixture
def iro_a():
    return make_iro(name="Ada Iro")


def _due_on(child, due, today):
    """Give the child reviews so the next one falls due on `due` (6 months after the last)."""
    review(child, D(2025, 1, 27))  # first, then second: the next are 6-monthly
    review(child, D(2025, 4, 20))
    review(child, D(due.year if due.month > 6 else due.year - 1, (due.month - 7) % 12 + 1, due.day))
    derive([child], today)
    child.refresh_from_db()
    return child


@pytest.fixture
def due_children(iro_a, today):
    """Four children of Ada Iro: due in 2 weeks, overdue, due in 3 months, and booked."""
    soon, late, later, booked = caseload(iro_a, 4, today=today)
    _due_on(soon, D(2026, 12, 4), today)
    _due_on(late, D(2026, 11, 10), today)
    _due_on(later, D(2027, 2, 26), today)
    _due_on(booked, D(2026, 12, 10), today)
    book(booked, D(2026, 12, 8))
    return soon, late, later, booked


# --- worklists -----------------------------------------------------------------------------


def test_to_book_lists_due_within_30_working_days_and_unbooked(due_children, today):
    soon, late, _later, _booked = due_children
    rows = worklists.to_book(Child.objects.all(), today=today, rules=current_rules())
    assert [(r.child, r.overdue) for r in rows] == [(late, True), (soon, False)]
    worklists.explain(rows, today=today, rules=current_rules())
    assert rows[1].reason.startswith(DEC_4_REASON) and "04/06/2026" in rows[1].reason


def test_the_30_working_day_horizon_skips_christmas(today):
    # 30 working days from 22 November 2026 skips 25, 28 December and 1 January: 6 January 2027.
    assert current_rules().calendar().add_working_days(today, 30) == D(2027, 1, 6)


def test_booked_reviews_know_when_the_report_is_due(iro_a, today):
    soon, later, received, gone = caseload(iro_a, 4, today=today)
    book(soon, D(2026, 11, 30))  # report due 23 November: due soon
    book(later, D(2027, 1, 20))  # report due 13 January: awaited
    book(received, D(2026, 11, 25), papers_received_date=D(2026, 11, 16))
    book(gone, D(2026, 11, 20))  # the review date passed without a record
    rows = worklists.booked(Child.objects.all(), today=today, rules=current_rules())
    status = {row.booking.child: row.papers_status for row in rows}
    assert status == {soon: "due_soon", later: "awaited", received: "received", gone: "passed"}
    assert [row.booking.child for row in rows] == [gone, received, soon, later]
    due = next(row.papers_due for row in rows if row.booking.child == soon)
    assert due.date == D(2026, 11, 23) and "5 working days before the review" in due.reason
    awaited = worklists.papers_awaited(Child.objects.all(), today=today, rules=current_rules())
    assert [row.booking.child for row in awaited] == [soon]


def test_records_overdue_and_not_sent(iro_a, today):
    overdue, pending, written, sent, old = caseload(iro_a, 5, today=today)
    review(overdue, D(2026, 10, 1))
    review(pending, D(2026, 11, 16))
    review(written, D(2026, 10, 5), record_date=D(2026, 10, 20))
    review(sent, D(2026, 10, 6), record_date=D(2026, 10, 20), record_shared_date=D(2026, 10, 21))
    review(old, D(2025, 6, 2))  # more than 12 months ago: history, not work
    rows = worklists.records(Child.objects.all(), today=today, rules=current_rules())
    assert [(r.review.child, r.status) for r in rows] == [
        (overdue, "overdue"),
        (written, "to_send"),
    ]
    assert rows[0].due.date == D(2026, 10, 22)


# --- pages by role -------------------------------------------------------------------------


@pytest.mark.parametrize("role", FORBIDDEN)
@pytest.mark.parametrize(
    "url", [*PAGES, "/support/book/S1/", "/support/bookings/1/invitations/",
            "/support/bookings/1/papers/", "/support/records/1/sent/"],
)  # fmt: skip
def test_only_people_who_book_reviews_may_open_the_pages(role, url, client_for):
    assert client_for(role).get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_signed_out_people_are_sent_to_sign_in(url, client):
    assert client.get(url)["Location"].startswith("/accounts/sign-in/")


@pytest.mark.parametrize("role", ["business_support", "manager"])
@pytest.mark.parametrize("url", PAGES)
def test_the_lists_open_for_business_support_and_managers(role, url, client_for, due_children):
    response = client_for(role).get(url)
    assert response.status_code == 200 and "Business support" in response.content.decode()


def test_the_to_book_page_shows_the_reason_and_tags(client_for, due_children):
    soon, late, later, booked = due_children
    page = client_for("business_support").get("/support/").content.decode()
    assert soon.display_name in page and late.display_name in page
    assert later.display_name not in page and booked.display_name not in page
    assert "2 reviews to book" in page and "4 December 2026" in page
    assert DEC_4_REASON in page
    assert "govuk-tag--red" in page and "govuk-tag--yellow" in page
    assert f"/support/book/{soon.child_id}/" in page


def test_the_to_book_page_pages_through_long_lists(client_for, iro_a, today):
    children = caseload(iro_a, 55, today=today, reviewed=D(2026, 6, 1))
    assert all(c.next_review_due for c in Child.objects.filter(pk__in=[c.pk for c in children]))
    client = client_for("business_support")
    first = client.get("/support/").content.decode()
    assert "55 reviews to book" in first and "Page 1 of 2" in first
    assert client.get("/support/?page=2").content.decode().count("/support/book/") == 5


def test_booking_from_the_list(client_for, due_children):
    soon = due_children[0]
    client = client_for("business_support")
    form = client.get(f"/support/book/{soon.child_id}/").content.decode()
    assert "Book a review" in form and "Ada Iro" in form
    response = client.post(
        f"/support/book/{soon.child_id}/",
        {"planned_date_day": "1", "planned_date_month": "12", "planned_date_year": "2026",
         "format": "in_person", "venue": "Foster home"},
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert f"Review for {soon.display_name} booked for 1 December 2026" in text
    made = ReviewBooking.objects.get(child=soon)
    assert made.iro.name == "Ada Iro" and made.venue == "Foster home"
    assert AuditEvent.objects.filter(action="booked", target_id=str(made.pk)).exists()
    assert AuditEvent.objects.filter(action="viewed", target_id=soon.child_id).exists()


def test_booking_errors_are_summarised_and_values_kept(client_for, due_children):
    soon = due_children[0]
    response = client_for("business_support").post(
        f"/support/book/{soon.child_id}/",
        {"planned_date_day": "1", "planned_date_month": "11", "planned_date_year": "2026",
         "venue": "Town hall"},
    )  # fmt: skip
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "The date of the review must be today or in the future" in text
    assert "Select how the review will be held" in text and 'value="Town hall"' in text
    assert not ReviewBooking.objects.filter(child=soon).exists()


def test_a_child_already_booked_is_not_booked_twice(client_for, due_children):
    booked = due_children[3]
    client = client_for("business_support")
    assert (
        "A review is already booked for 8 December 2026"
        in client.get(f"/support/book/{booked.child_id}/").content.decode()
    )
    client.post(
        f"/support/book/{booked.child_id}/",
        {"planned_date_day": "1", "planned_date_month": "12", "planned_date_year": "2026",
         "format": "virtual"},
    )  # fmt: skip
    assert ReviewBooking.objects.filter(child=booked).count() == 1


def test_marking_invitations_sent(client_for, due_children, today):
    made = ReviewBooking.objects.get(child=due_children[3])
    client = client_for("business_support")
    url = f"/support/bookings/{made.pk}/invitations/"
    form = client.get(url).content.decode()
    assert "When were the invitations sent?" in form and 'value="22"' in form
    response = client.post(url, {"on_day": "20", "on_month": "11", "on_year": "2026"}, follow=True)
    assert "Invitations marked as sent" in response.content.decode()
    made.refresh_from_db()
    assert made.invitations_sent_date == D(2026, 11, 20)
    assert AuditEvent.objects.filter(action="invitations_sent").count() == 1


def test_a_future_date_is_refused(client_for, due_children):
    made = ReviewBooking.objects.get(child=due_children[3])
    response = client_for("business_support").post(
        f"/support/bookings/{made.pk}/papers/", {"on_day": "1", "on_month": "1", "on_year": "2027"}
    )
    assert "The date must be today or in the past" in response.content.decode()
    made.refresh_from_db()
    assert made.papers_received_date is None


def test_marking_papers_received_takes_the_booking_off_the_list(client_for, iro_a, today):
    child = caseload(iro_a, 1, today=today)[0]
    made = book(child, D(2026, 11, 30))
    client = client_for("business_support")
    assert child.display_name in client.get("/support/papers/").content.decode()
    after = client.post(f"/support/bookings/{made.pk}/papers/",
                        {"on_day": "22", "on_month": "11", "on_year": "2026"}, follow=True)  # fmt: skip
    assert "No reports are due" in after.content.decode()
    made.refresh_from_db()
    assert made.papers_received_date == D(2026, 11, 22)
    assert AuditEvent.objects.filter(action="papers_received").count() == 1


def test_a_closed_booking_cannot_be_marked(client_for, due_children, today):
    made = ReviewBooking.objects.get(child=due_children[3])
    made.cancelled_date = today
    made.save()
    assert client_for("manager").get(f"/support/bookings/{made.pk}/invitations/").status_code == 404


def test_marking_a_record_sent_to_the_child(client_for, iro_a, today):
    child = caseload(iro_a, 1, today=today, started=D(2026, 9, 14))[0]  # first review in time
    held = review(child, D(2026, 10, 5), record_date=D(2026, 10, 20))
    derive([child], today)
    client = client_for("business_support")
    page = client.get("/support/records/").content.decode()
    assert f"/support/records/{held.pk}/sent/" in page
    response = client.post(f"/support/records/{held.pk}/sent/",
                           {"on_day": "21", "on_month": "11", "on_year": "2026"}, follow=True)  # fmt: skip
    assert "Record marked as sent to the child" in response.content.decode()
    held.refresh_from_db()
    assert held.record_shared_date == D(2026, 11, 21) and held.version == 2
    assert AuditEvent.objects.filter(action="changed", target_id=str(held.pk)).exists()


def test_a_record_the_rules_refuse_shows_why(client_for, iro_a, today):
    child = caseload(iro_a, 1, today=today)[0]
    held = review(child, D(2026, 10, 5), record_date=D(2026, 10, 20))  # a late first review
    derive([child], today)
    response = client_for("business_support").post(
        f"/support/records/{held.pk}/sent/", {"on_day": "1", "on_month": "10", "on_year": "2026"}
    )
    text = response.content.decode()
    assert "The date must be on or after the review" in text
    # the review's missing late reason is the IRO's to give: it does not block issuing the record
    assert "select why it was late" not in text
    assert Review.objects.get(pk=held.pk).record_shared_date is None


def test_the_lists_cost_a_fixed_number_of_queries(client_for, iro_a, today,
                                                   django_assert_max_num_queries):  # fmt: skip
    children = caseload(iro_a, 64, today=today, reviewed=D(2026, 6, 1))
    for child in children[:30]:
        book(child, D(2026, 12, 1))
        review(child, D(2026, 6, 2), record_date=D(2026, 6, 20))
    client = client_for("business_support")
    for url in PAGES:
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
