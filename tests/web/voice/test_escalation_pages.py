"""The escalation pages through the Django test client, for every role: the list with its
clocks, raising, the escalation's page, stepping up and concluding; forbidden access; query
counts on a caseload of 60+ children."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from irohub.audit.models import AuditEvent
from irohub.escalations import services
from irohub.escalations.models import Escalation
from irohub.statutory.settings import RuleSettings

from .builders import caseload, make_iro

D = dt.date
RULES = RuleSettings.default()


def _raise(child, iro, opened, today, kind="informal"):
    return services.raise_escalation(
        child=child, iro=iro, kind=kind, themes=["education"], summary="No school place.",
        opened=opened, today=today, rules=RULES, by=None,
    )  # fmt: skip


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
def test_who_may_open_the_escalations_list(signed_in_client, role, status):
    assert signed_in_client(role).get(reverse("escalations:list")).status_code == status


@pytest.mark.django_db
def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(reverse("escalations:list"))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_iro_raises_an_escalation_and_sees_its_clock(iro_client, iro_user, children, set_today):
    set_today(D(2026, 12, 21))
    child = children[0]
    url = reverse("escalations:raise", args=[child.child_id])
    page = iro_client.get(url)
    assert page.status_code == 200 and "Informal challenge (team manager)" in page.text
    data = {"kind": "informal", "themes": ["education", "placement"],
            "summary": "No school place since September.", **_date("opened", D(2026, 12, 21))}  # fmt: skip
    response = iro_client.post(url, data)
    escalation = Escalation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("escalations:detail", args=[escalation.escalation_id])
    assert escalation.raised_by == iro_user
    detail = iro_client.get(response["Location"])
    text = detail.text
    assert "30 December 2026" in text  # the informal stage's step-up date
    assert "21 January 2027" in text  # the whole process
    assert "Christmas Day" in text and "On time" in text
    assert "Suitability or stability of the placement" in text
    assert AuditEvent.objects.filter(action="viewed", target_id=escalation.escalation_id).exists()


@pytest.mark.django_db
def test_raise_form_errors_keep_the_values(iro_client, children):
    url = reverse("escalations:raise", args=[children[0].child_id])
    response = iro_client.post(url, {"kind": "formal", "summary": "Drift in court actions.",
                                     "opened_day": "31", "opened_month": "2", "opened_year": "2026"})  # fmt: skip
    text = response.text
    assert response.status_code == 200 and "There is a problem" in text
    assert "Choose at least one theme" in text and "Date raised must be a real date" in text
    assert "Drift in court actions." in text and 'value="formal" checked' in text
    assert not Escalation.objects.exists()


@pytest.mark.django_db
def test_a_date_in_the_future_is_refused_by_the_service(iro_client, children, today):
    url = reverse("escalations:raise", args=[children[0].child_id])
    response = iro_client.post(url, {"kind": "informal", "themes": ["education"], "summary": "x",
                                     **_date("opened", today + dt.timedelta(days=1))})  # fmt: skip
    assert "The date raised must be today or in the past" in response.text
    assert not Escalation.objects.exists()


@pytest.mark.django_db
def test_another_iros_child_is_not_found_and_the_attempt_is_audited(iro_client, other_child):
    response = iro_client.get(reverse("escalations:raise", args=[other_child.child_id]))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="refused", target_id=other_child.child_id).exists()


@pytest.mark.django_db
def test_another_iros_escalation_is_not_found(iro_client, other_child, other_iro, today):
    escalation = _raise(other_child, other_iro, today, today)
    for name in ("detail", "step_up", "conclude"):
        url = reverse(f"escalations:{name}", args=[escalation.escalation_id])
        assert iro_client.get(url).status_code == 404
    assert (
        AuditEvent.objects.filter(action="refused", target_id=escalation.escalation_id).count() == 3
    )
    assert escalation.escalation_id not in iro_client.get(reverse("escalations:list")).text


@pytest.mark.django_db
def test_step_up_then_conclude_through_the_pages(iro_client, children, iro, set_today):
    escalation = _raise(children[0], iro, D(2026, 12, 21), D(2026, 12, 21))
    set_today(D(2026, 12, 30))
    eid = escalation.escalation_id
    step = iro_client.post(
        reverse("escalations:step_up", args=[eid]),
        {"stage": "formal", **_date("on", D(2026, 12, 30))},
    )
    assert step.status_code == 302
    page = iro_client.get(reverse("escalations:detail", args=[eid])).text
    assert "Formal challenge (senior manager)" in page and "14 January 2027" in page
    set_today(D(2027, 1, 8))
    bad = iro_client.post(
        reverse("escalations:conclude", args=[eid]),
        {"outcome": "resolved", **_date("on", D(2026, 12, 1))},
    )
    assert "The date it ended must be on or after 30 December 2026" in bad.text
    done = iro_client.post(reverse("escalations:conclude", args=[eid]),
                           {"outcome": "compromise", "notes": "School place agreed.", **_date("on", D(2027, 1, 8))})  # fmt: skip
    assert done.status_code == 302
    page = iro_client.get(reverse("escalations:detail", args=[eid])).text
    assert "Compromise reached" in page and "School place agreed." in page and "Concluded" in page
    assert iro_client.get(reverse("escalations:conclude", args=[eid])).status_code == 404
    assert iro_client.get(reverse("escalations:step_up", args=[eid])).status_code == 404


@pytest.mark.django_db
def test_choose_child_lists_only_the_iros_children(iro_client, children, other_child):
    page = iro_client.get(reverse("escalations:choose_child")).text
    assert all(child.child_id in page for child in children)
    assert other_child.child_id not in page
    chosen = iro_client.get(reverse("escalations:choose_child"), {"child": children[1].child_id})
    assert chosen["Location"] == reverse("escalations:raise", args=[children[1].child_id])
    refused = iro_client.get(reverse("escalations:choose_child"), {"child": other_child.child_id})
    assert refused.status_code == 200 and "Choose the child" in refused.text


@pytest.mark.django_db
def test_manager_raises_for_a_child_in_the_childs_iros_name(manager_client, children, iro):
    url = reverse("escalations:raise", args=[children[0].child_id])
    manager_client.post(url, {"kind": "formal", "themes": ["finance"], "summary": "Payments.",
                              **_date("opened", D(2026, 11, 20))})  # fmt: skip
    assert Escalation.objects.get().iro == iro


@pytest.mark.django_db
def test_manager_sees_every_open_escalation_sorted_by_days_left(
    manager_client, today, user_factory
):
    first, second = make_iro(name="Ann First"), make_iro(name="Ben Second")
    kids = caseload(first, 1, today=today) + caseload(second, 1, today=today)
    late = _raise(kids[0], first, D(2026, 11, 2), today)  # informal overran
    fresh = _raise(kids[1], second, D(2026, 11, 20), today)
    page = manager_client.get(reverse("escalations:list")).text
    assert page.index(late.escalation_id) < page.index(fresh.escalation_id)
    assert "Overdue" in page and "On time" in page
    by_opened = manager_client.get(reverse("escalations:list"), {"sort": "child"}).text
    assert by_opened.index(late.escalation_id) < by_opened.index(fresh.escalation_id)
    only_ben = manager_client.get(reverse("escalations:list"), {"iro": second.pk}).text
    assert fresh.escalation_id in only_ben and late.escalation_id not in only_ben


@pytest.mark.django_db
def test_concluded_tab_lists_outcomes_and_alerts(iro_client, children, iro, today):
    alert = services.raise_escalation(child=children[0], iro=iro, kind="good_practice", themes=[],
                                      summary="Great life-story work.", opened=today, today=today,
                                      rules=RULES, by=None)  # fmt: skip
    page = iro_client.get(reverse("escalations:list"), {"show": "concluded"}).text
    assert alert.escalation_id in page and "Good practice" in page
    assert alert.escalation_id not in iro_client.get(reverse("escalations:list")).text


@pytest.mark.django_db
def test_list_is_a_fixed_number_of_queries_for_a_large_caseload(
    signed_in_client, manager, today, django_assert_max_num_queries
):
    iro = make_iro(name="Busy Iro")
    kids = caseload(iro, 64, today=today)
    for index, child in enumerate(kids):
        _raise(child, iro, today - dt.timedelta(days=index % 20), today)
    client = signed_in_client(user=manager)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("escalations:list"))
    assert response.text.count('href="/escalations/ESC') == 64
