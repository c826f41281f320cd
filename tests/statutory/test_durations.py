from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irohub.statutory.durations import UNITS, Duration


@pytest.mark.parametrize(
    ("text", "amount", "unit", "canonical"),
    [
        ("20 working days", 20, "working_days", "20 working days"),
        ("1 working day", 1, "working_days", "1 working day"),
        ("28 days", 28, "days", "28 days"),
        ("1 day", 1, "days", "1 day"),
        ("3 months", 3, "months", "3 months"),
        ("1 month", 1, "months", "1 month"),
        ("90 days", 90, "days", "90 days"),
        ("  6   Months ", 6, "months", "6 months"),
        ("0 days", 0, "days", "0 days"),
        ("+5 Working Days", 5, "working_days", "5 working days"),
    ],
)
def test_parse_and_canonical_text(text, amount, unit, canonical):
    duration = Duration.parse(text)
    assert duration == Duration(amount, unit)
    assert str(duration) == canonical


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-3 months", "negative"),
        ("20 wrking days", "unknown unit"),
        ("twenty days", "not a duration"),
        ("20", "not a duration"),
        ("", "not a duration"),
        ("3.5 months", "not a duration"),
        ("3 weeks", "unknown unit"),
    ],
)
def test_bad_text_is_rejected_with_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        Duration.parse(text)


def test_parse_needs_text():
    with pytest.raises(ValueError, match="must be text"):
        Duration.parse(20)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [(-1, "days", "negative"), (1, "weeks", "unknown duration unit"), (1.5, "days", "whole")],
)
def test_constructor_checks(amount, unit, message):
    with pytest.raises(ValueError, match=message):
        Duration(amount, unit)


def test_bool_is_not_an_amount():
    with pytest.raises(ValueError, match="whole number"):
        Duration(True, "days")  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(UNITS))
def test_text_round_trips(amount, unit):
    duration = Duration(amount, unit)
    assert Duration.parse(str(duration)) == duration


def test_in_working_days():
    assert Duration.parse("5 working days").in_working_days
    assert not Duration.parse("5 days").in_working_days
