"""The managers' cover page: grant cover of a caseload or one child, end it, and who may."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from irohub.staff.models import CoverGrant

D = dt.date
pytestmark = pytest.mark.django_db
URL = reverse("staff:cover")


def grant_form(covering, **extra) -> dict:
    data = {"covering_iro": covering.pk, "start_day": 23, "start_month": 11, "start_year": 2026,
            "end_day": 27, "end_month": 11, "end_year": 2026, "reason": "Annual leave"}  # fmt: skip
    data.update(extra)
    return data


@pytest.fixture
def manager(signed_in_client, users):
    return signed_in_client(user=users["manager"])


def test_a_manager_grants_cover_of_a_caseload(manager, service):
    response = manager.post(URL, grant_form(service["ann"], scope="caseload",
                                            covered_iro=service["bob"].pk))  # fmt: skip
    assert response.status_code == 302
    grant = CoverGrant.objects.get()
    assert (grant.covering_iro, grant.covered_iro, grant.child) == (
        service["ann"],
        service["bob"],
        None,
    )
    assert (grant.start_date, grant.end_date) == (D(2026, 11, 23), D(2026, 11, 27))
    page = manager.get(URL).content.decode()
    assert "Cover granted to Ann Example" in page
    assert "The caseload of Bob Example" in page and "Starts later" in page


def test_a_manager_grants_cover_of_one_child_and_ends_it(manager, service):
    child = service["kids"]["dan"]
    manager.post(URL, grant_form(service["ann"], scope="child", child_id=child.child_id,
                                 start_day=20))  # fmt: skip
    grant = CoverGrant.objects.get()
    assert grant.child == child and grant.covered_iro is None
    assert "In force" in manager.get(URL).content.decode()
    response = manager.post(reverse("staff:cover-end", args=[grant.pk]))
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.ended_on == D(2026, 11, 22)
    page = manager.get(URL).content.decode()
    assert "Cover by Ann Example ended" in page and "No cover is in force or planned" in page


def test_errors_are_summarised(manager, service):
    page = manager.post(URL, {}).content.decode()
    assert "govuk-error-summary" in page
    for message in ("Select the IRO who will cover", "Select a colleague's caseload or one child",
                    "Enter first day of cover", "Enter the reason for the cover"):  # fmt: skip
        assert escape(message) in page
    assert 'href="#id_scope_0"' in page  # the summary links a radio error to the first radio
    unknown = manager.post(URL, grant_form(service["ann"], scope="child", child_id="NOPE"))
    assert "Enter the ID of a child known to irohub" in unknown.content.decode()
    no_colleague = manager.post(URL, grant_form(service["ann"], scope="caseload"))
    assert "Select the colleague whose caseload is covered" in no_colleague.content.decode()
    own = manager.post(URL, grant_form(service["ann"], scope="caseload",
                                       covered_iro=service["ann"].pk))  # fmt: skip
    assert "An IRO cannot cover their own caseload" in own.content.decode()
    backwards = manager.post(URL, grant_form(service["ann"], scope="caseload",
                                             covered_iro=service["bob"].pk, end_day=1))  # fmt: skip
    page = backwards.content.decode()
    assert "The end date must be the same as or after the start date" in page
    assert 'value="Annual leave"' in page
    assert not CoverGrant.objects.exists()


@pytest.mark.parametrize(
    "role", ["iro", "commissioned_iro", "business_support", "senior_leader", "administrator"]
)
def test_only_managers_may_grant_cover(signed_in_client, service, role):
    client = signed_in_client(role)
    assert client.get(URL).status_code == 403
    assert client.post(URL, grant_form(service["ann"], scope="caseload",
                                       covered_iro=service["bob"].pk)).status_code == 403  # fmt: skip
    assert not CoverGrant.objects.exists()


def test_ending_needs_a_post(manager, service):
    assert manager.get(reverse("staff:cover-end", args=[1])).status_code == 405
    assert manager.post(reverse("staff:cover-end", args=[999])).status_code == 404
