"""Quality assurance through the pages: case audits with three scores and a grade, complaints
(never removed by an import), the target register with its actuals from the metric, and the
year's priorities; for every role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from irohub.audit.models import AuditEvent
from irohub.council.models import Priority, Target
from irohub.quality.models import Audit
from irohub.reporting.metrics import ReportingPeriod, compute
from irohub.statutory.settings import RuleSettings
from irohub.voice import services as voice_services
from irohub.voice.models import Complaint

D = dt.date


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["quality:audits", "quality:audit_add", "quality:complaints", "quality:complaint_add"]
)
@pytest.mark.parametrize(
    "role, status",
    [
        ("manager", 200),
        ("iro", 403),
        ("commissioned_iro", 403),
        ("business_support", 403),
        ("senior_leader", 403),
        ("administrator", 403),
    ],  # fmt: skip
)
def test_quality_pages_are_for_managers(signed_in_client, name, role, status):
    assert signed_in_client(role).get(reverse(name)).status_code == status


@pytest.mark.django_db
def test_manager_records_an_audit_then_moderates_it(manager_client, children, today):
    child = children[0]
    Audit.objects.create(
        audit_id="AUD0007", child=child, audit_date=D(2026, 4, 1), audit_type="thematic"
    )
    response = manager_client.post(reverse("quality:audit_add"), {
        "child_id": child.child_id, "audit_type": "dip_sample", "iro_score": "4", "manager_score": "5",
        "findings": "Plan current; child seen alone.", **_date("audit_date", D(2026, 11, 2)),
    })  # fmt: skip
    assert response.status_code == 302
    audit = Audit.objects.get(audit_id="AUD0008")
    assert (audit.iro_score, audit.manager_score, audit.moderated_score) == (4, 5, None)
    edit = reverse("quality:audit_edit", args=["AUD0008"])
    assert "Plan current; child seen alone." in manager_client.get(edit).text
    manager_client.post(edit, {"iro_score": "4", "manager_score": "5", "moderated_score": "2",
                               "grade": "requires_improvement", "findings": "Moderated down."})  # fmt: skip
    audit.refresh_from_db()
    assert audit.moderated_score == 2 and audit.grade == "requires_improvement"
    page = manager_client.get(reverse("quality:audits")).text
    assert "AUD0008" in page and "Requires improvement" in page
    actions = AuditEvent.objects.filter(target_type="quality.audit", target_id="AUD0008")
    assert list(actions.order_by("id").values_list("action", flat=True)) == ["recorded", "changed"]
    assert AuditEvent.objects.filter(action="viewed", target_id=child.child_id).exists()
    results = compute(["audit.cases.count", "audit.score.mean_by_role"],
                      period=ReportingPeriod.for_year("2026-27"), rules=RuleSettings.default(),
                      as_at=today, with_previous=False)  # fmt: skip
    assert results["audit.cases.count"].value == 2
    assert results["audit.score.mean_by_role"].value == {
        "iro": 4.0,
        "manager": 5.0,
        "moderated": 2.0,
    }


@pytest.mark.django_db
def test_audit_form_errors(manager_client, other_child, today):
    page = manager_client.post(reverse("quality:audit_add"), {
        "child_id": "NOPE", "audit_type": "dip_sample", "iro_score": "-1", "manager_score": "x",
        **_date("audit_date", today),
    })  # fmt: skip
    text = page.text
    assert "There is no child with that ID you can see" in text
    assert "cannot be negative" in text and "must be a number" in text
    future = manager_client.post(reverse("quality:audit_add"), {
        "child_id": other_child.child_id, "audit_type": "moderation",
        **_date("audit_date", today + dt.timedelta(days=1))})  # fmt: skip
    assert "The date of the audit must be today or in the past" in future.text
    assert not Audit.objects.exists()


@pytest.mark.django_db
def test_manager_records_a_complaint_and_its_outcome(manager_client, today):
    response = manager_client.post(reverse("quality:complaint_add"), {
        "stage": "1", "summary": "Review moved twice at short notice.", **_date("received_date", D(2026, 10, 5))})  # fmt: skip
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert (complaint.stage, complaint.source, complaint.outcome) == (1, "web", "")
    assert "Open" in manager_client.get(reverse("quality:complaints")).text
    manager_client.post(
        reverse("quality:complaint_edit", args=[complaint.pk]),
        {"stage": "2", "outcome": "partly upheld"},
    )
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.outcome) == (2, "partly upheld")
    empty = manager_client.post(reverse("quality:complaint_add"), {})
    assert "Enter date received" in empty.text and "Choose the stage" in empty.text
    count = compute(["complaints.iro_service.count"], period=ReportingPeriod.for_year("2026-27"),
                    rules=RuleSettings.default(), as_at=today, with_previous=False)  # fmt: skip
    assert count["complaints.iro_service.count"].value == 1


@pytest.mark.django_db
def test_an_imported_outcome_in_the_councils_words_can_be_kept(manager_client):
    complaint = Complaint.objects.create(
        received_date=D(2026, 5, 1), stage=1, outcome="Resolved locally"
    )
    page = manager_client.get(reverse("quality:complaint_edit", args=[complaint.pk])).text
    assert '<option value="Resolved locally" selected>' in page


@pytest.mark.django_db
def test_a_manager_opens_any_audit_and_an_unknown_one_is_not_found(signed_in_client, other_child):
    Audit.objects.create(
        audit_id="AUD0001", child=other_child, audit_date=D(2026, 4, 1), audit_type="thematic"
    )
    assert (
        signed_in_client("manager").get(reverse("quality:audit_edit", args=["AUD0001"])).status_code
        == 200
    )
    assert (
        signed_in_client("manager").get(reverse("quality:audit_edit", args=["AUD9999"])).status_code
        == 404
    )


# --- targets and priorities -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, status",
    [
        ("manager", 200),
        ("senior_leader", 200),
        ("iro", 403),
        ("business_support", 403),
        ("administrator", 403),
    ],  # fmt: skip
)
def test_who_may_read_the_target_register(signed_in_client, role, status):
    assert signed_in_client(role).get(reverse("targets:register")).status_code == status


@pytest.mark.django_db
def test_senior_leaders_read_but_cannot_change(signed_in_client):
    Target.objects.create(year="2026-27", metric_id="complaints.iro_service.count", target=2,
                          direction="lower_is_better")  # fmt: skip
    client = signed_in_client("senior_leader")
    page = client.get(reverse("targets:register")).text
    assert "Complaints about the IRO service" in page and "Add a target" not in page
    assert client.get(reverse("targets:target_add", args=["2026-27"])).status_code == 403
    assert (
        client.post(reverse("targets:target_remove", args=[Target.objects.get().pk])).status_code
        == 403
    )


@pytest.mark.django_db
def test_manager_sets_targets_and_sees_the_actual_from_the_metric(manager_client, today):
    voice_services.record_complaint(received_date=D(2026, 6, 1), stage=1, today=today, by=None)
    add = reverse("targets:target_add", args=["2026-27"])
    assert "Children who felt listened to" in manager_client.get(add).text
    response = manager_client.post(add, {"metric_id": "complaints.iro_service.count", "target": "0",
                                         "direction": "lower_is_better"})  # fmt: skip
    assert response.status_code == 302 and response["Location"].endswith("?year=2026-27")
    page = manager_client.get(response["Location"]).text
    assert "Off target" in page  # 1 complaint against a target of 0
    target = Target.objects.get()
    manager_client.post(reverse("targets:target_edit", args=[target.pk]),
                        {"target": "1", "direction": "lower_is_better", "metric_id": "reviews.held.count"})  # fmt: skip
    target.refresh_from_db()
    assert (
        target.metric_id == "complaints.iro_service.count" and target.target == 1
    )  # the figure stays
    assert "On target" in manager_client.get(reverse("targets:register"), {"year": "2026-27"}).text
    bad = manager_client.post(add, {"metric_id": "escalation.by_theme.count", "target": "x"})
    assert "Select a valid choice" in bad.text and "The target must be a number" in bad.text
    manager_client.post(reverse("targets:target_remove", args=[target.pk]))
    assert not Target.objects.exists()
    assert [e.action for e in AuditEvent.objects.filter(target_type="council.target").order_by("id")] == [
        "target_saved", "target_saved", "target_removed"]  # fmt: skip


@pytest.mark.django_db
def test_manager_keeps_the_years_priorities(manager_client):
    add = reverse("targets:priority_add", args=["2026-27"])
    for title in ("Midway reviews for every child", "Letters to every child"):
        manager_client.post(add, {"title": title, "status": "in_progress",
                                  "evidence_metric_id": "midway.coverage.pct"})  # fmt: skip
    first, second = Priority.objects.order_by("position")
    assert (first.position, second.position) == (1, 2)
    manager_client.post(reverse("targets:priority_edit", args=[second.pk]),
                        {"title": second.title, "status": "part_achieved", "position": "1",
                         "narrative": "Half the letters were sent."})  # fmt: skip
    second.refresh_from_db()
    assert second.status == "part_achieved" and second.evidence_metric_id == ""
    page = manager_client.get(reverse("targets:register"), {"year": "2026-27"}).text
    assert (
        "Part achieved" in page and "In progress" in page and "Half the letters were sent." in page
    )
    empty = manager_client.post(add, {})
    assert "Enter the priority" in empty.text and "Choose the progress made" in empty.text
    manager_client.post(reverse("targets:priority_remove", args=[first.pk]))
    assert list(Priority.objects.values_list("title", flat=True)) == ["Letters to every child"]


@pytest.mark.django_db
def test_an_unknown_year_is_not_found(manager_client):
    assert manager_client.get(reverse("targets:target_add", args=["2026-28"])).status_code == 404
    assert manager_client.get(reverse("targets:register"), {"year": "soon"}).status_code == 404


@pytest.mark.django_db
def test_audit_list_is_a_fixed_number_of_queries(
    manager_client, today, django_assert_max_num_queries
):
    from .builders import caseload, make_iro

    for index, child in enumerate(caseload(make_iro(), 61, today=today, reviewed=None)):
        Audit.objects.create(audit_id=f"AUD{index + 1:04d}", child=child, audit_date=D(2026, 5, 1),
                             audit_type="dip_sample", iro_score=4)  # fmt: skip
    with django_assert_max_num_queries(10):
        page = manager_client.get(reverse("quality:audits"))
    assert page.text.count('href="/quality/audits/AUD') == 50
