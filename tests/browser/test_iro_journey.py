"""An IRO's day in a real browser: the caseload, a child's record, scheduling a review and
recording it with a PN code, then seeing it on the record; a manager's cover and audit pages.
axe-core on every page opened (zero violations) and a screenshot of each."""

from __future__ import annotations

import datetime as dt

import pytest

from irohub.children.models import Child, Episode
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review, ReviewBooking
from irohub.staff.models import IRO, Allocation

from .conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date
TODAY = D(2026, 11, 22)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr("irohub.children.selectors.today", lambda: TODAY)


def make_iro(user, name: str) -> IRO:
    return IRO.objects.create(iro_id=name.split()[0].upper(), name=name, user=user, fte=1,
                              employment_type="permanent", start_date=D(2020, 1, 1))  # fmt: skip


def make_child(number: int, given: str, family: str, iro: IRO) -> Child:
    """A made-up child in care since 6 January 2025, allocated to `iro`."""
    child = Child.objects.create(child_id=f"B{number:04d}", sex="F", dob=D(2014, 6, 15),
                                 ethnicity="WBRI", given_name=given, family_name=family)  # fmt: skip
    Episode.objects.create(child=child, decom=D(2025, 1, 6), rne="S", ls="C2", cin="N1",
                           place="U4")  # fmt: skip
    Allocation.objects.create(child=child, iro=iro, start_date=D(2025, 1, 8))
    return child


@pytest.fixture
def caseload(user_factory):
    """An IRO with three children in care; Sara's next review is due on 1 December 2026."""
    user = user_factory(role="iro", username="browser-iro", first_name="Ann", last_name="Example")
    iro = make_iro(user, "Ann Example")
    children = []
    for number, (given, family, last) in enumerate(
        (("Sara", "Soon", D(2026, 6, 1)), ("Olive", "Overdue", D(2026, 5, 1)),
         ("Tom", "Ontime", D(2026, 9, 1)))):  # fmt: skip
        child = make_child(number, given, family, iro)
        for held in (D(2025, 1, 27), D(2025, 4, 22), D(2025, 10, 20), D(2026, 4, 17), last):
            Review.objects.create(child=child, review_date=held, pn_code="PN1",
                                  record_date=held + dt.timedelta(days=7))  # fmt: skip
        children.append(child)
    recompute(None, as_at=TODAY)
    return user, iro, children


def fill_date(page, name: str, day: D) -> None:
    page.locator(f"#id_{name}_day").fill(str(day.day))
    page.locator(f"#id_{name}_month").fill(str(day.month))
    page.locator(f"#id_{name}_year").fill(str(day.year))


def test_an_iro_schedules_and_records_a_review(page, live_server, caseload, test_password):
    user, iro, (sara, *_) = caseload
    sign_in(page, live_server.url, user.username, test_password)
    assert page.url == f"{live_server.url}/reviews/caseload/"
    assert page.locator("h1").inner_text() == "My caseload"
    check_accessibility(page, "iro-caseload")

    page.get_by_role("link", name="Next review due").click()
    check_accessibility(page, "iro-caseload-sorted")
    page.get_by_role("link", name=sara.display_name).click()
    assert page.locator("h1").inner_text() == sara.display_name
    assert "Subsequent review due by 1 December 2026" in page.content()
    check_accessibility(page, "iro-child-record")

    page.get_by_role("link", name="Schedule a review").click()
    page.get_by_role("button", name="Book the review").click()
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page, "iro-schedule-errors")
    fill_date(page, "planned_date", D(2026, 11, 27))
    page.get_by_label("In person").check()
    page.get_by_label("Venue (optional)").fill("Foster home")
    page.get_by_role("button", name="Book the review").click()
    assert "Booked for 27 November 2026 (in person, Foster home)" in page.content()
    check_accessibility(page, "iro-child-record-booked")
    assert ReviewBooking.objects.get(child=sara).planned_date == D(2026, 11, 27)

    page.get_by_role("link", name="Record a held review").click()
    check_accessibility(page, "iro-record-review")
    assert page.locator("input[value=PN0]").count() == 0
    fill_date(page, "review_date", D(2026, 11, 20))
    page.locator("#id_format_0").check()
    page.get_by_label("PN2: Child attends and an advocate speaks for them").check()
    page.locator("#id_seen_before_0").check()
    page.locator("#id_advocacy_offered_0").check()
    page.get_by_role("button", name="Save the review").click()
    assert "The review was recorded" in page.content()
    assert "Subsequent review on 20 November 2026" in page.content()
    assert "PN2: Child attends and an advocate speaks for them" in page.content()
    check_accessibility(page, "iro-child-record-reviewed")
    saved = Review.objects.get(child=sara, review_date=D(2026, 11, 20))
    assert (saved.pn_code, saved.chair, saved.in_time) == ("PN2", iro, True)

    page.get_by_role("link", name="Change the review on 20 November 2026").click()
    check_accessibility(page, "iro-change-review")
    page.get_by_role("link", name="Back to the child's record").click()
    page.get_by_role("link", name="Record a contact or midway review").click()
    check_accessibility(page, "iro-record-contact")
    page.get_by_role("button", name="Save the contact").click()
    check_accessibility(page, "iro-record-contact-errors")


def test_a_manager_grants_cover_and_sees_who_viewed_a_record(
    page, live_server, caseload, user_factory, test_password
):
    _, iro, (sara, *_) = caseload
    other = make_iro(None, "Bob Example")
    manager = user_factory(role="manager", username="browser-manager")
    sign_in(page, live_server.url, manager.username, test_password)
    page.goto(f"{live_server.url}/reviews/caseload/?iro={iro.pk}")
    check_accessibility(page, "manager-caseload-of-an-iro")
    page.goto(f"{live_server.url}/staff/cover/")
    check_accessibility(page, "manager-cover")
    page.get_by_role("button", name="Grant cover").click()
    check_accessibility(page, "manager-cover-errors")
    page.get_by_label("Which IRO will cover?").select_option(label="Bob Example (BOB)")
    page.get_by_label("A colleague's whole caseload").check()
    page.get_by_label("Colleague whose caseload is covered").select_option(
        label="Ann Example (ANN)"
    )
    fill_date(page, "start", D(2026, 11, 23))
    page.get_by_label("Reason").fill("Annual leave")
    page.get_by_role("button", name="Grant cover").click()
    assert "Cover granted to Bob Example" in page.content()
    check_accessibility(page, "manager-cover-granted")
    assert other.covering.count() == 1
    page.goto(f"{live_server.url}/children/{sara.child_id}/")
    page.get_by_role("link", name="Who has viewed this record").click()
    assert "browser-manager" in page.content()
    check_accessibility(page, "manager-record-viewers")
