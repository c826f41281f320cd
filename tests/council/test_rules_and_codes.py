"""The rules in force (load, show, history, cache) and the year-versioned reference codes."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from transfer.folder import small_council

from irohub.audit.models import AuditEvent
from irohub.children.models import Child
from irohub.council import selectors, services
from irohub.council.models import CouncilRules, ReferenceCode
from irohub.statutory.settings import RuleSettings, SettingsError
from irohub.transfer.services import import_folder

pytestmark = pytest.mark.django_db


def test_reference_codes_are_seeded_with_their_years():
    lists = selectors.code_lists()
    assert len(lists["ETHNIC"]) == 20 and len(lists["LS"]) == 13 and len(lists["PN"]) == 8
    place = lists["PLACE"]
    assert not place["K3"].valid_in(2022) and place["K3"].valid_in(2023)
    assert place["H5"].valid_in(2024) and not place["H5"].valid_in(2025)
    assert not place["Z11"].valid_in(2024) and place["Z11"].valid_in(2025)
    assert place["Z12"].label == "Other arrangement (Z12)"
    assert selectors.code_groups("ETHNIC")["CHNE"] == "Other"
    assert selectors.code_groups("PLACE")["U2"] == "connected_foster"
    assert set(selectors.code_groups("ETHNIC").values()) == {
        "White", "Mixed", "Asian", "Black", "Other", "Not stated"}  # fmt: skip


def test_defaults_until_rules_are_loaded_then_the_newest_with_history(user_factory):
    assert selectors.current_rules() == RuleSettings.default()
    admin = user_factory(role="administrator")
    services.load_rules('[reviews]\nfirst = "28 days"\n', by=admin, source="a.toml")
    assert str(selectors.current_rules().reviews.first) == "28 days"
    services.load_rules('[reviews]\nsecond = "90 days"\n', by=admin, source="b.toml")
    rules = selectors.current_rules()
    assert str(rules.reviews.first) == "20 working days" and str(rules.reviews.second) == "90 days"
    assert [r.source for r in selectors.rules_history()] == ["b.toml", "a.toml"]
    event = AuditEvent.objects.filter(action="rules_loaded").first()
    assert event.actor_name == admin.username and event.after["reviews"]["second"] == "90 days"


def test_invalid_rules_change_nothing(user_factory):
    with pytest.raises(SettingsError) as problem:
        services.load_rules('[reviews]\nfirst = "-1 days"\nextra = true\n', by=None)
    assert len(problem.value.errors) == 2
    assert not CouncilRules.objects.exists() and not AuditEvent.objects.exists()
    assert selectors.current_rules() == RuleSettings.default()


def test_cache_follows_rows_written_elsewhere():
    assert selectors.current_rules() == RuleSettings.default()
    CouncilRules.objects.create(text='[reviews]\nfirst = "28 days"\n')  # another process
    assert str(selectors.current_rules().reviews.first) == "28 days"
    CouncilRules.objects.all().delete()  # a rolled-back test, say
    assert selectors.current_rules() == RuleSettings.default()


def test_rules_commands(tmp_path, capsys):
    good = tmp_path / "rules.toml"
    good.write_text('[reviews]\nfirst = "28 days"\n\n[council]\nname = "Synthetic Borough"\n')
    call_command("rules", "load", str(good), "--as-at", "2025-03-31")
    assert "Rules loaded from" in capsys.readouterr().out
    call_command("rules", "show", "--format", "json")
    shown = json.loads(capsys.readouterr().out)
    assert (
        shown["reviews"]["first"] == "28 days" and shown["council"]["name"] == "Synthetic Borough"
    )
    call_command("rules", "show")
    text = capsys.readouterr().out
    assert "# Rules in force: loaded" in text and 'first = "28 days"' in text
    bad = tmp_path / "bad.toml"
    bad.write_text('[reviews]\nfirst = "soon"\n')
    with pytest.raises(CommandError, match="the rules in force are unchanged"):
        call_command("rules", "load", str(bad))
    assert capsys.readouterr().err.startswith("reviews.first: ")
    assert CouncilRules.objects.count() == 1
    with pytest.raises(CommandError, match="cannot read"):
        call_command("rules", "load", str(tmp_path / "missing.toml"))


def test_reference_code_saved_through_the_service(user_factory):
    code = ReferenceCode.objects.get(list_name="PLACE", code="Z14")
    code.label = "Other arrangement: unregistered"
    services.save_reference_code(by=user_factory(role="administrator"), code=code)
    event = AuditEvent.objects.get(action="reference_code_saved")
    assert event.target_id == "PLACE:Z14" and event.before["label"] == "Other arrangement (Z14)"


ADMIN_PAGES = [
    "council/councilrules",
    "council/referencecode",
    "council/population",
    "council/servicefact",
    "council/target",
    "council/priority",
    "children/child",
    "children/episode",
    "children/periodofcare",
    "children/flag",
    "staff/iro",
    "staff/allocation",
    "reviews/review",
    "reviews/contact",
    "escalations/escalation",
    "voice/advocacyreferral",
    "voice/feedbackresponse",
    "voice/complaint",
    "quality/audit",
]


def test_admin_pages_open_for_an_administrator(signed_in_client, imported_small):
    client = signed_in_client("administrator")
    for page in ADMIN_PAGES:
        response = client.get(f"/admin/{page}/")
        assert response.status_code == 200, page
    child = imported_small.pk
    assert client.get(f"/admin/children/child/{child}/change/").status_code == 200
    assert client.get("/admin/council/councilrules/load/").status_code == 200


def test_rules_loaded_in_the_admin_go_through_the_service(signed_in_client, imported_small):
    client = signed_in_client("administrator")
    response = client.post("/admin/council/councilrules/load/", {"text": '[reviews]\nfirst = "x"'})
    assert (
        response.status_code == 200
        and b"eviews.first: the text is not a duration" in response.content
    )
    assert not CouncilRules.objects.exists()
    response = client.post("/admin/council/councilrules/load/",
                           {"text": '[reviews]\nfirst = "28 days"'})  # fmt: skip
    assert response.status_code == 302
    assert str(selectors.current_rules().reviews.first) == "28 days"
    assert signed_in_client("iro").get("/admin/council/councilrules/load/").status_code in (
        302,
        403,
    )


@pytest.fixture
def imported_small(tmp_path):
    assert import_folder(small_council(tmp_path / "c"), by=None, as_at=dt.date(2025, 3, 31)).ok
    return Child.objects.get(child_id="C001")
