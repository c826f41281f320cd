"""Advocacy and independent-visitor referrals through the pages, for every role; and the
service facts they are measured against."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from irohub.audit.models import AuditEvent
from irohub.council.models import ServiceFact
from irohub.reporting.metrics import ReportingPeriod, compute
from irohub.statutory.settings import RuleSettings
from irohub.voice import services
from irohub.voice.models import AdvocacyReferral

from .builders import caseload, make_iro

D = dt.date


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, status",
    [
        ("iro", 200),
        ("commissioned_iro", 200),
        ("manager", 200),
        ("business_support", 403),
        ("senior_leader", 403),
        ("administrator", 403),
    ],  # fmt: skip
)
def test_who_may_open_the_advocacy_list(signed_in_client, role, status):
    assert signed_in_client(role).get(reverse("voice:advocacy")).status_code == status


@pytest.mark.django_db
def test_iro_records_a_referral_with_issues(iro_client, children, today):
    child = children[0]
    url = reverse("voice:advocacy_record", args=[child.child_id])
    response = iro_client.post(url, {
        "kind": "issue_based", "provider": "Voices Together", "issues": ["housing", "education"],
        "other_issues": "Money, identity", "hours": "6.5", **_date("referral_date", D(2026, 10, 1)),
    })  # fmt: skip
    assert response.status_code == 302
    referral = AdvocacyReferral.objects.get()
    assert (referral.kind, referral.provider, referral.hours) == (
        "issue_based",
        "Voices Together",
        Decimal("6.5"),
    )
    assert sorted(referral.issues.values_list("theme", flat=True)) == [
        "education",
        "housing",
        "identity",
        "money",
    ]
    page = iro_client.get(reverse("voice:advocacy")).text
    assert child.display_name in page and "Voices Together" in page and "Open" in page
    assert AuditEvent.objects.filter(action="recorded", target_type=services.REFERRAL).exists()


@pytest.mark.django_db
def test_referral_form_errors(iro_client, children, today):
    url = reverse("voice:advocacy_record", args=[children[0].child_id])
    page = iro_client.post(url, {"hours": "lots", "other_issues": "??", **_date("referral_date", D(2026, 10, 1)),
                                 **_date("closed_date", D(2026, 9, 1))})  # fmt: skip
    text = page.text
    assert "There is a problem" in text and "Choose the kind of referral" in text
    assert "Hours must be a number" in text and "Write other issues as words" in text
    assert "The date closed must be on or after the date referred" in text
    future = iro_client.post(
        url, {"kind": "independent_visitor", **_date("referral_date", today + dt.timedelta(days=3))}
    )
    assert "The date referred must be today or in the past" in future.text
    assert not AdvocacyReferral.objects.exists()


@pytest.mark.django_db
def test_a_second_referral_of_the_same_kind_on_the_same_day_is_refused(iro_client, children):
    url = reverse("voice:advocacy_record", args=[children[0].child_id])
    data = {"kind": "child_protection", **_date("referral_date", D(2026, 10, 1))}
    assert iro_client.post(url, data).status_code == 302
    again = iro_client.post(url, data)
    assert "already has a referral of this kind on that date" in again.text
    assert AdvocacyReferral.objects.count() == 1


@pytest.mark.django_db
def test_updating_hours_issues_and_closing(iro_client, children, today):
    referral = services.record_referral(child=children[0], kind="issue_based", referral_date=D(2026, 9, 1),
                                        issues=["housing", "rights"], today=today, by=None)  # fmt: skip
    url = reverse("voice:advocacy_edit", args=[referral.pk])
    page = iro_client.get(url).text
    assert 'value="housing" checked' in page and 'value="rights"' in page
    response = iro_client.post(url, {"provider": "Voices", "issues": ["education"], "other_issues": "rights",
                                     "hours": "12", **_date("closed_date", D(2026, 11, 2))})  # fmt: skip
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.closed_date == D(2026, 11, 2) and referral.hours == 12
    assert sorted(referral.issues.values_list("theme", flat=True)) == ["education", "rights"]
    assert referral.referral_date == D(2026, 9, 1) and referral.kind == "issue_based"
    assert "Closed" in iro_client.get(reverse("voice:advocacy"), {"show": "closed"}).text


@pytest.mark.django_db
def test_another_iros_child_and_referral_are_not_found(iro_client, other_child, today):
    assert (
        iro_client.get(reverse("voice:advocacy_record", args=[other_child.child_id])).status_code
        == 404
    )
    referral = services.record_referral(child=other_child, kind="issue_based", referral_date=today,
                                        today=today, by=None)  # fmt: skip
    assert iro_client.get(reverse("voice:advocacy_edit", args=[referral.pk])).status_code == 404
    assert (
        other_child.display_name
        not in iro_client.get(reverse("voice:advocacy"), {"show": "all"}).text
    )
    assert AuditEvent.objects.filter(action="refused", target_id=other_child.child_id).count() == 2


@pytest.mark.django_db
def test_choose_child_offers_only_visible_children(iro_client, children, other_child):
    page = iro_client.get(reverse("voice:advocacy_choose_child")).text
    assert children[0].child_id in page and other_child.child_id not in page
    chosen = iro_client.get(reverse("voice:advocacy_choose_child"), {"child": children[0].child_id})
    assert chosen["Location"] == reverse("voice:advocacy_record", args=[children[0].child_id])


@pytest.mark.django_db
def test_advocacy_list_is_a_fixed_number_of_queries(
    manager_client, today, django_assert_max_num_queries
):
    iro = make_iro()
    for child in caseload(iro, 62, today=today):
        services.record_referral(child=child, kind="issue_based", referral_date=D(2026, 5, 1),
                                 issues=["housing", "education"], today=today, by=None)  # fmt: skip
    with django_assert_max_num_queries(12):
        page = manager_client.get(reverse("voice:advocacy"), {"show": "all"})
    assert page.text.count("housing, education") + page.text.count("education, housing") == 50


@pytest.mark.django_db
def test_manager_enters_the_contract_facts_that_feed_the_metrics(manager_client, today):
    url = reverse("targets:facts_year", args=["2026-27"])
    page = manager_client.post(url, {"advocacy_hours_contracted": "900", "iv_target": "14",
                                     "iv_hours": "", "establishment_fte": "-1"})  # fmt: skip
    assert "cannot be negative" in page.text and not ServiceFact.objects.exists()
    manager_client.post(url, {"advocacy_hours_contracted": "900", "iv_target": "14"})
    assert dict(ServiceFact.objects.values_list("item", "value")) == {
        "advocacy_hours_contracted": Decimal("900"), "iv_target": Decimal("14")}  # fmt: skip
    results = compute(["advocacy.hours.contracted", "iv.target"], period=ReportingPeriod.for_year("2026-27"),
                      rules=RuleSettings.default(), as_at=today, with_previous=False)  # fmt: skip
    assert results["advocacy.hours.contracted"].value == 900 and results["iv.target"].value == 14
    manager_client.post(url, {"advocacy_hours_contracted": "950"})  # blank: removed, not zero
    assert dict(ServiceFact.objects.values_list("item", "value")) == {
        "advocacy_hours_contracted": Decimal("950")
    }
    assert AuditEvent.objects.filter(action="service_facts_saved", target_id="2026-27").count() == 2
    assert (
        'value="950.00"' in manager_client.get(url).text
        or 'value="950"' in manager_client.get(url).text
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["iro", "business_support", "senior_leader", "administrator"])
def test_only_managers_enter_service_facts(signed_in_client, role):
    assert signed_in_client(role).get(reverse("targets:facts")).status_code == 403
