"""The dashboard's assurance panels in a real browser: a manager reads the target register, the
year's priorities and the case audits, and follows the link to the audits page; a senior leader
reads the same panels without it. axe-core on every page opened (zero violations) and a
screenshot of each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from irohub.children.models import Child, Episode
from irohub.council.models import Priority, Target
from irohub.quality.models import Audit
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review
from irohub.staff.models import IRO, Allocation

from .conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date
TODAY = D(2026, 11, 22)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr("irohub.children.selectors.today", lambda: TODAY)


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def assured():
    """Two children reviewed this year (one late), two audits, targets and priorities."""
    iro = IRO.objects.create(iro_id="QA1", name="Ada Example", email="ada@example.org",
                             fte=1, start_date=D(2020, 1, 1), employment_type="permanent")  # fmt: skip
    for number, held in enumerate((D(2026, 9, 28), D(2026, 10, 5))):
        child = Child.objects.create(child_id=f"Q{number:04d}", sex="F", dob=D(2014, 6, 15),
                                     ethnicity="WBRI", given_name=f"Kid{number}",
                                     family_name="Example")  # fmt: skip
        Episode.objects.create(child=child, decom=D(2026, 9, 1), rne="S", ls="C2", cin="N1",
                               place="U4")  # fmt: skip
        Allocation.objects.create(child=child, iro=iro, start_date=D(2026, 9, 1),
                                  change_reason="initial")  # fmt: skip
        Review.objects.create(child=child, review_date=held, pn_code="PN1", chair=iro,
                              record_date=held)  # fmt: skip
        Audit.objects.create(audit_id=f"QAUD{number}", child=child, audit_date=held,
                             audit_type="dip_sample", iro_score=Decimal(3 + number),
                             manager_score=Decimal(3), moderated_score=Decimal(3))  # fmt: skip
    Target.objects.create(year="2026-27", metric_id="reviews.timeliness.all_pct", target=90)
    Target.objects.create(year="2026-27", metric_id="audit.cases.count", target=2)
    Priority.objects.create(year="2026-27", position=1, title="Every review on time",
                            status="in_progress", evidence_metric_id="reviews.timeliness.all_pct")  # fmt: skip
    recompute(None, as_at=TODAY)


def test_a_manager_reads_targets_priorities_and_audits(
    page, live_server, user_factory, test_password, assured
):
    manager = user_factory(role="manager", username="qa-manager")
    sign_in(page, live_server.url, manager.username, test_password)
    assert page.url == f"{live_server.url}/dashboard/"
    assert page.get_by_role("heading", name="Target register for 2026-27").is_visible()
    assert page.get_by_role("heading", name="Priorities for 2026-27").is_visible()
    assert page.get_by_role("heading", name="Case audits in 2026-27").is_visible()
    assert "2 cases audited so far this year, of 2 children" in page.content()
    check_accessibility(page, "dashboard-qa-manager")

    page.get_by_role("link", name="See and record case audits").click()
    assert page.url == f"{live_server.url}/quality/audits/"
    check_accessibility(page, "dashboard-qa-manager-audits")


def test_a_senior_leader_reads_the_panels_only(
    page, live_server, user_factory, test_password, assured
):
    leader = user_factory(role="senior_leader", username="qa-leader")
    sign_in(page, live_server.url, leader.username, test_password)
    assert page.get_by_role("row", name="1. Every review on time").is_visible()
    assert page.get_by_role("link", name="See and record case audits").count() == 0
    check_accessibility(page, "dashboard-qa-senior-leader")
