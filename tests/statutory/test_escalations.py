from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from irohub.statutory.durations import Duration
from irohub.statutory.escalations import StageHeld, escalation_clock
from irohub.statutory.settings import RuleSettings, load_rules

from .conftest import dates

OPENED = date(2024, 10, 1)  # a Tuesday; the informal 5 WD run to 08/10, 20 WD to 29/10
BRENT = RuleSettings()  # the defaults are Brent's ladder (rules.md E2)


def clock(stages, as_at, *, closed=None, rules=BRENT, opened=OPENED):
    return escalation_clock(opened, stages, rules=rules, as_at=as_at, closed=closed)


def test_brent_informal_stage_in_its_first_days_is_green():
    found = clock([StageHeld("informal", OPENED)], date(2024, 10, 3))
    assert (found.clock_start, found.overall_due) == (OPENED, date(2024, 10, 29))
    assert found.working_days_elapsed == 2 and not found.breached_overall
    informal = found.current
    assert (informal.code, informal.step_up_by, informal.working_days_used) == (
        "informal",
        date(2024, 10, 8),
        2,
    )
    assert informal.name == "Informal challenge (team manager)" and informal.informal
    assert found.rag == "green"


def test_last_working_day_of_a_stage_is_amber_then_red():
    assert clock([StageHeld("informal", OPENED)], date(2024, 10, 7)).rag == "amber"
    late = clock([StageHeld("informal", OPENED)], date(2024, 10, 9))
    assert late.current.breached and late.rag == "red"
    assert late.current.explain().endswith(
        "; 6 working days used by 09/10/2024; over its time limit."
    )


def test_stepping_up_in_time_then_the_formal_stage():
    stages = [
        StageHeld("informal", OPENED, date(2024, 10, 8)),
        StageHeld("formal", date(2024, 10, 8)),
    ]
    found = clock(stages, date(2024, 10, 21))
    informal, formal = found.stages
    assert not informal.breached and informal.working_days_used == 5
    assert formal.step_up_by == date(2024, 10, 22) and formal.working_days_used == 9
    assert found.current is formal and found.working_days_elapsed == 14
    assert found.rag == "amber"  # 9 of 10 working days of the formal stage used
    assert found.explain() == (
        "Escalation opened on 01/10/2024. The whole process must be completed within 20 working "
        "days of 01/10/2024, by 29/10/2024 (IRO Handbook ch.6); 14 working days used, within the "
        "limit. Current stage: Formal challenge (senior manager): started 08/10/2024; must step "
        "up or be resolved by 22/10/2024, 10 working days (local setting escalation.stages); "
        "9 working days used by 21/10/2024. Status: amber."
    )


def test_the_overall_20_working_days():
    stages = [
        StageHeld("informal", OPENED, date(2024, 10, 8)),
        StageHeld("formal", date(2024, 10, 8), date(2024, 10, 22)),
        StageHeld("cafcass", date(2024, 10, 22)),
    ]
    nearly = clock(stages, date(2024, 10, 24))
    assert nearly.working_days_elapsed == 17 and nearly.rag == "amber"
    assert nearly.current.step_up_by is None
    assert "no time limit for this stage" in nearly.current.explain()
    over = clock(stages, date(2024, 10, 30))
    assert over.breached_overall and over.rag == "red"
    assert "over the limit" in over.explain()


def test_a_closed_escalation():
    stages = [StageHeld("informal", OPENED, date(2024, 10, 4))]
    done = clock(stages, date(2024, 11, 30), closed=date(2024, 10, 4))
    assert done.closed == date(2024, 10, 4) and done.current is None
    assert done.working_days_elapsed == 3 and done.rag == "green"
    assert "Concluded on 04/10/2024." in done.explain()
    assert "ended 04/10/2024 after 3 working days" in done.stages[0].explain()
    overran = clock([StageHeld("informal", OPENED)], date(2024, 11, 30), closed=date(2024, 11, 1))
    assert overran.breached_overall and overran.rag == "red"
    assert overran.stages[0].ended is None and overran.stages[0].breached
    stage_only = clock(
        [StageHeld("informal", OPENED)], date(2024, 11, 30), closed=date(2024, 10, 10)
    )
    assert stage_only.stages[0].breached and stage_only.rag == "green"


def test_what_happens_after_as_at_has_not_happened_yet():
    stages = [
        StageHeld("informal", OPENED, date(2024, 10, 8)),
        StageHeld("formal", date(2024, 10, 8)),
    ]
    early = clock(stages, date(2024, 10, 4), closed=date(2024, 10, 20))
    assert early.closed is None and len(early.stages) == 1
    assert early.current.ended is None and early.current.code == "informal"


def test_e4_clock_from_the_first_formal_stage():
    rules = load_rules('[escalation]\nclock_starts_at = "first_formal_stage"')
    informal_only = clock([StageHeld("informal", OPENED)], date(2024, 10, 4), rules=rules)
    assert informal_only.clock_start is None and informal_only.overall_due is None
    assert informal_only.working_days_elapsed == 0 and not informal_only.breached_overall
    assert "start at the first formal stage" in informal_only.explain()
    stages = [
        StageHeld("informal", OPENED, date(2024, 10, 8)),
        StageHeld("formal", date(2024, 10, 8)),
    ]
    formal = clock(stages, date(2024, 10, 21), rules=rules)
    assert formal.clock_start == date(2024, 10, 8)
    assert formal.overall_due == date(2024, 11, 5) and formal.working_days_elapsed == 9


def test_a_local_ladder_and_unknown_stage_codes():
    rules = load_rules(
        '[escalation]\nmax_total = "30 days"\nstages = ['
        '{code = "tm", name = "Team manager", limit = "7 days"},'
        '{code = "hos", name = "Head of service"}]'
    )
    found = clock([StageHeld("tm", OPENED), StageHeld("director", date(2024, 10, 2))],
                  date(2024, 10, 3), rules=rules)  # fmt: skip
    assert [s.name for s in found.stages] == ["Team manager", "director"]
    assert found.stages[1].limit is None and found.current.code == "director"
    assert found.overall_due == date(2024, 10, 31)
    assert '(local setting escalation.max_total = "30 days")' in found.explain()
    assert found.rag == "green"
    nearly = clock([StageHeld("tm", OPENED, date(2024, 10, 2))], date(2024, 10, 26), rules=rules)
    assert nearly.rag == "amber"  # 25 of 30 calendar days
    tm = clock([StageHeld("tm", OPENED)], date(2024, 10, 7), rules=rules)
    assert tm.current.limit == Duration(7, "days") and tm.rag == "amber"  # 6 of 7 days


def test_stages_are_ordered_by_start_then_ladder():
    stages = [StageHeld("formal", OPENED), StageHeld("informal", OPENED)]
    assert [s.code for s in clock(stages, date(2024, 10, 2)).stages] == ["informal", "formal"]


@given(dates, st.integers(min_value=0, max_value=60))
def test_the_overall_clock_is_breached_exactly_after_its_due_date(opened, days):
    as_at = opened + timedelta(days=days)
    found = clock([StageHeld("informal", opened)], as_at, opened=opened)
    assert found.breached_overall == (as_at > found.overall_due)
    assert found.rag in {"green", "amber", "red"}
    if found.breached_overall:
        assert found.working_days_elapsed >= 20 and found.rag == "red"
    else:
        assert found.working_days_elapsed <= 20


def test_an_open_escalation_between_stages():
    found = clock([StageHeld("informal", OPENED, date(2024, 10, 4))], date(2024, 10, 7))
    assert found.current is None and found.closed is None
    assert found.explain().endswith("within the limit. Status: green.")
