"""who_viewed, the events selector and the audit trail page."""

import pytest

from irohub.audit import selectors
from irohub.audit import services as audit
from irohub.audit.views import PAGE_SIZE

pytestmark = pytest.mark.django_db


def test_who_viewed_lists_views_of_one_record_newest_first(users):
    audit.viewed(by=users["iro"], target_type="child", target_id="C001")
    audit.viewed(by=users["manager"], target_type="child", target_id="C001")
    audit.viewed(by=users["manager"], target_type="child", target_id="C002")
    audit.record(by=users["manager"], action="changed", target_type="child", target_id="C001")
    views = selectors.who_viewed("child", "C001")
    assert [event.actor_name for event in views] == ["manager", "iro"]


def test_who_viewed_accepts_numeric_ids(users):
    audit.viewed(by=users["iro"], target_type="review", target_id=42)
    assert selectors.who_viewed("review", 42).count() == 1


def test_events_filter_by_target_and_actor(users):
    audit.record(by=users["iro"], action="viewed", target_type="child", target_id="C1")
    audit.record(by=users["manager"], action="changed", target_type="child", target_id="C1")
    audit.record(by=users["manager"], action="changed", target_type="review", target_id="9")
    assert selectors.events(target_type="child").count() == 2
    assert selectors.events(target_type="child", target_id="C1", actor="MANAGER").count() == 1
    assert selectors.events(action="changed").count() == 2
    assert set(selectors.target_types()) >= {"child", "review"}


def test_the_page_needs_view_audit(signed_in_client):
    assert signed_in_client("iro").get("/audit/").status_code == 403
    assert signed_in_client("business_support").get("/audit/").status_code == 403
    assert signed_in_client("manager").get("/audit/").status_code == 200
    assert signed_in_client("administrator").get("/audit/").status_code == 200


def test_the_page_filters_and_paginates(signed_in_client, users):
    audit.record_many(
        by=users["iro"], action="viewed", target_type="child", target_ids=range(PAGE_SIZE + 5)
    )
    audit.record(by=users["manager"], action="changed", target_type="review", target_id="R7")
    client = signed_in_client(user=users["manager"])
    first = client.get("/audit/?target_type=child").content.decode()
    assert f"{PAGE_SIZE + 5} events" in first
    assert first.count('<tr class="govuk-table__row">') == PAGE_SIZE + 1  # + header row
    assert 'href="?target_type=child&amp;page=2" rel="next"' in first
    second = client.get("/audit/?target_type=child&page=2").content.decode()
    assert second.count('<tr class="govuk-table__row">') == 5 + 1
    only = client.get("/audit/?target_type=review&target_id=R7&actor=manager").content.decode()
    assert "1 event<" in only and "review R7" in only


def test_an_unknown_filter_value_shows_everything_with_an_error(signed_in_client, users):
    audit.record(by=users["manager"], action="changed", target_type="review", target_id="R7")
    page = signed_in_client("manager").get("/audit/?target_type=nonsense").content.decode()
    assert "There is a problem" in page
