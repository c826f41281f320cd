from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given

from irohub.statutory.participation import (
    ANY,
    ATTENDED,
    DIRECT,
    FOUR_PLUS,
    INDIRECT,
    NONE,
    NOT_ATTENDING_VIEWS_CONVEYED,
    PN_CODES,
    PN_LABELS,
    VIA_ADVOCATE,
    VIEWS_CONVEYED,
    age_on,
    birthday,
    pn0_expected,
    valid_codes,
)

from .conftest import dates

DOB = date(2020, 6, 15)


def test_age_in_completed_years():
    assert age_on(DOB, date(2024, 6, 14)) == 3
    assert age_on(DOB, date(2024, 6, 15)) == 4
    assert age_on(DOB, DOB) == 0


def test_leap_day_birthdays_fall_on_1_march():
    leap = date(2008, 2, 29)
    assert birthday(leap, 18) == date(2026, 3, 1)
    assert birthday(leap, 16) == date(2024, 2, 29)
    assert age_on(leap, date(2026, 2, 28)) == 17
    assert age_on(leap, date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
    ("review", "codes"),
    [
        (date(2024, 6, 14), ("PN0",)),  # the day before the 4th birthday
        (date(2024, 6, 15), ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")),  # on it
        (date(2030, 1, 1), ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")),
    ],
)
def test_pn0_from_date_of_birth(review, codes):
    assert valid_codes(DOB, review) == codes
    assert pn0_expected(DOB, review) == (codes == ("PN0",))


def test_a_local_pn0_age():
    assert pn0_expected(DOB, date(2024, 6, 15), under_age=5)


def test_groupings_match_metrics_md_2_8():
    assert {f"PN{n}" for n in range(8)} == PN_CODES
    assert PN_CODES - {"PN0"} == FOUR_PLUS
    assert {"PN1"} == DIRECT
    assert {"PN1", "PN2", "PN3", "PN4"} == ATTENDED
    assert {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6"} == ANY
    assert ANY - {"PN4"} == VIEWS_CONVEYED
    assert {"PN7"} == NONE
    assert {"PN5", "PN6"} == NOT_ATTENDING_VIEWS_CONVEYED
    assert {"PN2", "PN5"} == VIA_ADVOCATE
    assert {"PN2", "PN3", "PN4", "PN5", "PN6"} == INDIRECT
    assert set(PN_LABELS) == PN_CODES and all(PN_LABELS.values())


@given(dates, dates)
def test_age_agrees_with_birthdays(dob, on):
    if on >= dob:
        age = age_on(dob, on)
        assert birthday(dob, age) <= on < birthday(dob, age + 1)
        assert age_on(dob, on + timedelta(days=1)) in (age, age + 1)
