from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from irohub.statutory.periods import Episode, PeriodOfCare, periods_of_care


def ep(start, end=None, rne="S", ls="C2", rec=None, child="A1", place="U4"):
    return Episode(child, start, end, rne, ls, rec, place)


def test_d4_a_period_runs_through_x1_endings_to_a_leaving_code():
    episodes = [
        ep(date(2023, 1, 10), date(2023, 3, 1), "S", "V2", "X1"),
        ep(date(2023, 3, 1), date(2023, 9, 1), "L", "C1", "X1"),
        ep(date(2023, 9, 1), date(2024, 2, 2), "P", "C2", "E4A"),
    ]
    [period] = periods_of_care(episodes)
    assert (period.start, period.end, period.number) == (date(2023, 1, 10), date(2024, 2, 2), 1)
    assert period.episodes == tuple(episodes)
    assert period.end_reason == "E4A"
    assert not period.short_break and period.start_known and period.problems == ()
    assert period.covers(date(2024, 2, 2)) and not period.covers(date(2024, 2, 3))


def test_an_open_period():
    [period] = periods_of_care([ep(date(2024, 3, 28))])
    assert period.end is None and period.end_reason is None
    assert period.covers(date(2030, 1, 1)) and not period.covers(date(2024, 3, 27))


def test_p1_p2_a_break_of_a_weekend_is_a_new_period():
    episodes = [
        ep(date(2024, 1, 8), date(2024, 5, 3), rec="E4B"),  # leaves on Friday
        ep(date(2024, 5, 6)),  # returns on Monday
    ]
    first, second = periods_of_care(episodes)
    assert (first.number, first.end, first.end_reason) == (1, date(2024, 5, 3), "E4B")
    assert (second.number, second.start, second.end) == (2, date(2024, 5, 6), None)


def test_p2_a_local_tolerance_keeps_a_short_break_in_one_period():
    episodes = [ep(date(2024, 1, 8), date(2024, 5, 3), rec="E4B"), ep(date(2024, 5, 6))]
    [period] = periods_of_care(episodes, break_in_care_min_days=7)
    assert period.end is None
    assert any("shorter than a break in care" in p for p in period.problems)
    assert any("RNE S inside a period" in p for p in period.problems)


def test_p3_transfer_in_from_another_authority_is_a_new_period():
    episodes = [
        ep(date(2022, 10, 1), date(2023, 3, 20), rec="E3"),  # care taken over by another LA
        ep(date(2023, 6, 1), rne="S"),
    ]
    assert [p.number for p in periods_of_care(episodes)] == [1, 2]


def test_p4_from_short_breaks_into_full_time_care_is_a_new_period():
    episodes = [
        ep(date(2024, 1, 5), date(2024, 1, 7), "S", "V3", "E4A"),
        ep(date(2024, 2, 2), date(2024, 2, 4), "S", "V3", "E4A"),
        ep(date(2024, 3, 1), date(2024, 4, 10), "S", "V4", "X1"),
        ep(date(2024, 4, 10), None, "L", "C1"),
    ]
    breaks, care = periods_of_care(episodes)
    assert breaks.short_break and breaks.episodes == tuple(episodes[:3])
    assert (breaks.start, breaks.end) == (date(2024, 1, 5), date(2024, 4, 10))
    assert breaks.end_reason == "X1" and breaks.problems == ()
    assert not care.short_break and care.start == date(2024, 4, 10) and care.number == 2
    assert any("RNE L, not S" in p for p in care.problems)


def test_reg_48_breaks_a_year_apart_are_separate_series():
    episodes = [
        ep(date(2022, 1, 5), date(2022, 1, 7), "S", "V3", "E4A"),
        ep(date(2023, 3, 1), date(2023, 3, 3), "S", "V3", "E4A"),
        ep(date(2023, 4, 1), date(2023, 4, 3), "S", "V3", "E4A"),
    ]
    series = periods_of_care(episodes)
    assert [len(p.episodes) for p in series] == [1, 2]
    assert all(p.short_break for p in series)
    [together] = periods_of_care(episodes, short_break_series_gap_days=1000)
    assert len(together.episodes) == 3


def test_full_time_care_then_short_breaks():
    episodes = [
        ep(date(2023, 1, 1), date(2023, 6, 1), rec="E4A"),
        ep(date(2023, 9, 1), date(2023, 9, 3), "S", "V3", "E4A"),
    ]
    care, breaks = periods_of_care(episodes)
    assert not care.short_break and breaks.short_break and breaks.number == 2


def test_any_order_and_many_children():
    episodes = [
        ep(date(2024, 5, 6), child="B"),
        ep(date(2023, 1, 1), date(2023, 2, 1), rec="E13", child="A"),
        ep(date(2024, 1, 8), date(2024, 5, 3), rec="E4B", child="B"),
        ep(date(2023, 5, 1), child="A"),
    ]
    found = periods_of_care(episodes)
    assert [(p.child, p.number, p.start) for p in found] == [
        ("A", 1, date(2023, 1, 1)),
        ("A", 2, date(2023, 5, 1)),
        ("B", 1, date(2024, 1, 8)),
        ("B", 2, date(2024, 5, 6)),
    ]
    assert periods_of_care(reversed(episodes)) == found
    assert periods_of_care([]) == []


# -- messy real data: never crash, say what is wrong -------------------------------------------


def test_continuation_after_a_gap_starts_a_new_period_and_is_reported():
    episodes = [ep(date(2023, 1, 1), date(2023, 2, 1), rec="E4A"), ep(date(2023, 3, 1), rne="P")]
    first, second = periods_of_care(episodes)
    assert second.start == date(2023, 3, 1)
    assert not second.start_known
    assert second.problems[0].startswith("the period's first episode (01/03/2023) has RNE P")


def test_x1_with_nothing_after_keeps_the_period_open():
    [period] = periods_of_care([ep(date(2023, 1, 1), date(2023, 2, 1), rec="X1")])
    assert period.end is None
    assert "has REC X1 but no episode follows" in period.problems[0]


def test_x1_followed_by_a_break_ends_the_period_and_is_reported():
    episodes = [ep(date(2023, 1, 1), date(2023, 2, 1), rec="X1"), ep(date(2023, 4, 1))]
    first, _ = periods_of_care(episodes)
    assert first.end == date(2023, 2, 1)
    assert "starts after a break in care" in first.problems[0]


def test_leaving_code_then_same_day_return():
    episodes = [ep(date(2023, 1, 1), date(2023, 2, 1), rec="E4A"), ep(date(2023, 2, 1), rne="S")]
    [period] = periods_of_care(episodes)
    assert (
        "has REC E4A (left care) but the child's next episode starts the same day"
        in (period.problems[0])
    )
    assert "RNE S inside a period" in period.problems[1]


def test_overlapping_episodes_stay_in_one_period():
    episodes = [
        ep(date(2023, 1, 1), date(2023, 12, 31), rec="E4A"),
        ep(date(2023, 2, 1), date(2023, 3, 1), "P", rec="X1"),  # inside the first
        ep(date(2023, 6, 1), date(2023, 7, 1), "P", rec="X1"),  # still inside the first
    ]
    [period] = periods_of_care(episodes)
    assert period.end == date(2023, 12, 31) and period.end_reason == "E4A"
    assert sum("overlaps" in p for p in period.problems) == 2


def test_an_open_episode_followed_by_another():
    episodes = [ep(date(2023, 1, 1)), ep(date(2023, 6, 1), date(2023, 7, 1), "P", rec="E4A")]
    [period] = periods_of_care(episodes)
    assert period.end is None
    assert "overlaps" in period.problems[0]


def test_short_breaks_overlapping_full_time_care_are_reported():
    episodes = [
        ep(date(2023, 1, 1), date(2023, 6, 1), rec="E4A"),
        ep(date(2023, 5, 1), date(2023, 5, 3), "S", "V3", "E4A"),
    ]
    care, breaks = periods_of_care(episodes)
    assert "overlaps the full-time care before it" in breaks.problems[0]


# -- properties ---------------------------------------------------------------------------------

RECS = st.sampled_from(["X1", "X1", "E4A", "E13", "E3", None])
RNES = st.sampled_from(["S", "P", "L", "T", "B", "U"])
LSS = st.sampled_from(["C2", "C1", "V2", "E1", "J1", "V3", "V4"])


@st.composite
def histories(draw, overlapping: bool = False):
    """903-shaped episode chains for a few children: random gaps (0 = same day), codes, ends."""
    episodes = []
    for child in draw(st.lists(st.sampled_from("ABCD"), min_size=1, max_size=4, unique=True)):
        day = draw(st.dates(min_value=date(2010, 1, 1), max_value=date(2020, 1, 1)))
        for _ in range(draw(st.integers(min_value=1, max_value=8))):
            length = draw(st.integers(min_value=1, max_value=400))
            end = day + timedelta(days=length)
            rec = draw(RECS)
            last = rec is None
            episodes.append(ep(day, None if last else end, draw(RNES), draw(LSS), rec, child))
            if last:
                break
            back = length + 5 if overlapping else 0
            day = end + timedelta(days=draw(st.integers(min_value=-back, max_value=60)))
    return draw(st.permutations(episodes))


def _check_cover_and_numbering(episodes, periods: list[PeriodOfCare]):
    grouped = [e for p in periods for e in p.episodes]
    assert sorted(grouped, key=repr) == sorted(episodes, key=repr)
    by_child: dict[str, list[PeriodOfCare]] = {}
    for period in periods:
        by_child.setdefault(period.child, []).append(period)
        assert all(e.child == period.child for e in period.episodes)
        assert all(e.short_break == period.short_break for e in period.episodes)
        assert period.start == min(e.start for e in period.episodes)
    for child_periods in by_child.values():
        assert [p.number for p in child_periods] == list(range(1, len(child_periods) + 1))
        assert [p.start for p in child_periods] == sorted(p.start for p in child_periods)
    return by_child


@given(histories(), st.integers(min_value=1, max_value=10))
def test_periods_cover_every_episode_once_and_never_overlap(episodes, min_days):
    periods = periods_of_care(episodes, break_in_care_min_days=min_days)
    for child_periods in _check_cover_and_numbering(episodes, periods).values():
        for earlier, later in zip(child_periods, child_periods[1:], strict=False):
            assert earlier.end is not None and earlier.end <= later.start


@given(histories(overlapping=True))
def test_messy_overlapping_data_never_crashes_and_loses_nothing(episodes):
    periods = periods_of_care(episodes)
    _check_cover_and_numbering(episodes, periods)
    for period in periods:
        assert all(isinstance(problem, str) and problem for problem in period.problems)
