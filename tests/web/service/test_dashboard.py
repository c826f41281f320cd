"""The manager dashboard: figures from the metric functions this year and this month against
the year's targets with RAG tags, caseloads against the band pro rata to FTE, children without
an IRO, escalations past their limit, the commissioned provider's figures, the cache, query
counts and every role."""

from __future__ import annotations

import pytest

from irohub.council.models import Target
from irohub.council.selectors import current_rules
from irohub.escalations.models import Escalation, EscalationStage
from irohub.reporting.dashboard import figures
from irohub.reporting.dashboard.periods import month_to_date, year_to_date
from irohub.reporting.metrics import compute

from .builders import D, caseload, derive, make_child, make_iro, review

pytestmark = pytest.mark.django_db

FORBIDDEN = ["iro", "commissioned_iro", "business_support", "administrator"]


def _late_and_timely(iro, today, *, late: int, timely: int, month_day=None):
    """Children whose first review (due 20 working days after 1 September 2026, 29 September)
    was held `timely` times on 28 September and `late` times on 5 October (or `month_day`)."""
    kids = caseload(iro, late + timely, today=today, started=D(2026, 9, 1))
    for index, child in enumerate(kids):
        day = D(2026, 9, 28) if index < timely else (month_day or D(2026, 10, 5))
        review(child, day, chair=iro, record_date=day)
    derive(kids, today)
    return kids


def test_the_windows_end_today():
    rules = current_rules()
    year = year_to_date(D(2026, 11, 22), rules)
    assert (year.label, year.start, year.end, year.snapshot) == (
        "2026-27", D(2026, 4, 1), D(2026, 11, 22), D(2026, 11, 22))  # fmt: skip
    month = month_to_date(D(2026, 11, 22))
    assert (month.label, month.start, month.end) == (
        "November 2026",
        D(2026, 11, 1),
        D(2026, 11, 22),
    )
    assert month.months() == ["2026-11"]


@pytest.mark.parametrize("role", FORBIDDEN)
def test_only_managers_and_senior_leaders_see_the_dashboard(role, client_for):
    assert client_for(role).get("/dashboard/").status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client):
    assert client.get("/dashboard/")["Location"].startswith("/accounts/sign-in/")


@pytest.mark.parametrize("role", ["manager", "senior_leader"])
def test_the_dashboard_is_the_home_page_of_its_readers(role, client_for):
    client = client_for(role)
    assert client.get("/")["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


def test_figures_are_the_metric_functions_against_their_targets(client_for, iro, today):
    _late_and_timely(iro, today, late=1, timely=3)
    Target.objects.create(year="2026-27", metric_id="reviews.timeliness.all_pct", target=90)
    Target.objects.create(year="2026-27", metric_id="reviews.timeliness.first_pct", target=78)
    Target.objects.create(year="2026-27", metric_id="quality.record.within_15wd_pct", target=50)
    rules = current_rules()
    board = figures.work_out(today=today, rules=rules)
    expected = compute(["reviews.timeliness.all_pct"], period=year_to_date(today, rules),
                       rules=rules, as_at=today, with_previous=False)["reviews.timeliness.all_pct"]  # fmt: skip
    row = {r.id: r for r in board.rows}
    assert row["reviews.timeliness.all_pct"].year.value == expected.value == 75.0
    assert row["reviews.timeliness.all_pct"].year_text == "75% (3 of 4)"
    assert row["reviews.timeliness.all_pct"].rag == "red"  # more than 5 points short
    assert row["reviews.timeliness.first_pct"].rag == "amber"  # within 5 points
    assert row["quality.record.within_15wd_pct"].rag == "green"
    assert row["participation.any.pct_4plus"].rag is None
    assert row["reviews.timeliness.all_pct"].target_text == "90% or more"
    page = client_for("senior_leader").get("/dashboard/").content.decode()
    assert "75% (3 of 4)" in page and "govuk-tag--red" in page and "govuk-tag--orange" in page


def test_this_month_counts_only_the_months_reviews(iro, today):
    _late_and_timely(iro, today, late=2, timely=2, month_day=D(2026, 11, 2))
    row = {r.id: r for r in figures.work_out(today=today, rules=current_rules()).rows}
    first = row["reviews.timeliness.first_pct"]
    assert first.year_text == "50% (2 of 4)"
    assert first.month_text == "0% (0 of 2)"
    assert (
        row["midway.coverage.pct"].month is None
        and row["midway.coverage.pct"].month_text == "Not shown"
    )


def test_caseloads_are_against_the_band_pro_rata_to_fte(client_for, today):
    half = make_iro(name="Half Time", fte="0.5")
    full = make_iro(name="Full Time")
    caseload(half, 36, today=today)  # above 25-35
    caseload(full, 55, today=today)  # within 50-70
    board = figures.work_out(today=today, rules=current_rules())
    loads = {c.name: c for c in board.caseloads}
    assert (loads["Half Time"].band, loads["Half Time"].status, loads["Half Time"].per_fte) == (
        (25, 35), "above", 72.0)  # fmt: skip
    assert loads["Full Time"].status == "within"
    assert [c.name for c in board.caseloads] == ["Half Time", "Full Time"]  # fullest first
    page = client_for("manager").get("/dashboard/").content.decode()
    assert "Above the band" in page and "25 to 35" in page and "1 of 2 IROs within the band" in page


def test_children_without_an_iro_and_escalations_past_their_limit(client_for, iro, today):
    waiting = make_child(started=D(2026, 11, 2))  # 5 working days passed on 9 November
    new = make_child(started=D(2026, 11, 20))
    derive([waiting, new], today)
    child = caseload(iro, 1, today=today)[0]
    old = Escalation.objects.create(escalation_id="ESC09001", child=child, iro=iro,
                                    opened_date=D(2026, 9, 1))  # fmt: skip
    EscalationStage.objects.create(escalation=old, stage="informal", started_date=D(2026, 9, 1))
    board = figures.work_out(today=today, rules=current_rules())
    assert board.live["iro.unallocated.count"].value == 1
    assert board.live["iro.unallocated.count"].extra["within_grace"] == 1
    assert board.live["escalation.open.count"].extra["live_breaching"] == 1
    [shown] = board.escalations
    assert (
        shown["iro"] == "Ira Example" and shown["opened"] == D(2026, 9, 1) and shown["rag"] == "red"
    )
    page = client_for("manager").get("/dashboard/").content.decode()
    assert "past the 5 working days to allocate; 1 within them" in page
    assert "1 past their time limit" in page and "ESC09001" in page and "1 September 2026" in page


def test_the_commissioned_providers_figures_count_its_reviews_only(client_for, iro, today):
    partner = make_iro(name="Pat Partner", provider="Review Partners Ltd")
    _late_and_timely(iro, today, late=0, timely=3)
    _late_and_timely(partner, today, late=1, timely=1)
    Target.objects.create(year="2026-27", metric_id="reviews.timeliness.all_pct", target=90)
    board = figures.work_out(today=today, rules=current_rules())
    [provider] = board.providers
    assert provider.name == "Review Partners Ltd" and provider.iros == ["Pat Partner"]
    assert provider.children == 2
    rows = {r.id: r for r in provider.rows}
    assert rows["reviews.timeliness.all_pct"].year_text == "50% (1 of 2)"
    assert rows["reviews.timeliness.all_pct"].rag == "red"
    assert rows["reviews.held.count"].year.value == 2
    whole = {r.id: r for r in board.rows}
    assert whole["reviews.timeliness.all_pct"].year_text == "80% (4 of 5)"
    page = client_for("manager").get("/dashboard/").content.decode()
    assert "Review Partners Ltd" in page and "50% (1 of 2)" in page


def test_the_figures_are_kept_for_a_few_minutes_and_can_be_refreshed(client_for, monkeypatch):
    calls = []
    real = figures.work_out
    monkeypatch.setattr(figures, "work_out", lambda **kw: calls.append(1) or real(**kw))
    client = client_for("manager")
    client.get("/dashboard/")
    client.get("/dashboard/")
    assert len(calls) == 1
    response = client.get("/dashboard/?refresh=1")
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert len(calls) == 2


def test_the_dashboard_costs_a_fixed_number_of_queries(client_for, iro, today,
                                                       django_assert_max_num_queries):  # fmt: skip
    other = make_iro(name="Pat Partner", provider="Review Partners Ltd")
    _late_and_timely(iro, today, late=10, timely=30)
    _late_and_timely(other, today, late=5, timely=20)
    client = client_for("manager")
    with django_assert_max_num_queries(40):
        assert client.get("/dashboard/").status_code == 200
    with django_assert_max_num_queries(8):  # from the cache
        assert client.get("/dashboard/").status_code == 200
