"""The IRO's caseload page: statuses, midway, records, escalations, sorting, filtering, who
may see whose caseload, and a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from irohub.escalations.models import Escalation, EscalationStage
from irohub.reviews.models import Contact, ReviewBooking

from .factories import caseload, make_iro

D = dt.date
pytestmark = pytest.mark.django_db
URL = reverse("reviews:caseload")


def names_in_order(page: str) -> list[str]:
    return re.findall(r'href="/children/[^/]+/">([^<(]+?) \(', page)


def test_an_iro_lands_on_their_caseload(signed_in_client, users, service):
    client = signed_in_client(user=users["iro"])
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == URL
    page = client.get(URL).content.decode()
    assert '<h1 class="govuk-heading-l">My caseload</h1>' in page
    assert set(names_in_order(page)) == {"Olive Overdue", "Sara Soon", "Ben Booked", "Tom Ontime"}


def test_statuses_midways_records_and_escalations(signed_in_client, users, service):
    page = signed_in_client(user=users["iro"]).get(URL + "?sort=name").content.decode()
    rows = page.split('<tr class="govuk-table__row">')[2:]
    by_name = {names_in_order(row)[0]: row for row in rows}
    assert 'govuk-tag--red">Overdue' in by_name["Olive Overdue"]
    assert "1 November 2026" in by_name["Olive Overdue"]
    assert 'govuk-tag--yellow">Due soon' in by_name["Sara Soon"]
    assert 'govuk-tag--blue">Booked' in by_name["Ben Booked"]
    assert "Booked for 3 December 2026" in by_name["Ben Booked"]
    assert 'govuk-tag--green">On time' in by_name["Tom Ontime"]
    # midway: held for Ben (a midway on 1 September 2026 after his review on 5 June)
    assert 'govuk-tag--green">Held' in by_name["Ben Booked"]
    assert "Due now" in by_name["Tom Ontime"] and "19 December 2026" in by_name["Tom Ontime"]
    assert "Missed" in by_name["Olive Overdue"]
    # Sara's record of 1 June 2026 is past its 15 working days
    assert "Record of 1 June 2026 review overdue" in by_name["Sara Soon"]
    # the informal stage began 14 working days ago: beyond its 5 working days, so red
    assert 'govuk-tag--red">Red' in by_name["Olive Overdue"] and "ESC1" in by_name["Olive Overdue"]


def test_summary_counts(signed_in_client, users, service):
    page = signed_in_client(user=users["iro"]).get(URL).content.decode()
    counts = dict(re.findall(
        r'<dt class="govuk-summary-list__key">([^<]+)</dt><dd class="govuk-summary-list__value">([^<]+)</dd>',
        page))  # fmt: skip
    assert counts["Children"] == "4"
    assert counts["Reviews overdue"] == "1"
    assert counts["Reviews due within 20 working days, not booked"] == "1"
    assert counts["Reviews booked"] == "1"
    assert counts["Records not written by their deadline"] == "1"
    assert counts["Open escalations"].startswith("1 (1 red)")


def test_sorting_and_filtering_by_query_string(signed_in_client, users, service):
    client = signed_in_client(user=users["iro"])
    by_name = names_in_order(client.get(URL + "?sort=name").content.decode())
    assert by_name == ["Ben Booked", "Tom Ontime", "Olive Overdue", "Sara Soon"]
    by_due = names_in_order(client.get(URL + "?sort=due").content.decode())
    assert by_due == ["Olive Overdue", "Sara Soon", "Ben Booked", "Tom Ontime"]
    by_status = names_in_order(client.get(URL + "?sort=status").content.decode())
    assert by_status == ["Olive Overdue", "Sara Soon", "Ben Booked", "Tom Ontime"]
    only = names_in_order(client.get(URL + "?status=booked").content.decode())
    assert only == ["Ben Booked"]
    # unknown values fall back to the defaults instead of failing
    assert client.get(URL + "?sort=evil&status=nonsense").status_code == 200


def test_a_manager_may_open_any_iros_caseload(signed_in_client, users, service):
    client = signed_in_client(user=users["manager"])
    chooser = client.get(URL).content.decode()
    assert "Choose an IRO to see their caseload" in chooser and "Bob Example" in chooser
    page = client.get(URL + f"?iro={service['bob'].pk}").content.decode()
    assert "Caseload of Bob Example" in page and names_in_order(page) == ["Bea Bobs"]
    assert client.get(URL + "?iro=999999").status_code == 404
    assert client.get(URL + "?iro=abc").status_code == 404


def test_an_iro_cannot_open_a_colleagues_caseload(signed_in_client, users, service):
    client = signed_in_client(user=users["iro"])
    assert client.get(URL + f"?iro={service['bob'].pk}").status_code == 404


def test_a_commissioned_iro_may_open_their_providers_caseloads(signed_in_client, service):
    client = signed_in_client(user=service["cat_user"])
    assert names_in_order(client.get(URL).content.decode()) == ["Cal Cats"]
    dan = client.get(URL + f"?iro={service['dan'].pk}").content.decode()
    assert names_in_order(dan) == ["Dee Dans"]
    assert client.get(URL + f"?iro={service['ann'].pk}").status_code == 404


@pytest.mark.parametrize("role", ["senior_leader", "administrator"])
def test_roles_without_caseloads_are_refused(signed_in_client, role):
    assert signed_in_client(role).get(URL).status_code == 403


def test_an_iro_without_an_iro_record_is_told_why(signed_in_client):
    page = signed_in_client("iro").get(URL).content.decode()
    assert "not linked to an IRO record" in page


def test_the_caseload_page_is_a_fixed_number_of_queries(
    signed_in_client, users, today, django_assert_max_num_queries
):
    """65 children, some with escalations, bookings and midways: still a dozen queries."""
    iro = make_iro(users["iro"])
    children = caseload(iro, 65, today=today)
    for index, child in enumerate(children[:10]):
        escalation = Escalation.objects.create(escalation_id=f"E{index}", child=child, iro=iro,
                                               opened_date=today)  # fmt: skip
        EscalationStage.objects.create(escalation=escalation, stage="informal", started_date=today)
        ReviewBooking.objects.create(child=child, planned_date=today, format="virtual")
        Contact.objects.create(
            child=child, iro=iro, contact_date=today, contact_type="midway_review"
        )
    client = signed_in_client(user=users["iro"])
    with django_assert_max_num_queries(12):
        page = client.get(URL).content.decode()
    assert len(names_in_order(page)) == 65


def test_children_covered_for_a_colleague_are_listed_and_marked(signed_in_client, users, service):
    from irohub.staff import cover

    cover.grant(covering_iro=service["ann"], covered_iro=service["bob"], start=D(2026, 11, 20),
                reason="Leave", by=users["manager"])  # fmt: skip
    page = signed_in_client(user=users["iro"]).get(URL + "?sort=name").content.decode()
    assert names_in_order(page) == [
        "Bea Bobs",
        "Ben Booked",
        "Tom Ontime",
        "Olive Overdue",
        "Sara Soon",
    ]  # fmt: skip
    bea = page[page.index("Bea Bobs") :]
    assert "Covering for Bob Example" in bea[: bea.index("</td>")]
    # a manager looking at Ann's caseload sees her own children only
    manager = signed_in_client(user=users["manager"]).get(URL + f"?iro={service['ann'].pk}")
    assert "Bea Bobs" not in manager.content.decode()
