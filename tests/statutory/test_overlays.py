from __future__ import annotations

from datetime import date

from irohub.statutory.overlays import FlagPeriod
from irohub.statutory.periods import Episode, periods_of_care
from irohub.statutory.reviews import ReviewHeld, local_overlay_timetable, review_timetable
from irohub.statutory.settings import RuleSettings, load_rules

MEDWAY = load_rules(
    "[reviews]\nlocal_overlays = ["
    '{flag = "dol_order", interval = "3 months"},'
    '{flag = "unregistered_placement", interval = "3 months"}]'
)
START = date(2024, 1, 8)


def care(end=None):
    [period] = periods_of_care([Episode("A", START, end, "S", "C2", "E4A" if end else None)])
    return period


def test_a_dol_order_is_reviewed_3_monthly_without_changing_statutory_compliance():
    reviews = [ReviewHeld(date(2024, 2, 1)), ReviewHeld(date(2024, 5, 1)),
               ReviewHeld(date(2024, 9, 10), basis="local")]  # fmt: skip
    flags = [FlagPeriod("dol_order", date(2024, 3, 1))]
    [local] = local_overlay_timetable(care(), reviews, flags, rules=MEDWAY, as_at=date(2024, 12, 1))
    assert (local.flag, local.start, local.end) == ("dol_order", date(2024, 3, 1), None)
    assert [(r.date, r.due_date, r.in_time, r.days_late) for r in local.reviews] == [
        (date(2024, 5, 1), date(2024, 6, 1), True, 0),  # 3 months from the order starting
        (date(2024, 9, 10), date(2024, 8, 1), False, 40),
    ]
    assert local.next_due == date(2024, 12, 10) and local.missed == ()
    assert "does not change statutory compliance" in local.reviews[1].explain()
    assert "40 days late" in local.reviews[1].explain()
    assert local.explain_next_due().startswith(
        "Next review due by 10/12/2024 under the local standard for dol_order: within 3 months "
        "of 10/09/2024"
    )
    statutory = review_timetable(care(), reviews, rules=MEDWAY, as_at=date(2024, 12, 1))
    assert [r.in_time for r in statutory.reviews] == [True, True]


def test_no_overlays_configured_means_nothing_to_report():
    flags = [FlagPeriod("dol_order", START)]
    assert (
        local_overlay_timetable(care(), [], flags, rules=RuleSettings(), as_at=date(2024, 6, 1))
        == []
    )


def test_missed_local_reviews_and_a_flag_that_ended():
    flags = (f for f in [FlagPeriod("unregistered_placement", date(2023, 6, 1), date(2024, 9, 30))])
    [local] = local_overlay_timetable(care(), [], flags, rules=MEDWAY, as_at=date(2024, 12, 1))
    assert local.start == START  # the flag began before this period of care
    assert local.missed == (date(2024, 4, 8), date(2024, 7, 8))
    assert local.next_due is None
    assert "No review is due under the local standard" in local.explain_next_due()


def test_flags_outside_the_period_or_after_as_at_are_ignored():
    flags = [
        FlagPeriod("dol_order", date(2023, 1, 1), date(2023, 6, 1)),  # before the period
        FlagPeriod("dol_order", date(2025, 1, 1)),  # after as_at
        FlagPeriod("cp_plan", START),  # no overlay for it
    ]
    assert local_overlay_timetable(care(), [], flags, rules=MEDWAY, as_at=date(2024, 12, 1)) == []


def test_the_local_clock_stops_at_the_end_of_care_and_the_18th_birthday():
    flags = [FlagPeriod("dol_order", START)]
    ended = local_overlay_timetable(care(date(2024, 5, 1)), [], flags, rules=MEDWAY,
                                    as_at=date(2024, 12, 1))  # fmt: skip
    assert ended[0].end == date(2024, 5, 1) and ended[0].missed == (date(2024, 4, 8),)
    adult = local_overlay_timetable(care(), [ReviewHeld(date(2024, 3, 1))], flags, rules=MEDWAY,
                                    as_at=date(2024, 3, 2), dob=date(2006, 4, 1))  # fmt: skip
    assert adult[0].end == date(2024, 3, 31)
    assert adult[0].next_due is None  # 01/06/2024 is after the last day in care


def test_an_open_flag_with_a_due_date_after_the_end_of_the_period():
    flags = [FlagPeriod("dol_order", START)]
    [local] = local_overlay_timetable(care(date(2024, 12, 31)), [ReviewHeld(date(2024, 11, 1))],
                                      flags, rules=MEDWAY, as_at=date(2024, 12, 1))  # fmt: skip
    assert local.next_due is None  # due 01/02/2025, after the period ends


def test_local_interval_in_working_days_names_the_holidays():
    rules = load_rules(
        '[reviews]\nlocal_overlays = [{flag = "dol_order", interval = "20 working days"}]'
    )
    flags = [FlagPeriod("dol_order", date(2024, 3, 28))]
    [local] = local_overlay_timetable(care(), [], flags, rules=rules, as_at=date(2024, 4, 1))
    assert local.next_due == date(2024, 4, 29)
    assert "Good Friday and Easter Monday are not working days" in local.explain_next_due()


def test_a_zero_interval_does_not_loop_forever():
    rules = load_rules('[reviews]\nlocal_overlays = [{flag = "dol_order", interval = "0 days"}]')
    flags = [FlagPeriod("dol_order", START)]
    [local] = local_overlay_timetable(care(), [], flags, rules=rules, as_at=date(2024, 12, 1))
    assert local.missed == (START,)
