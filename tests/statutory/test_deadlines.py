from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irohub.statutory.deadlines import (
    Explained,
    care_plan_update_due,
    decisions_due,
    iro_allocation_due,
    midway_window,
    pre_meeting_report_due,
    record_due,
)
from irohub.statutory.settings import RuleSettings, load_rules

from .conftest import dates


def test_r3_decisions_within_5_working_days(rules):
    due = decisions_due(date(2024, 3, 27), rules=rules)
    assert due == Explained(
        date(2024, 4, 5),
        "Review decisions due by 05/04/2024: 5 working days after the review on 27/03/2024 "
        "(IRO Handbook); Good Friday and Easter Monday are not working days.",
    )
    assert str(due) == due.reason


def test_r4_record_within_15_working_days_or_a_local_20(rules):
    assert record_due(date(2024, 12, 20), rules=rules).date == date(2025, 1, 15)
    local = load_rules('[deadlines]\nrecord = "20 working days"')
    due = record_due(date(2024, 12, 20), rules=local)
    assert due.date == date(2025, 1, 22)
    assert '(local setting deadlines.record = "20 working days")' in due.reason


def test_r5_pre_meeting_report_5_working_days_before(rules):
    due = pre_meeting_report_due(date(2024, 4, 3), rules=rules)
    assert due.date == date(2024, 3, 25)
    assert due.reason == (
        "Social worker's report due by 25/03/2024: 5 working days before the review on "
        "03/04/2024 (local standard deadlines.pre_meeting_report); Good Friday and Easter "
        "Monday are not working days."
    )
    assert pre_meeting_report_due(date(2024, 6, 10), rules=rules).date == date(2024, 6, 3)


def test_r6_care_plan_update_within_10_working_days(rules):
    due = care_plan_update_due(date(2024, 6, 3), rules=rules)
    assert due.date == date(2024, 6, 17)
    assert "(local standard deadlines.care_plan_update)" in due.reason


def test_i1_iro_allocated_within_5_working_days(rules):
    due = iro_allocation_due(date(2024, 3, 28), rules=rules)
    assert due.date == date(2024, 4, 8)
    assert due.reason.startswith(
        "IRO allocation due by 08/04/2024: 5 working days after coming into care on 28/03/2024"
    )
    bromley = load_rules('[deadlines]\niro_allocation = "1 working day"')
    assert iro_allocation_due(date(2024, 6, 7), rules=bromley).date == date(2024, 6, 10)


def test_midway_window(rules):
    assert midway_window(date(2024, 1, 1), date(2024, 7, 1), rules=rules) == (
        date(2024, 3, 14),  # 0.4 x 182 days = 72.8 -> 73
        date(2024, 4, 19),  # 0.6 x 182 days = 109.2 -> 109
    )
    assert midway_window(date(2024, 1, 1), date(2024, 1, 6), rules=rules) == (
        date(2024, 1, 3),  # 0.4 x 5 = 2
        date(2024, 1, 4),  # 0.6 x 5 = 3
    )
    assert midway_window(date(2024, 1, 1), date(2024, 1, 3), rules=rules)[1] == date(2024, 1, 2)
    with pytest.raises(ValueError, match="before the last review"):
        midway_window(date(2024, 7, 1), date(2024, 1, 1), rules=rules)


@given(dates, st.integers(min_value=0, max_value=400), st.sampled_from([(0.4, 0.6), (0.1, 0.9)]))
def test_midway_window_lies_between_the_reviews(last, span, window):
    rules = load_rules(f"[midway]\nwindow = [{window[0]}, {window[1]}]")
    next_due = date.fromordinal(last.toordinal() + span)
    start, end = midway_window(last, next_due, rules=rules)
    assert last <= start <= end <= next_due


@given(dates)
def test_deadlines_after_a_review_are_working_days_after_it(review):
    rules = RuleSettings()
    calendar = rules.calendar()
    for due in (decisions_due, record_due, care_plan_update_due):
        found = due(review, rules=rules).date
        assert found > review and calendar.is_working_day(found)
    before = pre_meeting_report_due(review, rules=rules).date
    assert before < review and calendar.is_working_day(before)
