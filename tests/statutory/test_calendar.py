from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from irohub.statutory.calendar import WorkingCalendar, add_months
from irohub.statutory.durations import Duration

from .conftest import dates

CAL = WorkingCalendar()

# rules.md §1.2 test vectors: became looked after -> 20th working day after (day 0), and with
# the start counted as day 1 (the 19th working day after).
FIRST_REVIEW_VECTORS = [
    (date(2024, 3, 28), date(2024, 4, 29), date(2024, 4, 26)),  # Good Friday + Easter Monday
    (date(2024, 4, 2), date(2024, 4, 30), date(2024, 4, 29)),  # plain month
    (date(2022, 9, 1), date(2022, 9, 30), date(2022, 9, 29)),  # State Funeral 19/09/2022
    (date(2023, 4, 28), date(2023, 5, 31), date(2023, 5, 30)),  # Early May, Coronation, Spring
    (date(2024, 12, 20), date(2025, 1, 22), date(2025, 1, 21)),  # Christmas, Boxing, New Year
    (date(2025, 4, 17), date(2025, 5, 20), date(2025, 5, 19)),  # Easter 2025 + Early May
    (date(2024, 6, 1), date(2024, 6, 28), date(2024, 6, 27)),  # weekend start
]

# rules.md §1.2: previous review, interval, calendar months with clamp, 91/182-day alternative.
MONTH_VECTORS = [
    (date(2024, 11, 30), 3, date(2025, 2, 28), date(2025, 3, 1)),
    (date(2025, 1, 31), 3, date(2025, 4, 30), date(2025, 5, 2)),
    (date(2024, 5, 15), 3, date(2024, 8, 15), date(2024, 8, 14)),
    (date(2023, 8, 31), 6, date(2024, 2, 29), date(2024, 2, 29)),
    (date(2024, 8, 31), 6, date(2025, 2, 28), date(2025, 3, 1)),
]


@pytest.mark.parametrize(("start", "day_zero", "day_one"), FIRST_REVIEW_VECTORS)
def test_first_review_vectors(start, day_zero, day_one):
    assert CAL.add(start, Duration.parse("20 working days")) == day_zero
    assert CAL.add_working_days(start, 19) == day_one


@pytest.mark.parametrize(("previous", "months", "clamped", "fixed"), MONTH_VECTORS)
def test_month_vectors(previous, months, clamped, fixed):
    assert CAL.add(previous, Duration(months, "months")) == clamped
    days = 91 if months == 3 else 182
    assert CAL.add(previous, Duration(days, "days")) == fixed


@pytest.mark.parametrize(
    "holiday",
    [date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8), date(2022, 6, 2), date(2020, 5, 8)],
)
def test_one_off_and_moved_bank_holidays_are_not_working_days(holiday):
    assert not CAL.is_working_day(holiday)


def test_weekends_and_ordinary_days():
    assert not CAL.is_working_day(date(2024, 6, 1))  # Saturday
    assert not CAL.is_working_day(date(2024, 6, 2))  # Sunday
    assert CAL.is_working_day(date(2024, 6, 3))
    assert CAL.is_working_day(date(2024, 11, 29))  # St Andrew's Day is not an English holiday


def test_scotland_is_a_different_division():
    scotland = WorkingCalendar(division="scotland")
    assert not scotland.is_working_day(date(2024, 12, 2))  # St Andrew's Day (substitute)
    assert CAL.is_working_day(date(2024, 12, 2))


def test_day_zero_and_counting_back():
    assert CAL.add_working_days(date(2024, 6, 1), 0) == date(2024, 6, 1)
    assert CAL.add_working_days(date(2024, 4, 3), -5) == date(2024, 3, 25)  # skips Easter
    assert CAL.add_working_days(date(2024, 6, 1), -1) == date(2024, 5, 31)


def test_working_days_between():
    assert CAL.working_days_between(date(2024, 3, 28), date(2024, 4, 29)) == 20
    assert CAL.working_days_between(date(2024, 4, 29), date(2024, 3, 28)) == -20
    assert CAL.working_days_between(date(2024, 6, 1), date(2024, 6, 1)) == 0


def test_non_working_days_are_named_and_exclude_weekends():
    found = CAL.non_working_days(date(2024, 12, 20), date(2025, 1, 22))
    assert found == [
        (date(2024, 12, 25), "Christmas Day"),
        (date(2024, 12, 26), "Boxing Day"),
        (date(2025, 1, 1), "New Year's Day"),
    ]
    substitute = CAL.non_working_days(date(2022, 12, 20), date(2023, 1, 3))
    assert (date(2022, 12, 27), "Christmas Day (substitute day)") in substitute
    assert CAL.non_working_days(date(2024, 3, 28), date(2024, 3, 29)) == [
        (date(2024, 3, 29), "Good Friday")
    ]  # the end is inclusive, the start exclusive
    assert CAL.non_working_days(date(2024, 3, 29), date(2024, 3, 30)) == []


def test_gov_uk_names():
    names = dict(CAL.non_working_days(date(2023, 4, 28), date(2023, 8, 31)))
    assert names[date(2023, 5, 1)] == "Early May bank holiday"
    assert names[date(2023, 5, 29)] == "Spring bank holiday"
    assert names[date(2023, 8, 28)] == "Summer bank holiday"


def test_closure_days():
    closed = WorkingCalendar([date(2024, 12, 24), date(2024, 12, 28)])
    assert not closed.is_working_day(date(2024, 12, 24))
    assert closed.non_working_days(date(2024, 12, 23), date(2024, 12, 31)) == [
        (date(2024, 12, 24), "council closure day"),
        (date(2024, 12, 25), "Christmas Day"),
        (date(2024, 12, 26), "Boxing Day"),
    ]
    assert closed.add_working_days(date(2024, 12, 20), 2) == date(2024, 12, 27)
    assert "closures=2" in repr(closed)


def test_a_closure_on_a_bank_holiday_keeps_the_holiday_name():
    closed = WorkingCalendar([date(2024, 12, 25)])
    assert closed.non_working_days(date(2024, 12, 24), date(2024, 12, 25)) == [
        (date(2024, 12, 25), "Christmas Day")
    ]


@pytest.mark.parametrize(
    ("closures", "division", "message"),
    [
        ([datetime(2024, 12, 24, 9)], "england-and-wales", "must be a date"),
        (["2024-12-24"], "england-and-wales", "must be a date"),
        ([], "wales", "unknown calendar division"),
    ],
)
def test_bad_calendar_arguments(closures, division, message):
    with pytest.raises(ValueError, match=message):
        WorkingCalendar(closures, division=division)


def test_dates_far_outside_the_first_index_still_count():
    assert CAL.add_working_days(date(1900, 1, 5), 1) == date(1900, 1, 8)
    assert CAL.is_working_day(date(2099, 6, 1))
    assert CAL.working_days_between(date(1950, 1, 1), date(2150, 1, 1)) > 50_000
    far = CAL.add_working_days(date(2024, 1, 1), 100_000)
    assert CAL.working_days_between(date(2024, 1, 1), far) == 100_000
    back = CAL.add_working_days(date(2024, 1, 2), -100_000)
    assert CAL.working_days_between(back, date(2024, 1, 2)) == 100_000
    assert len(CAL.non_working_days(date(1901, 1, 1), date(1901, 12, 31))) > 0


def test_the_end_of_time_is_an_error_not_a_hang():
    calendar = WorkingCalendar()
    with pytest.raises(ValueError, match="outside the years"):
        calendar.add_working_days(date(9998, 12, 1), 100_000)


def test_add_and_subtract_every_unit():
    d = date(2024, 8, 31)
    assert CAL.add(d, Duration(6, "months")) == date(2025, 2, 28)
    assert CAL.subtract(d, Duration(6, "months")) == date(2024, 2, 29)
    assert CAL.add(d, Duration(28, "days")) == date(2024, 9, 28)
    assert CAL.subtract(d, Duration(28, "days")) == date(2024, 8, 3)
    assert CAL.subtract(date(2024, 4, 3), Duration(5, "working_days")) == date(2024, 3, 25)


# -- properties -------------------------------------------------------------------------------


@given(dates, st.integers(min_value=1, max_value=400))
def test_a_due_date_counted_in_working_days_is_a_working_day(start, n):
    assert CAL.is_working_day(CAL.add_working_days(start, n))
    assert CAL.is_working_day(CAL.add_working_days(start, -n))


@given(dates, st.integers(min_value=0, max_value=400))
def test_adding_and_counting_are_inverse(start, n):
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@given(dates, st.integers(min_value=1, max_value=400))
def test_counting_back_from_a_working_day_is_inverse(start, n):
    if CAL.is_working_day(start):
        assert CAL.working_days_between(start, CAL.add_working_days(start, -n)) == -n


@given(dates, dates)
def test_counting_then_adding_lands_on_a_later_working_day(start, end):
    if end >= start and CAL.is_working_day(end):
        assert CAL.add_working_days(start, CAL.working_days_between(start, end)) == end
    assert CAL.working_days_between(start, end) == -CAL.working_days_between(end, start)


@given(dates, st.integers(min_value=0, max_value=200), st.lists(dates, max_size=5))
def test_a_closure_never_makes_a_due_date_earlier(start, n, closures):
    closed = WorkingCalendar(closures)
    assert closed.add_working_days(start, n) >= CAL.add_working_days(start, n)
    assert closed.add_working_days(start, -n) <= CAL.add_working_days(start, -n)


@given(dates, st.integers(min_value=-240, max_value=240))
def test_add_months_is_relativedelta(start, months):
    assert add_months(start, months) == start + relativedelta(months=months)


@given(dates, dates)
def test_non_working_days_are_weekdays_inside_the_range(start, end):
    for day, name in CAL.non_working_days(start, end):
        assert start < day <= end
        assert day.weekday() < 5 and name
        assert not CAL.is_working_day(day)


@given(dates)
def test_working_day_is_monday_to_friday_less_holidays(day):
    named = {d for d, _ in CAL.non_working_days(day - timedelta(days=1), day)}
    assert CAL.is_working_day(day) == (day.weekday() < 5 and day not in named)


def test_a_closure_outside_the_first_index_counts_once_the_index_widens():
    calendar = WorkingCalendar([date(1980, 6, 2)])
    assert calendar.is_working_day(date(2024, 6, 3))
    assert not calendar.is_working_day(date(1980, 6, 2))


def test_each_holiday_is_named_once_in_an_explanation():
    from irohub.statutory.explain import non_working_note

    note = non_working_note(CAL, date(2023, 12, 1), date(2025, 1, 2))
    assert note.count("Christmas Day") == 1 and note.endswith("are not working days")
