"""The allocation pages for every role: children without an IRO, finding a child, choosing an
IRO (GOV.UK error summary, values kept), and the audited change."""

from __future__ import annotations

import pytest

from irohub.audit.models import AuditEvent
from irohub.staff.models import Allocation

from .builders import D, allocate, caseload, derive, make_child, make_iro

pytestmark = pytest.mark.django_db

FORBIDDEN = ["iro", "commissioned_iro", "business_support", "senior_leader", "administrator"]


@pytest.fixture
def waiting_child(today):
    child = make_child(given="Nia", started=D(2026, 11, 16))
    derive([child], today)
    return child


@pytest.mark.parametrize("role", FORBIDDEN)
@pytest.mark.parametrize("url", ["/allocation/", "/allocation/child/S00001/"])
def test_only_people_who_allocate_may_open_the_pages(role, url, client_for):
    assert client_for(role).get(url).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get("/allocation/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_the_waiting_list_shows_children_without_an_iro(client_for, waiting_child, today):
    other = make_iro()
    caseload(other, 2, today=today)
    page = client_for("manager").get("/allocation/").content.decode()
    assert waiting_child.display_name in page
    assert "23 November 2026" in page  # 5 working days after 16 November 2026
    assert f"/allocation/child/{waiting_child.child_id}/" in page
    assert page.count("Choose an IRO<span") == 1


def test_the_waiting_list_shows_an_overdue_allocation(client_for, today):
    late = make_child(started=D(2026, 11, 2))
    derive([late], today)
    page = client_for("manager").get("/allocation/").content.decode()
    assert "govuk-tag--red" in page and "Overdue" in page


def test_finding_a_child_goes_to_their_page(client_for, today):
    child = make_child()
    allocate(child, make_iro())
    derive([child], today)
    response = client_for("manager").get("/allocation/", {"child_id": child.child_id})
    assert response.status_code == 302
    assert response["Location"] == f"/allocation/child/{child.child_id}/"


def test_finding_an_unknown_child_shows_the_error_summary(client_for):
    page = client_for("manager").get("/allocation/", {"child_id": "NOPE1"}).content.decode()
    assert "govuk-error-summary" in page and "Enter the ID of a child known to irohub" in page
    assert 'value="NOPE1"' in page


def test_the_choice_page_lists_suggestions_and_audits_the_view(client_for, waiting_child):
    roomy, busy = make_iro(name="Roomy Iro"), make_iro(name="Busy Iro")
    caseload(busy, 3, today=D(2026, 11, 22))
    page = client_for("manager").get(f"/allocation/child/{waiting_child.child_id}/")
    text = page.content.decode()
    assert text.index("Roomy Iro") < text.index("Busy Iro")
    assert "Suggested" in text and "Has room for 70 more" in text
    assert 'value="initial" checked' in text  # a child coming into care: the first allocation
    assert AuditEvent.objects.filter(action="viewed", target_id=waiting_child.child_id).exists()
    assert roomy.pk


def test_an_unknown_child_is_404_and_audited(client_for):
    assert client_for("manager").get("/allocation/child/NOPE1/").status_code == 404
    assert AuditEvent.objects.filter(action="refused", target_id="NOPE1").exists()


def test_allocating_records_the_change_and_says_so(client_for, waiting_child, today):
    iro = make_iro(name="Chosen Iro")
    client = client_for("manager")
    response = client.post(
        f"/allocation/child/{waiting_child.child_id}/",
        {"iro": iro.pk, "start_day": "22", "start_month": "11", "start_year": "2026",
         "reason": "initial", "note": ""},
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert "Chosen Iro is now the IRO of Nia" in text and "22 November 2026" in text
    waiting_child.refresh_from_db()
    assert waiting_child.current_iro == iro
    assert AuditEvent.objects.filter(action="allocated").count() == 1
    assert "Every child in care has an IRO." in text


def test_an_invalid_choice_shows_every_error_and_keeps_values(client_for, waiting_child):
    make_iro(name="Chosen Iro")
    response = client_for("manager").post(
        f"/allocation/child/{waiting_child.child_id}/",
        {"start_day": "31", "start_month": "2", "start_year": "2026", "reason": "other",
         "note": ""},
    )  # fmt: skip
    text = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in text
    assert "Select the IRO" in text
    assert "Start date must be a real date" in text
    assert "Enter the reason in the note when you select Other" in text
    assert 'value="31"' in text and 'value="other" checked' in text
    assert not Allocation.objects.exists()


def test_a_service_refusal_is_shown_on_the_field(client_for, today):
    mine = make_iro(name="Mine")
    child = make_child()
    allocate(child, mine)
    allocate(child, make_iro(), start=D(2026, 12, 1))
    derive([child], today)
    other = make_iro(name="Other Iro")
    response = client_for("manager").post(
        f"/allocation/child/{child.child_id}/",
        {"iro": other.pk, "start_day": "22", "start_month": "11", "start_year": "2026",
         "reason": "reallocation"},
    )  # fmt: skip
    assert "The child already has an IRO from 1 December 2026" in response.content.decode()
    assert child.allocations.count() == 2


def test_the_pages_cost_a_fixed_number_of_queries(client_for, today, django_assert_max_num_queries):
    for number in range(6):
        caseload(make_iro(name=f"Iro {number}", fte="0.8"), 11, today=today)
    waiting = [make_child(started=D(2026, 11, 2)) for _ in range(62)]
    derive(waiting, today)
    client = client_for("manager")
    with django_assert_max_num_queries(10):
        page = client.get("/allocation/").content.decode()
    assert page.count("Choose an IRO<span") == 62
    with django_assert_max_num_queries(16):
        page = client.get(f"/allocation/child/{waiting[0].child_id}/").content.decode()
    assert page.count('name="iro"') == 6
