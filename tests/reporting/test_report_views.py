"""The report pages through the Django test client, for every role."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from irohub.accounts.roles import ROLES, Permission
from irohub.audit.models import AuditEvent
from irohub.reporting.models import ReportNarrative

YEAR = "2025-26"
READERS = [code for code, role in ROLES.items() if role.has(Permission.VIEW_REPORTS)]
NOT_READERS = [code for code in ROLES if code not in READERS]
EDITORS = [code for code, role in ROLES.items() if role.has(Permission.EDIT_REPORT_NARRATIVE)]
NOT_EDITORS = [code for code in ROLES if code not in EDITORS]


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch, today):
    monkeypatch.setattr("irohub.reporting.views.today", lambda: today)


def narrative_url(section: str = "timeliness") -> str:
    return reverse("reporting:narrative", args=[YEAR, section])


def test_roles_are_what_the_brief_expects():
    assert set(READERS) == {"manager", "senior_leader"}
    assert EDITORS == ["manager"]


@pytest.mark.parametrize("role", READERS)
def test_readers_see_the_years_with_data(synthetic_council, signed_in_client, role):
    page = signed_in_client(role).get(reverse("reporting:years"))
    assert page.status_code == 200
    html = page.content.decode()
    for year in ("2026-27", "2025-26", "2024-25", "2023-24"):
        assert reverse("reporting:year", args=[year]) in html
    assert "Year so far" in html and "Complete year" in html


@pytest.mark.parametrize("role", NOT_READERS)
@pytest.mark.parametrize(
    "url",
    [
        reverse("reporting:years"),
        reverse("reporting:year", args=[YEAR]),
        reverse("reporting:download", args=[YEAR, "json"]),
        reverse("reporting:download_public", args=[YEAR, "pdf"]),
    ],
)
def test_other_roles_may_not_read_reports(db, signed_in_client, role, url):
    assert signed_in_client(role).get(url).status_code == 403


@pytest.mark.parametrize("role", NOT_EDITORS)
def test_only_editors_may_change_the_narrative(synthetic_council, signed_in_client, role):
    client = signed_in_client(role)
    assert client.get(narrative_url()).status_code == 403
    assert client.post(narrative_url(), {"kind": "narrative", "text": "x"}).status_code == 403
    assert not ReportNarrative.objects.filter(text="x").exists()


def test_signed_out_people_are_sent_to_sign_in(client):
    page = client.get(reverse("reporting:years"))
    assert page.status_code == 302 and "next=" in page["Location"]


def test_the_navigation_offers_reports_to_readers(db, signed_in_client):
    link = f'href="{reverse("reporting:years")}"'
    page = signed_in_client("senior_leader").get(reverse("accounts:account")).content.decode()
    assert link in page
    page = signed_in_client("iro").get(reverse("accounts:account")).content.decode()
    assert link not in page


def test_the_report_page_shows_the_report_in_the_site(synthetic_council, signed_in_client):
    page = signed_in_client("manager").get(reverse("reporting:year", args=[YEAR]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Summary of key messages" in html and "Reviews held each month" in html
    assert "<svg" in html  # charts inline, each with its table
    assert html.count("<html") == 1  # the body of the report, inside the site's page
    for fmt in ("pdf", "docx", "xlsx", "html", "json"):
        assert reverse("reporting:download", args=[YEAR, fmt]) in html
        assert reverse("reporting:download_public", args=[YEAR, fmt]) in html
    assert narrative_url("participation") in html  # the manager may add words


def test_a_senior_leader_reads_without_edit_links(synthetic_council, signed_in_client):
    html = signed_in_client("senior_leader").get(reverse("reporting:year", args=[YEAR]))
    assert narrative_url() not in html.content.decode()


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [
        ("json", "application/json", b"{"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("html", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
    ],
)
def test_downloads(synthetic_council, signed_in_client, fmt, content_type, start):
    client = signed_in_client("senior_leader")
    for name in ("reporting:download", "reporting:download_public"):
        response = client.get(reverse(name, args=[YEAR, fmt]))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response.content.startswith(start)
        assert f"iro-annual-report-{YEAR}" in response["Content-Disposition"]


def test_the_public_json_download_is_suppressed(synthetic_council, signed_in_client):
    client = signed_in_client("manager")
    internal = json.loads(client.get(reverse("reporting:download", args=[YEAR, "json"])).content)
    public = client.get(reverse("reporting:download_public", args=[YEAR, "json"]))
    assert public["Content-Disposition"].endswith('-public.json"')
    public = json.loads(public.content)
    assert internal["metrics"].keys() == public["metrics"].keys()
    assert "c" in json.dumps(public["metrics"]) and internal != public


@pytest.mark.parametrize(
    "url",
    [
        reverse("reporting:year", args=["2019-20"]),  # before the data
        reverse("reporting:year", args=["2025-27"]),  # not a year
        reverse("reporting:download", args=[YEAR, "odt"]),
        reverse("reporting:narrative", args=[YEAR, "no_such_section"]),
        reverse("reporting:narrative_edit", args=[YEAR, "summary", 999]),
    ],
)
def test_not_found(synthetic_council, signed_in_client, url):
    assert signed_in_client("manager").get(url).status_code == 404


def test_an_empty_form_shows_the_govuk_error_summary(synthetic_council, signed_in_client):
    before = ReportNarrative.objects.count()
    page = signed_in_client("manager").post(narrative_url(), {"kind": "", "text": "  "})
    html = page.content.decode()
    assert page.status_code == 200
    assert "govuk-error-summary" in html
    assert 'href="#id_text"' in html and "Enter the text" in html
    assert "Select what kind of text it is" in html
    assert "<title>Error:" in html
    assert ReportNarrative.objects.count() == before


def test_adding_changing_and_removing_text_is_audited(synthetic_council, user_factory,
                                                     signed_in_client):  # fmt: skip
    manager = user_factory(role="manager")
    client = signed_in_client(user=manager)
    url = narrative_url("midway")
    added = client.post(url, {"kind": "quote", "text": "My IRO came to see me."})
    assert added.status_code == 302 and added["Location"] == url
    entry = ReportNarrative.objects.get(section="midway")
    assert (entry.year, entry.kind, entry.updated_by) == (YEAR, "quote", manager)
    edit = reverse("reporting:narrative_edit", args=[YEAR, "midway", entry.pk])
    assert "My IRO came to see me." in client.get(edit).content.decode()
    client.post(edit, {"kind": "quote", "text": "My IRO visits me.", "order": "2"})
    entry.refresh_from_db()
    assert (entry.text, entry.order) == ("My IRO visits me.", 2)
    remove = reverse("reporting:narrative_remove", args=[YEAR, "midway", entry.pk])
    assert client.get(remove).status_code == 405
    assert client.post(remove).status_code == 302
    assert not ReportNarrative.objects.filter(section="midway").exists()
    events = AuditEvent.objects.filter(target_type="report_narrative", target_id=str(entry.pk))
    events = events.order_by("id")
    assert [e.action for e in events] == [
        "report_narrative_saved", "report_narrative_saved", "report_narrative_removed",
    ]  # fmt: skip
    assert events[1].before["text"] == "My IRO came to see me."
    assert events[2].before["text"] == "My IRO visits me."
    assert {e.actor_id for e in events} == {manager.pk}


def test_saved_text_appears_in_the_report(synthetic_council, signed_in_client):
    client = signed_in_client("manager")
    client.post(narrative_url("escalations"), {"kind": "case_study", "text": "An IRO's challenge."})
    html = client.get(reverse("reporting:year", args=[YEAR])).content.decode()
    assert (
        "Case study: An IRO&#x27;s challenge." in html or "Case study: An IRO's challenge." in html
    )


def test_a_public_download_naming_a_child_is_refused(synthetic_council, signed_in_client):
    from irohub.children.models import Child

    child_id = Child.objects.order_by("child_id").values_list("child_id", flat=True).first()
    client = signed_in_client("manager")
    client.post(narrative_url("summary"), {"kind": "narrative", "text": f"About {child_id}."})
    refused = client.get(reverse("reporting:download_public", args=[YEAR, "html"]))
    assert refused.status_code == 409
    assert "The public report was not made" in refused.content.decode()
    assert client.get(reverse("reporting:download", args=[YEAR, "html"])).status_code == 200


def test_the_current_year_is_reported_as_far_as_today(synthetic_council, signed_in_client, today):
    page = signed_in_client("manager").get(reverse("reporting:year", args=["2026-27"]))
    assert page.status_code == 200
    assert today == date(2026, 11, 22)
    assert "The position on 22 November 2026" in page.content.decode()
