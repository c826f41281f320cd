from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from irohub.statutory.periods import Episode, PeriodOfCare, periods_of_care
from irohub.statutory.review_plan import plan_for
from irohub.statutory.reviews import (
    AssessedReview,
    ReviewHeld,
    review_timetable,
    review_timetables,
)
from irohub.statutory.settings import RuleSettings, load_rules

from .conftest import AS_AT, dates
from .test_calendar import FIRST_REVIEW_VECTORS, MONTH_VECTORS

DAY_ONE = load_rules("[reviews]\nstart_is_day_zero = false")
BY_DUE = load_rules('[reviews]\nnext_due_from = "due"')
NO_RESET = load_rules("[reviews]\nextra_reviews_reset_clock = false")
FIRST_PART = load_rules('[reviews]\ndate_basis = "first_part"')
FIXED_DAYS = load_rules('[reviews]\nfirst = "28 days"\nsecond = "91 days"\nsubsequent = "182 days"')


def period(start, end=None, *, short_break=False, child="A1", rec="E4A") -> PeriodOfCare:
    ls = "V4" if short_break else "C2"
    [found] = periods_of_care([Episode(child, start, end, "S", ls, rec if end else None)])
    return found


def held(*days, **kwargs):
    return [ReviewHeld(day, **kwargs) for day in days]


def timetable(start, reviews=(), *, rules=None, as_at=AS_AT, end=None, dob=None, **kwargs):
    return review_timetable(
        period(start, end, **kwargs), reviews, rules=rules or RuleSettings(), as_at=as_at, dob=dob
    )


# -- rules.md §1.2 test vectors -------------------------------------------------------------------


@pytest.mark.parametrize(("start", "day_zero", "day_one"), FIRST_REVIEW_VECTORS)
def test_first_review_due_dates(start, day_zero, day_one):
    assert timetable(start, as_at=start).next_due == day_zero
    assert timetable(start, as_at=start, rules=DAY_ONE).next_due == day_one


@pytest.mark.parametrize(("previous", "months", "clamped", "fixed"), MONTH_VECTORS)
def test_second_and_subsequent_due_dates(previous, months, clamped, fixed):
    start = date(previous.year - 2, 1, 5)
    # With two reviews already held the next is "subsequent" (6 months); with one, "second".
    reviews = held(previous) if months == 3 else held(date(previous.year - 1, 12, 1), previous)
    assert timetable(start, reviews, as_at=previous).next_due == clamped
    fixed_rules = load_rules('[reviews]\nsecond = "91 days"\nsubsequent = "182 days"')
    assert timetable(start, reviews, as_at=previous, rules=fixed_rules).next_due == fixed


# -- A1-A8 ----------------------------------------------------------------------------------------


def test_a1_a7_a_review_on_its_due_date_is_in_time_and_types_follow_the_sequence():
    start = date(2024, 3, 28)
    tt = timetable(start, held(date(2024, 4, 29), date(2024, 7, 30), date(2025, 1, 30)))
    first, second, third = tt.reviews
    assert (first.review_type, first.due_date, first.in_time, first.days_late) == (
        "first",
        date(2024, 4, 29),
        True,
        0,
    )
    assert (second.review_type, second.due_date, second.in_time, second.days_late) == (
        "second",
        date(2024, 7, 29),
        False,
        1,
    )
    assert (third.review_type, third.due_date, third.in_time) == (
        "subsequent",
        date(2025, 1, 30),
        True,
    )
    assert [r.sequence for r in tt.reviews] == [1, 2, 3]
    assert tt.last_review == date(2025, 1, 30)


def test_a4_early_and_late_reviews_both_restart_the_clock():
    tt = timetable(
        date(2024, 1, 8), held(date(2024, 1, 20), date(2024, 6, 1)), as_at=date(2024, 6, 1)
    )
    early, late = tt.reviews
    assert early.in_time and late.due_date == date(2024, 4, 20)  # from the early review
    assert late.days_late == 42
    assert tt.next_due == date(2024, 12, 1)  # from the late review: no catch-up


def test_a4_alternative_counts_from_the_previous_due_date():
    tt = timetable(
        date(2024, 1, 8),
        held(date(2024, 1, 20), date(2024, 6, 1)),
        rules=BY_DUE,
        as_at=date(2024, 6, 1),
    )
    first, second = tt.reviews
    assert first.due_date == date(2024, 2, 5)
    assert second.due_date == date(2024, 5, 5)  # from the first review's due date
    assert tt.next_due == date(2024, 11, 5)
    assert tt.next_from == date(2024, 5, 5)


def test_a5_an_additional_review_counts_as_the_next_review():
    reviews = [ReviewHeld(date(2024, 2, 1)), ReviewHeld(date(2024, 3, 15), additional=True)]
    tt = timetable(date(2024, 1, 8), reviews, as_at=date(2024, 4, 1))
    assert [r.review_type for r in tt.reviews] == ["first", "second"]
    assert tt.reviews[1].additional
    assert tt.next_due == date(2024, 9, 15)
    assert "additional review" in tt.reviews[1].explain()


def test_a5_alternative_skips_additional_reviews():
    reviews = [ReviewHeld(date(2024, 2, 1)), ReviewHeld(date(2024, 3, 15), additional=True)]
    tt = timetable(date(2024, 1, 8), reviews, rules=NO_RESET, as_at=date(2024, 4, 1))
    assert [r.review_type for r in tt.reviews] == ["first"]
    assert tt.skipped == (reviews[1],)
    assert tt.next_due == date(2024, 5, 1)


def test_a6_reviews_held_in_parts():
    review = ReviewHeld(date(2024, 2, 12), first_part_date=date(2024, 2, 1))
    completed = timetable(date(2024, 1, 8), [review], as_at=date(2024, 3, 1)).reviews[0]
    assert completed.date == date(2024, 2, 12) and not completed.in_time
    first_part = timetable(date(2024, 1, 8), [review], rules=FIRST_PART, as_at=date(2024, 3, 1))
    assessed = first_part.reviews[0]
    assert (assessed.date, assessed.completed, assessed.in_time) == (
        date(2024, 2, 1),
        date(2024, 2, 12),
        True,
    )
    assert first_part.next_due == date(2024, 5, 1)  # the clock runs from the date used
    assert "started on 01/02/2024 and completed on 12/02/2024" in assessed.explain()
    plain = timetable(date(2024, 1, 8), held(date(2024, 2, 1)), rules=FIRST_PART, as_at=AS_AT)
    assert plain.reviews[0].date == date(2024, 2, 1)


def test_a8_leaving_care_before_a_review_falls_due():
    tt = timetable(date(2024, 1, 8), end=date(2024, 1, 20))
    assert tt.next_due is None and tt.next_type is None and tt.missed == ()
    assert tt.explain_next_due() == (
        "No review is due: the period of care ended on 20/01/2024 (E4A)."
    )


def test_leaving_care_on_the_due_date_misses_nothing_but_after_it_misses_the_review():
    on_the_day = timetable(date(2024, 1, 8), end=date(2024, 2, 5))
    assert on_the_day.missed == ()
    after = timetable(date(2024, 1, 8), end=date(2024, 2, 6))
    assert [(m.due_date, m.review_type) for m in after.missed] == [(date(2024, 2, 5), "first")]
    assert "Passed with no review: 05/02/2024." in after.explain_next_due()


def test_p1_a_new_period_restarts_with_a_first_review():
    episodes = [
        Episode("A", date(2023, 1, 2), date(2023, 6, 1), "S", "C2", "E4A"),
        Episode("A", date(2024, 3, 28), None, "S", "C2"),
    ]
    first, second = periods_of_care(episodes)
    reviews = held(date(2023, 1, 20), date(2023, 4, 1), date(2024, 4, 20))
    rules = RuleSettings()
    one = review_timetable(first, reviews, rules=rules, as_at=AS_AT)
    two = review_timetable(second, reviews, rules=rules, as_at=date(2024, 5, 1))
    assert [r.review_type for r in one.reviews] == ["first", "second"]
    assert one.outside == (reviews[2],)
    assert [r.review_type for r in two.reviews] == ["first"]
    assert two.next_due == date(2024, 7, 20) and two.next_type == "second"


def test_p5_no_review_is_due_on_or_after_the_18th_birthday():
    dob = date(2006, 9, 1)  # 18 on 01/09/2024
    tt = timetable(date(2023, 1, 9), held(date(2023, 2, 1), date(2023, 5, 1)), dob=dob,
                   as_at=date(2024, 2, 1))  # fmt: skip
    assert tt.next_due == date(2023, 11, 1) and tt.overdue
    late = timetable(date(2023, 1, 9), held(date(2023, 2, 1), date(2024, 4, 1)), dob=dob,
                     as_at=date(2024, 5, 1))  # fmt: skip
    assert late.next_due is None  # 01/10/2024 falls after the 18th birthday
    assert "18th birthday (01/09/2024)" in late.explain_next_due()
    adult = timetable(date(2023, 1, 9), held(date(2023, 2, 1), date(2024, 9, 2)), dob=dob)
    assert adult.next_due is None
    assert adult.outside == (ReviewHeld(date(2024, 9, 2)),)
    assert [m.due_date for m in adult.missed] == [date(2023, 5, 1), date(2023, 11, 1),
                                                  date(2024, 5, 1)]  # fmt: skip
    assert adult.explain_next_due().startswith(
        "No review is due: the child turned 18 on 01/09/2024 and is no longer looked after."
    )
    assert adult.eighteenth_birthday == date(2024, 9, 1)


def test_leap_day_birthday():
    tt = timetable(date(2023, 1, 9), dob=date(2008, 2, 29), as_at=date(2026, 2, 28))
    assert tt.eighteenth_birthday == date(2026, 3, 1) and tt.next_due is not None


# -- reg 48 short breaks and reg 33 bases ---------------------------------------------------------


def test_reg_48_first_review_within_3_months_then_6_monthly():
    start = date(2024, 1, 5)
    tt = timetable(start, held(date(2024, 4, 1), date(2024, 10, 1), basis="reg48"),
                   short_break=True)  # fmt: skip
    assert [(r.review_type, r.due_date, r.in_time) for r in tt.reviews] == [
        ("first", date(2024, 4, 5), True),
        ("second", date(2024, 10, 1), True),
    ]
    assert tt.next_due == date(2025, 4, 1)
    assert tt.reviews[0].explain() == (
        "First review held on 01/04/2024: in time. First review due by 05/04/2024: 3 months after "
        "the start of the first short break on 05/01/2024 (regulation 48)."
    )
    assert (
        tt.reviews[1]
        .explain()
        .endswith("within 6 months of the first review on 01/04/2024 (regulation 48).")
    )


def test_local_reviews_are_not_statutory_reviews():
    reviews = [ReviewHeld(date(2024, 1, 20), basis="local"), ReviewHeld(date(2024, 2, 1))]
    tt = timetable(date(2024, 1, 8), reviews, as_at=date(2024, 3, 1))
    assert [r.completed for r in tt.reviews] == [date(2024, 2, 1)]


def test_unknown_basis_is_rejected():
    with pytest.raises(ValueError, match="unknown review basis"):
        ReviewHeld(date(2024, 1, 1), basis="reg34")


def test_fixed_days_mode():
    tt = timetable(date(2024, 3, 28), held(date(2024, 4, 25), date(2024, 7, 25)), rules=FIXED_DAYS,
                   as_at=date(2024, 8, 1))  # fmt: skip
    assert [r.due_date for r in tt.reviews] == [date(2024, 4, 25), date(2024, 7, 25)]
    assert tt.next_due == date(2025, 1, 23)
    assert (
        tt.reviews[0]
        .explain()
        .endswith(
            '28 days after coming into care on 28/03/2024 (local setting reviews.first = "28 days"; '
            "regulation 33(1) sets 20 working days)."
        )
    )


def test_reviews_outside_the_period_or_after_as_at():
    reviews = held(date(2024, 1, 1), date(2024, 2, 1), date(2024, 9, 1))
    tt = timetable(date(2024, 1, 8), reviews, end=date(2024, 6, 1), as_at=date(2024, 8, 1))
    assert [r.completed for r in tt.reviews] == [date(2024, 2, 1)]
    assert tt.outside == (reviews[0],)  # 01/09/2024 is after as_at: not held yet, not reported
    assert tt.next_due is None  # ended 01/06/2024, after the second review fell due unheld:
    assert [(m.due_date, m.review_type) for m in tt.missed] == [(date(2024, 5, 1), "second")]


def test_missed_due_dates_run_on_from_each_other_and_next_due_is_the_overdue_one():
    tt = timetable(date(2024, 1, 8), held(date(2024, 2, 1)), as_at=date(2025, 3, 1))
    assert [(m.due_date, m.review_type) for m in tt.missed] == [
        (date(2024, 5, 1), "second"),
        (date(2024, 11, 1), "subsequent"),
    ]
    assert (tt.next_due, tt.next_type) == (date(2024, 5, 1), "second")
    assert tt.overdue
    assert tt.explain_next_due().endswith(
        "It is overdue: 304 days past the due date on 01/03/2025."
    )


def test_a_zero_interval_does_not_loop_forever():
    rules = load_rules('[reviews]\nsubsequent = "0 days"')
    tt = timetable(date(2024, 1, 8), held(date(2024, 2, 1), date(2024, 4, 1)), rules=rules)
    assert [m.due_date for m in tt.missed] == [date(2024, 4, 1)]


def test_day_one_with_calendar_months_and_days():
    months = load_rules("[reviews]\nstart_is_day_zero = false")
    tt = timetable(date(2024, 1, 5), rules=months, as_at=date(2024, 1, 5), short_break=True)
    assert tt.next_due == date(2024, 4, 4)
    days = load_rules('[reviews]\nstart_is_day_zero = false\nfirst = "28 days"')
    assert timetable(date(2024, 1, 5), rules=days, as_at=date(2024, 1, 5)).next_due == date(
        2024, 2, 1
    )
    zero = load_rules('[reviews]\nstart_is_day_zero = false\nfirst = "0 months"')
    assert timetable(date(2024, 1, 5), rules=zero, as_at=date(2024, 1, 5)).next_due == date(
        2024, 1, 5
    )
    assert (
        "counting that day as day 1"
        in timetable(date(2024, 3, 28), rules=DAY_ONE).explain_next_due()
    )


# -- explanations ---------------------------------------------------------------------------------


def test_explanations_in_plain_english():
    tt = timetable(date(2024, 3, 28), as_at=date(2024, 4, 2))
    assert tt.explain_next_due() == (
        "First review due by 29/04/2024: 20 working days after coming into care on 28/03/2024 "
        "(regulation 33(1)); Good Friday and Easter Monday are not working days."
    )
    tt = timetable(date(2024, 10, 1), held(date(2024, 10, 28), date(2024, 11, 30)), as_at=AS_AT)
    assert tt.reviews[1].explain() == (
        "Second review held on 30/11/2024: in time. Second review due by 28/01/2025: within "
        "3 months of the first review on 28/10/2024 (regulation 33(2))."
    )
    late = timetable(date(2024, 1, 8), held(date(2024, 2, 1), date(2024, 5, 2), date(2024, 11, 4)))
    assert late.reviews[2].explain() == (
        "Subsequent review held on 04/11/2024: 2 days late. Subsequent review due by 02/11/2024: "
        "within 6 months of the previous review on 02/05/2024 (regulation 33(2))."
    )
    assert "1 day late" in late.reviews[1].explain()


def test_explanation_for_the_due_basis():
    tt = timetable(date(2024, 1, 8), held(date(2024, 1, 20)), rules=BY_DUE, as_at=date(2024, 2, 1))
    assert tt.explain_next_due() == (
        "Second review due by 05/05/2024: within 3 months of the date the first review was due, "
        '05/02/2024 (regulation 33(2); local setting reviews.next_due_from = "due").'
    )


def test_explanation_names_a_council_closure_day():
    rules = load_rules('[calendar]\nclosures = ["2024-04-02"]')
    text = timetable(date(2024, 3, 28), rules=rules, as_at=date(2024, 3, 28)).explain_next_due()
    assert text.endswith(
        "Good Friday, Easter Monday and a council closure day on 02/04/2024 are not working days."
    )
    one = timetable(date(2024, 4, 2), rules=rules, as_at=date(2024, 4, 2)).explain_next_due()
    assert "not working days" not in one
    single = timetable(date(2024, 8, 1), as_at=date(2024, 8, 1)).explain_next_due()
    assert single.endswith("; Summer bank holiday is not a working day.")


# -- the batch form -------------------------------------------------------------------------------


def test_batch_is_the_same_as_one_at_a_time():
    items = [
        (period(date(2024, 1, 8)), held(date(2024, 2, 1)), None),
        (period(date(2023, 1, 8), date(2023, 3, 1)), [], date(2010, 1, 1)),
    ]
    rules = RuleSettings()
    batch = review_timetables(items, rules=rules, as_at=AS_AT)
    single = [review_timetable(p, r, rules=rules, as_at=AS_AT, dob=d) for p, r, d in items]
    assert batch == single
    assert review_timetables([], rules=rules, as_at=AS_AT) == []


# -- properties -----------------------------------------------------------------------------------

RULE_VARIANTS = [RuleSettings(), DAY_ONE, BY_DUE, NO_RESET, FIRST_PART, FIXED_DAYS]
review_lists = st.lists(
    st.builds(
        ReviewHeld,
        st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 22)),
        st.booleans(),
        st.sampled_from(["reg33", "reg33", "reg48", "local"]),
        st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 22)),
    ),
    max_size=12,
)
starts = st.dates(min_value=date(2019, 6, 1), max_value=date(2025, 1, 1))


@given(starts, review_lists, st.randoms(), st.sampled_from(RULE_VARIANTS), st.booleans())
def test_timeliness_does_not_depend_on_the_order_reviews_are_given(
    start, reviews, shuffler, rules, short
):
    shuffled = list(reviews)
    shuffler.shuffle(shuffled)
    one = timetable(start, reviews, rules=rules, short_break=short)
    two = timetable(start, shuffled, rules=rules, short_break=short)
    assert one.reviews == two.reviews
    assert (one.next_due, one.missed) == (two.next_due, two.missed)


@given(
    st.sampled_from(RULE_VARIANTS),
    st.booleans(),
    st.integers(min_value=1, max_value=4),
    dates,
    st.integers(min_value=0, max_value=400),
)
def test_a_later_previous_review_never_gives_an_earlier_due_date(rules, short, sequence, day, gap):
    plan = plan_for(rules)
    later = day + timedelta(days=gap)
    assert plan.due(short, sequence, later) >= plan.due(short, sequence, day)


@given(
    starts,
    st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=200),
    st.sampled_from(RULE_VARIANTS),
)
def test_moving_the_last_review_later_never_brings_the_next_due_date_forward(
    start, gaps, extra, rules
):
    days, day = [], start
    for gap in gaps:
        day += timedelta(days=gap)
        days.append(day)
    assume(days[-1] + timedelta(days=extra) <= AS_AT)  # a review after as_at is not held yet
    base = timetable(start, held(*days), rules=rules)
    later = timetable(start, held(*days[:-1], days[-1] + timedelta(days=extra)), rules=rules)
    if base.next_due is not None and later.next_due is not None:
        assert later.next_due >= base.next_due


@given(starts, review_lists, st.lists(dates, max_size=6), st.sampled_from(RULE_VARIANTS))
def test_adding_a_non_working_day_never_makes_a_due_date_earlier(start, reviews, closures, rules):
    closed = replace(rules, calendar=replace(rules.calendar, closures=tuple(sorted(set(closures)))))
    plain, fewer_days = (
        timetable(start, reviews, rules=rules),
        timetable(start, reviews, rules=closed),
    )
    for a, b in zip(plain.reviews, fewer_days.reviews, strict=True):
        if a.sequence == 1 or rules.reviews.next_due_from == "due":
            assert b.due_date >= a.due_date
    if plain.next_due is not None and fewer_days.next_due is not None and not plain.reviews:
        assert fewer_days.next_due >= plain.next_due


@given(starts, review_lists)
def test_every_review_is_counted_once_somewhere(start, reviews):
    tt = timetable(start, reviews, end=date(2025, 6, 1), as_at=date(2025, 12, 1))
    statutory = [r for r in reviews if r.basis != "local" and r.date <= date(2025, 12, 1)]
    assert len(tt.reviews) + len(tt.outside) + len(tt.skipped) == len(statutory)
    assert all(r.days_late == max(0, (r.date - r.due_date).days) for r in tt.reviews)
    assert all(r.in_time == (r.date <= r.due_date) for r in tt.reviews)


def test_assessed_reviews_are_ordinary_frozen_dataclasses():
    from dataclasses import FrozenInstanceError, asdict, fields

    assessed = timetable(date(2024, 1, 8), held(date(2024, 2, 1))).reviews[0]
    again = AssessedReview(**{f.name: getattr(assessed, f.name) for f in fields(assessed)})
    assert again == assessed and hash(again) == hash(assessed) and repr(again) == repr(assessed)
    assert asdict(assessed)["due_date"] == date(2024, 2, 5)
    with pytest.raises(FrozenInstanceError):
        assessed.in_time = False  # type: ignore[misc]


def test_p6_short_break_reviews_follow_reg_48_whatever_their_label():
    reviews = held(date(2024, 4, 1))  # recorded without statutory_basis = reg48
    breaks = timetable(date(2024, 1, 5), reviews, short_break=True, as_at=date(2024, 5, 1))
    assert breaks.basis == "reg48" and breaks.reviews[0].basis == "reg48"
    assert breaks.reviews[0].due_date == date(2024, 4, 5)
    care = timetable(date(2024, 1, 5), held(date(2024, 2, 1)), as_at=date(2024, 5, 1))
    assert care.basis == "reg33" and care.reviews[0].basis == "reg33"


def test_settings_built_in_code_with_lists_still_work():
    rules = replace(
        RuleSettings(), calendar=replace(RuleSettings().calendar, closures=[date(2024, 4, 2)])
    )
    assert rules.calendar.closures == (date(2024, 4, 2),)
    listy = replace(rules, midway=replace(rules.midway, window=[0.4, 0.6]))  # unhashable
    assert timetable(date(2024, 3, 28), rules=listy, as_at=date(2024, 3, 28)).next_due == date(
        2024, 4, 30
    )
