"""Service-wide journeys in a real browser: a manager allocates an IRO to a child new in care
(from the dashboard); business support books a review, marks the invitations sent and the
social worker's report received; an IRO writes the letter to the child and prints the My IRO
card. axe-core on every page opened (zero violations) and a screenshot of each."""

from __future__ import annotations

import datetime as dt

import pytest

from irohub.audit.models import AuditEvent
from irohub.children.models import Child, Episode
from irohub.council.models import Target
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review, ReviewBooking
from irohub.staff.models import IRO, Allocation

from .conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date
TODAY = D(2026, 11, 22)
IN_CARE_FROM, BORN = D(2025, 1, 6), D(2014, 6, 15)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr("irohub.children.selectors.today", lambda: TODAY)


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


def make_iro(name: str, *, user=None, provider="", fte=1) -> IRO:
    return IRO.objects.create(
        iro_id=name.split()[0].upper(), name=name, user=user, fte=fte, provider=provider,
        email=f"{name.split()[0].lower()}@example.org", start_date=D(2020, 1, 1),
        employment_type="commissioned" if provider else "permanent",
    )  # fmt: skip


def make_child(child_id: str, given: str, *, started=IN_CARE_FROM, dob=BORN) -> Child:
    child = Child.objects.create(child_id=child_id, sex="F", dob=dob, ethnicity="WBRI",
                                 given_name=given, family_name="Example")  # fmt: skip
    Episode.objects.create(child=child, decom=started, rne="S", ls="C2", cin="N1", place="U4")
    return child


def reviewed(child, iro, last: dt.date) -> None:
    """Allocated since 8 January 2025, reviewed on time, the last review on `last`."""
    Allocation.objects.create(child=child, iro=iro, start_date=D(2025, 1, 8),
                              change_reason="initial")  # fmt: skip
    for held in (D(2025, 1, 27), D(2025, 4, 22), D(2025, 10, 20), D(2026, 4, 17), last):
        Review.objects.create(child=child, review_date=held, pn_code="PN1", chair=iro,
                              record_date=held + dt.timedelta(days=7))  # fmt: skip


@pytest.fixture
def service():
    """Two in-house IROs and a commissioned one, their children, and Nia, new in care."""
    ada, ben = make_iro("Ada Example"), make_iro("Ben Example", fte="0.5")
    partner = make_iro("Pat Partner", provider="Review Partners Ltd")
    for number, iro in enumerate((ada, ada, ben, partner)):
        reviewed(make_child(f"J{number:04d}", f"Kid{number}"), iro, D(2026, 6, 1 + number))
    new = make_child("J0100", "Nia", started=D(2026, 11, 16))
    Target.objects.create(year="2026-27", metric_id="reviews.timeliness.all_pct", target=90)
    recompute(None, as_at=TODAY)
    return {"ada": ada, "ben": ben, "new": new}


def test_a_manager_allocates_an_iro_to_a_child_new_in_care(
    page, live_server, user_factory, test_password, service
):
    manager = user_factory(role="manager", username="browser-manager")
    sign_in(page, live_server.url, manager.username, test_password)
    assert page.url == f"{live_server.url}/dashboard/"
    assert page.get_by_role("heading", name="Dashboard").is_visible()
    check_accessibility(page, "service-manager-dashboard")

    page.get_by_role("link", name="Allocate IROs").first.click()
    assert page.get_by_role("cell", name="Nia Example (J0100)", exact=True).is_visible()
    check_accessibility(page, "service-manager-allocation")

    page.get_by_role("link", name="Choose an IRO for Nia Example (J0100)").click()
    check_accessibility(page, "service-manager-choose-iro")
    page.get_by_role("button", name="Allocate IRO").click()  # nothing chosen: the error summary
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page, "service-manager-choose-iro-errors")

    page.get_by_label("Ben Example").check()
    page.get_by_role("button", name="Allocate IRO").click()
    banner = page.locator(".govuk-notification-banner--success")
    assert "Ben Example is now the IRO of Nia Example (J0100) from 22 November 2026" in (
        banner.inner_text()
    )
    check_accessibility(page, "service-manager-allocated")
    assert Child.objects.get(child_id="J0100").current_iro == service["ben"]
    assert AuditEvent.objects.filter(action="allocated").count() == 1


def test_business_support_books_a_review_and_chases_the_papers(
    page, live_server, user_factory, test_password, service
):
    support = user_factory(role="business_support", username="browser-support")
    sign_in(page, live_server.url, support.username, test_password)
    assert page.url == f"{live_server.url}/support/"
    check_accessibility(page, "service-support-to-book")

    page.get_by_role("link", name="Book the review of Kid0 Example (J0000)").click()
    check_accessibility(page, "service-support-book")
    page.get_by_label("Day").fill("30")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("In person").check()
    page.get_by_label("Venue (optional)").fill("The foster home")
    page.get_by_role("button", name="Book the review").click()
    assert "booked for 30 November 2026" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page, "service-support-booked-banner")

    page.get_by_role("link", name="Booked reviews").click()
    check_accessibility(page, "service-support-booked")
    page.get_by_role("link", name="Mark as sent for Kid0 Example (J0000)").click()
    check_accessibility(page, "service-support-invitations")
    page.get_by_role("button", name="Save").click()
    assert "Invitations marked as sent" in page.content()

    page.get_by_role("link", name="Papers not received").click()
    check_accessibility(page, "service-support-papers")
    page.get_by_role("link", name="Mark as received for Kid0 Example (J0000)").click()
    page.get_by_role("button", name="Save").click()
    assert "No reports are due" in page.content()
    check_accessibility(page, "service-support-papers-received")

    page.get_by_role("link", name="Records", exact=True).click()
    check_accessibility(page, "service-support-records")
    booked = ReviewBooking.objects.get(child__child_id="J0000")
    assert booked.invitations_sent_date == TODAY and booked.papers_received_date == TODAY
    assert booked.venue == "The foster home" and booked.iro == service["ada"]


def test_an_iro_writes_the_letter_to_the_child_and_prints_the_card(
    page, live_server, user_factory, test_password, service
):
    user = user_factory(role="iro", username="browser-ada")
    IRO.objects.filter(pk=service["ada"].pk).update(user=user)
    kid = Child.objects.get(child_id="J0000")
    Review.objects.create(child=kid, review_date=D(2026, 11, 10), pn_code="PN1", chair=service["ada"],
                          format="in_person")  # fmt: skip
    recompute([kid.pk], as_at=TODAY)
    sign_in(page, live_server.url, user.username, test_password)
    page.get_by_role("link", name="Letters to children").first.click()
    check_accessibility(page, "service-iro-letters")

    page.get_by_role("link", name="Write the letter to Kid0 Example (J0000)").first.click()
    letter = page.get_by_label("Letter to the child")
    assert letter.input_value().startswith("Dear Kid0,")
    check_accessibility(page, "service-iro-letter-draft")

    letter.fill("Dear Kid0,\n\nWe met and talked about your placement and contact. Bye.")
    page.get_by_role("button", name="Check how easy it is to read").click()
    assert "try “home, or where you live”" in page.content()
    check_accessibility(page, "service-iro-letter-checked")
    page.get_by_role("button", name="Save the letter").click()
    assert "The letter was saved" in page.content()
    check_accessibility(page, "service-iro-letter-saved")

    page.get_by_role("link", name="Print the child's My IRO card").click()
    assert "My name is Ada Example and I am your IRO" in page.locator(".irohub-card").inner_text()
    check_accessibility(page, "service-iro-my-iro-card")
    page.emulate_media(media="print")
    assert not page.locator(".govuk-header").is_visible()
    assert page.locator(".irohub-card").is_visible()
