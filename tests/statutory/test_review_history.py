"""Periods of care that began before irohub's records of reviews (`reviews_known_from`, decision
record 0004): the first known review is not assessed, later ones are timed from it, and no due
date before it (or invented from the unknown history) is reported as missed."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from irohub.statutory.periods import Episode, PeriodOfCare, periods_of_care
from irohub.statutory.review_history import inferred_sequence, latest_next_due
from irohub.statutory.review_plan import plan_for
from irohub.statutory.reviews import ReviewHeld, review_timetable, review_timetables
from irohub.statutory.settings import RuleSettings, load_rules

from .test_reviews import BY_DUE, FIRST_PART, RULE_VARIANTS, held, period

KNOWN_FROM = date(2022, 4, 1)  # the first 903 collection year, 2022-23
IN_CARE_SINCE = date(2019, 2, 3)  # a Sunday: first review due Fri 01/03/2019
RULES = RuleSettings()


def timetable(
    start,
    reviews=(),
    *,
    as_at,
    rules=RULES,
    end=None,
    known=KNOWN_FROM,
    dob=None,
    short_break=False,
):
    return review_timetable(
        period(start, end, short_break=short_break),
        reviews,
        rules=rules,
        as_at=as_at,
        dob=dob,
        reviews_known_from=known,
    )


def timing(review):
    return (review.review_type, review.due_date, review.in_time, review.days_late)


# -- worked examples ------------------------------------------------------------------------------


def test_the_first_known_review_is_not_assessed_and_the_next_is_timed_from_it():
    reviews = held(date(2022, 5, 12), date(2022, 11, 10), date(2023, 5, 20))
    tt = timetable(IN_CARE_SINCE, reviews, as_at=date(2023, 6, 1))
    first, second, third = tt.reviews
    # A first (01/03/2019) and a second (01/06/2019) review were due long before 01/04/2022.
    assert timing(first) == ("subsequent", None, None, None)
    assert (first.sequence, first.clock_from, first.known_from, first.assessed) == (
        3, None, KNOWN_FROM, False,
    )  # fmt: skip
    assert timing(second) == ("subsequent", date(2022, 11, 12), True, 0)
    assert second.clock_from == date(2022, 5, 12) and second.assessed
    assert timing(third) == ("subsequent", date(2023, 5, 10), False, 10)
    assert timetable(IN_CARE_SINCE, reviews[:1], as_at=date(2022, 6, 1)).explain_next_due() == (
        "Subsequent review due by 12/11/2022: within 6 months of the previous review on "
        "12/05/2022 (regulation 33(2))."
    )
    assert (tt.missed, tt.history_unknown, tt.known_from) == ((), False, KNOWN_FROM)
    assert (tt.next_due, tt.next_type) == (date(2023, 11, 20), "subsequent")


def test_without_a_known_from_date_the_whole_history_is_taken_as_known():
    tt = timetable(IN_CARE_SINCE, held(date(2022, 5, 12)), as_at=date(2022, 6, 1), known=None)
    [first] = tt.reviews
    assert timing(first) == ("first", date(2019, 3, 1), False, 1168)
    assert first.assessed and tt.known_from is None
    assert (
        review_timetable(
            period(IN_CARE_SINCE), held(date(2022, 5, 12)), rules=RULES, as_at=date(2022, 6, 1)
        )
        == tt
    )


def test_a_period_that_starts_on_or_after_the_known_from_date_is_timed_as_ever():
    reviews = held(date(2022, 4, 29), date(2022, 7, 29))
    for start in (KNOWN_FROM, date(2022, 4, 2)):
        known = timetable(start, reviews, as_at=date(2023, 6, 1))
        assert known == timetable(start, reviews, as_at=date(2023, 6, 1), known=None)
        assert known.known_from is None and all(r.assessed for r in known.reviews)


def test_type_of_the_first_known_review_is_inferred_from_the_timetable():
    # 14/02/2022: the first review was due 14/03/2022, before 01/04/2022, the second 14/06/2022.
    second = timetable(date(2022, 2, 14), held(date(2022, 5, 20), date(2022, 11, 18)),
                       as_at=date(2023, 1, 1))  # fmt: skip
    assert [timing(r) for r in second.reviews] == [
        ("second", None, None, None),
        ("subsequent", date(2022, 11, 20), True, 0),
    ]
    # 25/03/2022: Easter 2022 puts the first review's due date at 26/04/2022, after 01/04/2022.
    first = timetable(date(2022, 3, 25), held(date(2022, 4, 20)), as_at=date(2022, 5, 1))
    assert [timing(r) for r in first.reviews] == [("first", None, None, None)]
    assert (first.next_due, first.next_type) == (date(2022, 7, 20), "second")


def test_no_missed_due_dates_before_the_first_known_review():
    late = timetable(IN_CARE_SINCE, held(date(2023, 1, 10)), as_at=date(2023, 11, 1))
    assert [r.assessed for r in late.reviews] == [False]
    assert [m.due_date for m in late.missed] == [date(2023, 7, 10)]  # after it, as ever
    assert not late.history_unknown


def test_with_no_review_known_the_next_is_due_at_the_latest_six_months_after_the_eve():
    soon = timetable(IN_CARE_SINCE, as_at=date(2022, 6, 1))
    assert (soon.next_due, soon.next_type, soon.next_from) == (
        date(2022, 9, 30),
        "subsequent",
        None,
    )
    assert (soon.missed, soon.history_unknown, soon.overdue) == ((), False, False)
    late = timetable(IN_CARE_SINCE, as_at=date(2022, 11, 22))
    assert (late.next_due, late.missed, late.history_unknown, late.overdue) == (
        date(2022, 9, 30), (), True, True,
    )  # fmt: skip
    text = late.explain_next_due()
    assert text.startswith("Subsequent review due by 30/09/2022 at the latest: irohub's records")
    assert "6 months after a review held on 31/03/2022, the day before the records start" in text
    assert text.endswith("It is overdue: at least 53 days past that date on 22/11/2022.")


def test_a_period_that_ended_before_the_records_start_misses_nothing():
    gone = timetable(IN_CARE_SINCE, end=date(2021, 6, 1), as_at=date(2023, 1, 1))
    assert (gone.next_due, gone.missed, gone.history_unknown) == (None, (), False)
    everything = timetable(IN_CARE_SINCE, end=date(2021, 6, 1), as_at=date(2023, 1, 1), known=None)
    assert len(everything.missed) > 0  # what it would have invented


def test_a_period_that_ended_after_a_due_date_surely_passed_says_so():
    tt = timetable(IN_CARE_SINCE, end=date(2022, 12, 1), as_at=date(2023, 1, 1))
    assert (tt.next_due, tt.missed, tt.history_unknown) == (None, (), True)
    text = tt.explain_next_due()
    assert text.startswith("No review is due: the period of care ended on 01/12/2022 (E4A).")
    assert text.endswith(
        "A review fell due with none known: irohub's records of reviews start on 01/04/2022 and "
        "this period of care started before then, on 03/02/2019; the reviews before 01/04/2022 "
        "are not known, and none since is known."
    )


def test_the_eighteenth_birthday_bounds_the_unknown_history_too():
    adult_first = timetable(IN_CARE_SINCE, as_at=date(2023, 1, 1), dob=date(2004, 8, 1))
    assert (adult_first.next_due, adult_first.history_unknown) == (None, False)  # 18 on 01/08/22
    assert timetable(IN_CARE_SINCE, as_at=date(2023, 1, 1), dob=date(2004, 12, 1)).history_unknown


def test_a_period_whose_start_is_not_in_the_records_is_taken_to_be_long_running():
    """A 903 return holds only the episodes open in its year: a child whose placement changed on
    25/03/2022 shows a period starting then with RNE P, though it began long before."""
    [cut_short] = periods_of_care([Episode("A", date(2022, 3, 25), None, "P", "C2")])
    assert not cut_short.start_known
    tt = review_timetable(cut_short, held(date(2022, 4, 7), date(2022, 9, 30)), rules=RULES,
                          as_at=date(2023, 1, 1), reviews_known_from=KNOWN_FROM)  # fmt: skip
    assert [timing(r) for r in tt.reviews] == [
        ("subsequent", None, None, None),
        ("subsequent", date(2022, 10, 7), True, 0),
    ]
    text = tt.reviews[0].explain()
    assert (
        "started before then (its first episode in the records, on 25/03/2022, continues " in text
    )
    assert (
        "It is taken to be a subsequent review, as the start of the period is not in the " in text
    )
    none = review_timetable(cut_short, [], rules=RULES, as_at=date(2022, 5, 1),
                            reviews_known_from=KNOWN_FROM)  # fmt: skip
    assert (none.next_type, none.next_due) == ("subsequent", date(2022, 9, 30))
    # Built without its episodes (as the metrics do for a period known to start as recorded)
    assert PeriodOfCare("A", date(2022, 3, 25), None, (), False, 1).start_known


def test_explanation_of_a_review_that_is_not_assessed():
    tt = timetable(IN_CARE_SINCE, held(date(2022, 5, 12)), as_at=date(2022, 6, 1))
    assert tt.reviews[0].explain() == (
        "Subsequent review held on 12/05/2022: not assessed. irohub's records of reviews start on "
        "01/04/2022 and this period of care started before then, on 03/02/2019; the reviews "
        "before 01/04/2022 are not known, so this review's due date cannot be worked out. It is "
        "taken to be a subsequent review: a first and a second review would both have fallen due "
        "before 01/04/2022, had every review been held on its due date. The next review is timed "
        "from this one."
    )
    first = timetable(date(2022, 3, 25), held(date(2022, 4, 20)), as_at=date(2022, 5, 1))
    assert (
        "taken to be a first review: no review would have fallen due" in first.reviews[0].explain()
    )


def test_reviews_held_before_the_records_start_are_known_reviews():
    # Typed in by hand: the earliest is the first known one; those after it are timed.
    tt = timetable(
        date(2015, 1, 5), held(date(2021, 10, 1), date(2022, 3, 15)), as_at=date(2022, 5, 1)
    )
    assert [timing(r) for r in tt.reviews] == [
        ("subsequent", None, None, None),
        ("subsequent", date(2022, 4, 1), True, 0),
    ]
    # The first review was due 02/02/2015, the second 02/05/2015: both before 01/10/2021, but
    # none before a review held on 15/01/2015.
    early = timetable(date(2015, 1, 5), held(date(2015, 1, 15)), as_at=date(2015, 2, 1))
    assert early.reviews[0].review_type == "first"
    assert "no review would have fallen due before 15/01/2015" in early.reviews[0].explain()


def test_reviews_in_parts_and_the_due_basis_restart_from_the_first_known_review():
    parts = [ReviewHeld(date(2022, 5, 20), first_part_date=date(2022, 5, 12))]
    tt = timetable(IN_CARE_SINCE, parts + held(date(2022, 11, 14)), as_at=date(2023, 1, 1),
                   rules=FIRST_PART)  # fmt: skip
    assert tt.reviews[0].date == date(2022, 5, 12) and tt.reviews[1].due_date == date(2022, 11, 12)
    by_due = timetable(IN_CARE_SINCE, held(date(2022, 5, 12), date(2022, 11, 10)),
                       as_at=date(2023, 1, 1), rules=BY_DUE)  # fmt: skip
    assert by_due.reviews[1].due_date == date(2022, 11, 12)  # it has no due date to run from
    assert by_due.next_due == date(2023, 5, 12)  # then from the due date, as the setting says


def test_short_breaks_cite_regulation_48():
    tt = timetable(date(2022, 3, 25), as_at=date(2023, 5, 1), short_break=True)
    assert tt.next_due == date(2022, 9, 30) and tt.history_unknown
    assert "(regulation 48)" in tt.explain_next_due()


def test_when_a_long_first_timescale_is_the_latest_it_is_the_one_explained():
    rules = load_rules('[reviews]\nfirst = "300 days"')
    tt = timetable(date(2022, 3, 22), as_at=date(2022, 6, 1), rules=rules)
    assert tt.next_due == date(2023, 1, 16)
    assert latest_next_due(plan_for(rules), period(date(2022, 3, 22)), KNOWN_FROM)[1] == 1
    assert (
        "the latest it can be is 300 days after coming into care on 22/03/2022, had no review "
        'been held (local setting reviews.first = "300 days"; regulation 33(1) sets 20 working '
        "days)." in tt.explain_next_due()
    )


def test_batch_form_takes_one_known_from_date_for_every_period():
    items = [(period(IN_CARE_SINCE), held(date(2022, 5, 12)), None),
             (period(date(2022, 6, 1)), held(date(2022, 6, 29)), None)]  # fmt: skip
    batch = review_timetables(items, rules=RULES, as_at=date(2023, 1, 1),
                              reviews_known_from=KNOWN_FROM)  # fmt: skip
    single = [timetable(p.start, r, as_at=date(2023, 1, 1)) for p, r, _ in items]
    assert batch == single
    assert [r.assessed for t in batch for r in t.reviews] == [False, True]


# -- properties -----------------------------------------------------------------------------------

FROM_ACTUAL = [r for r in RULE_VARIANTS if r.reviews.next_due_from == "actual"]
known_froms = st.dates(min_value=date(2020, 4, 1), max_value=date(2024, 4, 1))
starts = st.dates(min_value=date(2015, 1, 1), max_value=date(2024, 3, 1))
review_lists = st.lists(
    st.builds(ReviewHeld, st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 11, 22)),
              st.booleans(), st.sampled_from(["reg33", "reg48", "local"])),
    max_size=10,
)  # fmt: skip
as_ats = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 22))


@given(starts, known_froms, review_lists, as_ats, st.sampled_from(RULE_VARIANTS), st.booleans())
def test_only_the_first_known_review_is_unassessed_and_nothing_is_missed_before_it(
    start, known, reviews, as_at, rules, short
):
    assume(start < known)
    tt = timetable(start, reviews, as_at=as_at, rules=rules, known=known, short_break=short)
    if not tt.reviews:
        assert tt.missed == () and tt.next_from is None
        return
    first, *later = tt.reviews
    assert not first.assessed and all(r.assessed for r in later)
    assert all(m.due_date > first.date for m in tt.missed) and not tt.history_unknown
    assert all(r.in_time == (r.date <= r.due_date) for r in later)
    assert [r.sequence for r in tt.reviews] == list(
        range(first.sequence, first.sequence + len(later) + 1)
    )


@given(starts, review_lists, as_ats, st.sampled_from(RULE_VARIANTS))
def test_a_known_from_date_on_or_before_the_start_changes_nothing(start, reviews, as_at, rules):
    plain = timetable(start, reviews, as_at=as_at, rules=rules, known=None)
    assert timetable(start, reviews, as_at=as_at, rules=rules, known=start) == plain
    assert (
        timetable(start, reviews, as_at=as_at, rules=rules, known=start - timedelta(days=400))
        == plain
    )


@given(
    starts,
    known_froms,
    st.lists(st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 11, 22)), max_size=6),
    st.sampled_from(FROM_ACTUAL),
    st.booleans(),
)
def test_reviews_held_on_their_due_dates_before_the_records_start_give_the_same_timing(
    start, known, after, rules, short
):
    """If the unknown reviews were held on their due dates (the inference's assumption), every
    review after the first known one is timed exactly as with the whole history."""
    assume(start < known)
    plan, before, day, sequence = plan_for(rules), [], start, 1
    while True:
        day = plan.due(short, sequence, day)
        if day >= known:
            break
        before.append(ReviewHeld(day))
        sequence += 1
    later = held(*sorted({d for d in after if d >= known}))
    whole = timetable(start, before + later, as_at=date(2026, 11, 22), rules=rules, known=None,
                      short_break=short)  # fmt: skip
    part = timetable(
        start, later, as_at=date(2026, 11, 22), rules=rules, known=known, short_break=short
    )
    seen = whole.reviews[len(before) :]
    assert len(seen) == len(part.reviews)
    if part.reviews:
        assert part.reviews[0].review_type == seen[0].review_type
        assert [timing(r) for r in part.reviews[1:]] == [timing(r) for r in seen[1:]]
        assert (part.next_due, part.missed) == (whole.next_due, whole.missed)


@given(
    starts,
    known_froms,
    st.lists(st.tuples(st.integers(min_value=1, max_value=3000), st.booleans()), max_size=8),
    st.integers(min_value=-100, max_value=900),
    st.sampled_from(FROM_ACTUAL),
    st.booleans(),
)
def test_the_latest_due_date_is_never_earlier_than_any_unknown_history_gives(
    start, known, gaps, after, rules, short
):
    """Whatever reviews were held before the records start, the next due date they give is on
    or before the one reported with none known, and a certainly-passed due date is missed."""
    assume(start < known)
    unknown = [ReviewHeld(start + timedelta(days=gap), extra) for gap, extra in gaps]
    unknown = [r for r in unknown if r.date < known]
    as_at = known + timedelta(days=after)
    whole = timetable(start, unknown, as_at=as_at, rules=rules, known=None, short_break=short)
    part = timetable(start, [], as_at=as_at, rules=rules, known=known, short_break=short)
    if whole.next_due is not None and part.next_due is not None:
        assert whole.next_due <= part.next_due
    if part.history_unknown:
        assert whole.missed


@given(starts, known_froms, st.sampled_from(RULE_VARIANTS), st.booleans())
def test_inferred_sequence_counts_the_due_dates_before(start, known, rules, short):
    assume(start < known)
    plan = plan_for(rules)
    sequence = inferred_sequence(plan, period(start, short_break=short), known)
    first = plan.due(short, 1, start)
    assert (sequence == 1) == (first >= known)
    if sequence == 3:
        assert plan.due(short, 2, first) < known
