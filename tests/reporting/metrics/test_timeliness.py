"""Timeliness against the hand-timed council of conftest.py (`timed`; dates worked there)."""

from __future__ import annotations

from datetime import date

import pytest

TIMED_AS_AT = date(2025, 4, 1)  # as conftest.timed is derived


TIMELINESS_IDS = [
    "reviews.timeliness.all_pct", "reviews.timeliness.first_pct",
    "reviews.timeliness.second_pct", "reviews.timeliness.subsequent_pct",
    "reviews.timeliness.late_count", "reviews.timeliness.monthly_pct",
    "reviews.timeliness.missed_count", "reviews.timeliness.late_reason.count",
    "reviews.overdue_open.count", "reviews.due_soon.count",
]  # fmt: skip


@pytest.mark.parametrize(
    "metric_id, value, numerator, denominator",
    [
        ("reviews.timeliness.all_pct", 57.1, 4, 7),
        ("reviews.timeliness.first_pct", 66.7, 2, 3),
        ("reviews.timeliness.second_pct", 0.0, 0, 1),
        ("reviews.timeliness.subsequent_pct", 66.7, 2, 3),
    ],
)
def test_rates_are_pooled(timed, metric_id, value, numerator, denominator):
    r = timed.metric(metric_id)
    assert (r.value, r.numerator, r.denominator) == (value, numerator, denominator)


def test_the_overall_rate_is_not_the_mean_of_the_type_rates(timed):
    """Hounslow trap (metrics.md §2.17): the mean of 66.7, 0 and 66.7 would be 44.4."""
    r = timed.metrics(TIMELINESS_IDS)
    assert r["reviews.timeliness.all_pct"].value == 57.1
    assert r["reviews.timeliness.all_pct"].extra["not_assessed"] == 1


def test_every_review_metric_counts_the_same_reviews(timed):
    """Hounslow trap (§2.17): 720 reviews in its participation table, 824 in its timeliness
    table. Here one loader feeds every family, so the bases agree."""
    r = timed.metrics(["reviews.held.count", "reviews.timeliness.all_pct",
                       "participation.code.count"])  # fmt: skip
    held = r["reviews.held.count"].value
    timeliness = r["reviews.timeliness.all_pct"]
    assert timeliness.denominator + timeliness.extra["not_assessed"] == held == 8
    codes = r["participation.code.count"]
    assert sum(codes.value.values()) + codes.extra["not_coded"] == held


def test_late_reviews_and_reasons(timed):
    r = timed.metrics(TIMELINESS_IDS)
    late = r["reviews.timeliness.late_count"]
    assert late.value == 3
    assert late.extra["by_type"] == {"first": 1, "second": 1, "subsequent": 1}
    assert late.extra["by_iro"] == {"IRO1": 1, "IRO2": 2}
    reasons = r["reviews.timeliness.late_reason.count"].value
    assert {k: n for k, n in reasons.items() if n} == {
        "rescheduled": 1, "iro_capacity": 1, "not_recorded": 1,
    }  # fmt: skip
    assert "late_referral" in reasons


def test_monthly_rates(timed):
    r = timed.metric("reviews.timeliness.monthly_pct")
    assert r.value["2024-04"] == 100.0 and r.value["2024-06"] == 0.0
    assert (r.value["2024-09"], r.numerator["2024-09"], r.denominator["2024-09"]) == (50.0, 1, 2)
    assert r.value["2024-08"] is None  # only the review outside care, which has no due date
    assert r.value["2024-05"] is None and r.denominator["2024-05"] == 0


def test_missed_due_dates(timed):
    r = timed.metric("reviews.timeliness.missed_count")
    assert r.value == 2  # R2 (left care after the due date) and R3
    assert r.extra["by_type"] == {"first": 0, "second": 2, "subsequent": 0}


def test_a_child_who_leaves_on_the_due_date_has_not_missed_it(council):
    child = council.in_care("L", dob=date(2015, 1, 1), start=date(2024, 5, 1),
                            end=date(2024, 5, 31), rec="E4A")  # fmt: skip
    assert child  # first review due Fri 31/05/2024, the day the child left
    council.derive()
    assert council.metric("reviews.timeliness.missed_count").value == 0


def test_live_overdue_and_due_soon(timed):
    r = timed.metrics(TIMELINESS_IDS, as_at=TIMED_AS_AT)
    overdue = r["reviews.overdue_open.count"]
    assert overdue.value == 1  # R3, second review due 30/12/2024
    assert overdue.extra["by_days_overdue"] == {"1-7 days": 0, "8-28 days": 0, "29+ days": 1}
    assert overdue.extra["by_iro"] == {"IRO1": 1}
    soon = r["reviews.due_soon.count"]
    assert soon.value == 1  # R7, first review due 07/04/2025
    assert soon.extra["until"] == "2025-05-01"  # 20 working days (Easter 18 and 21 April)


def test_the_whole_family_costs_a_few_queries(timed, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # one is the history start (decision record 0004)
        timed.metrics(TIMELINESS_IDS)
