"""Quality of planning and recording against hand-computed reviews (2024-25, England and Wales
bank holidays; the rules' defaults: report 5 WD before, decisions 5 WD and record 15 WD after).

  R1 A (12) Mon 03/06/2024  report Mon 27/05 (a bank holiday pushes the deadline back to Fri
                            24/05: late); plan Y; decisions 10/06 (due 10/06: in time);
                            record 24/06 (due 24/06, 15 WD: in time); advocacy offered Y
  R2 A      Mon 02/12/2024  report 25/11 (due 25/11: in time); plan N; decisions 10/12 (due
                            09/12: late); record 30/12 (due 23/12: late, 18 WD); advocacy -
  R3 B (2)  Thu 01/08/2024  nothing recorded but the record the same day (0 WD); advocacy N
  R4 A      Fri 28/03/2025  report 21/03 (due 21/03: in time); plan Y; no decisions (due
                            04/04/2025) and no record yet (due 22/04/2025 after Good Friday
                            and Easter Monday); advocacy N
  plus a reg 48 review of B (not counted) and a review of A in 2023-24.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from irohub.statutory.durations import Duration

D = date
QUALITY_IDS = [
    "quality.pre_meeting_report.on_time_pct", "quality.care_plan.available_at_review_pct",
    "quality.decisions.within_5wd_pct", "quality.record.within_15wd_pct",
    "quality.record.mean_wd", "quality.advocacy_offered.pct",
]  # fmt: skip
Y, N = True, False


@pytest.fixture
def reviews(council):
    c = council
    a = c.in_care("A", dob=D(2012, 1, 1), start=D(2023, 6, 1))
    b = c.in_care("B", dob=D(2022, 6, 1), start=D(2024, 7, 1))
    c.review(a, D(2024, 6, 3), sw_report_date=D(2024, 5, 27), care_plan_available=Y,
             decisions_date=D(2024, 6, 10), record_date=D(2024, 6, 24), advocacy_offered=Y)  # fmt: skip
    c.review(a, D(2024, 12, 2), sw_report_date=D(2024, 11, 25), care_plan_available=N,
             decisions_date=D(2024, 12, 10), record_date=D(2024, 12, 30))  # fmt: skip
    c.review(b, D(2024, 8, 1), pn_code="PN0", record_date=D(2024, 8, 1), advocacy_offered=N)
    c.review(a, D(2025, 3, 28), sw_report_date=D(2025, 3, 21), care_plan_available=Y,
             advocacy_offered=N)  # fmt: skip
    c.review(b, D(2024, 10, 1), pn_code="PN0", statutory_basis="reg48",
             sw_report_date=D(2024, 9, 1), care_plan_available=Y, decisions_date=D(2024, 10, 1),
             record_date=D(2024, 10, 1), advocacy_offered=Y)  # fmt: skip
    c.review(a, D(2024, 3, 1), sw_report_date=D(2024, 2, 1), care_plan_available=Y)
    c.derive()
    return c


def figures(result):
    return result.value, result.numerator, result.denominator


def test_pre_meeting_report_shared_five_working_days_before(reviews):
    result = reviews.metric("quality.pre_meeting_report.on_time_pct")
    assert figures(result) == (50.0, 2, 4)  # R2 R4 of R1-R4: a missing report is not on time
    assert (result.extra["recorded"], result.extra["recorded_pct"]) == (3, 66.7)
    assert result.extra["deadline"] == "5 working days before the review"


def test_care_plan_available_at_the_review(reviews):
    result = reviews.metric("quality.care_plan.available_at_review_pct")
    assert figures(result) == (50.0, 2, 4)
    assert (result.extra["recorded"], result.extra["recorded_pct"]) == (3, 66.7)


def test_decisions_issued_within_five_working_days(reviews):
    result = reviews.metric("quality.decisions.within_5wd_pct")
    assert figures(result) == (25.0, 1, 4)
    assert (result.extra["recorded"], result.extra["pending"]) == (2, 0)


def test_record_completed_within_fifteen_working_days(reviews):
    result = reviews.metric("quality.record.within_15wd_pct")
    assert figures(result) == (50.0, 2, 4)  # R1 and R3 (same day); R2 late; R4 none
    assert result.extra["deadline"] == "15 working days after the review"


@pytest.mark.parametrize(
    "as_at, decisions, record",
    [
        (D(2025, 4, 3), (33.3, 1, 3), (66.7, 2, 3)),  # both of R4's deadlines still ahead
        (D(2025, 4, 10), (25.0, 1, 4), (66.7, 2, 3)),  # decisions due 04/04 passed; record not
        (D(2025, 4, 23), (25.0, 1, 4), (50.0, 2, 4)),
    ],
)
def test_a_deadline_not_yet_passed_is_pending_not_late(reviews, as_at, decisions, record):
    r = reviews.metrics(QUALITY_IDS, as_at=as_at)
    assert figures(r["quality.decisions.within_5wd_pct"]) == decisions
    assert figures(r["quality.record.within_15wd_pct"]) == record


def test_the_record_deadline_comes_from_the_rules(reviews):
    deadlines = replace(reviews.rules.deadlines, record=Duration(20, "working_days"))
    reviews.rules = replace(reviews.rules, deadlines=deadlines)
    # R2: 02/12/2024 + 20 WD = 02/01/2025 (Christmas, Boxing Day, New Year's Day skipped)
    result = reviews.metric("quality.record.within_15wd_pct")
    assert figures(result) == (75.0, 3, 4)
    assert result.extra["deadline"] == "20 working days after the review"


def test_mean_and_median_working_days_to_the_record(reviews):
    result = reviews.metric("quality.record.mean_wd")
    assert result.value == 11.0  # (15 + 18 + 0) / 3
    assert result.extra == {"median": 15.0, "reviews": 3}


def test_advocacy_offered_at_reviews_of_children_aged_four_or_more(reviews):
    result = reviews.metric("quality.advocacy_offered.pct")
    assert figures(result) == (33.3, 1, 3)  # R1 of R1 R2 R4; B is 2 (PN0)
    assert result.extra["recorded"] == 2


def test_no_reviews_gives_null_percentages(council):
    r = council.metrics(QUALITY_IDS)
    for mid in QUALITY_IDS:
        assert r[mid].value is None, mid


def test_the_family_costs_one_query(reviews, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        reviews.metrics(QUALITY_IDS)
