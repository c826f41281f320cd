"""Escalation metrics against a hand-computed council (2024-25, default Brent-style ladder:
informal 5 WD -> formal 10 WD -> Cafcass; the whole process 20 WD from the first stage).

  E1 A opened Mon 01/07/2024  informal 01/07-05/07, closed 05/07/2024 resolved      4 WD
     themes care_plan_unavailable, education
  E2 A opened Mon 02/09/2024  informal 02/09-09/09, formal 09/09; closed 14/10/2024
     compromise; due 30/09/2024 -> late, 30 WD; theme care_plan_unavailable
  E3 B opened Mon 03/02/2025  informal, formal 10/02, cafcass 03/03/2025; closed 20/03/2025
     cafcass_referral; due 03/03/2025 -> late, 33 WD; theme plo_drift
  E4 C opened Mon 10/03/2025  informal, still open (open at 31/03/2025); theme education
  E5 D good-practice alert 01/05/2024 (not a challenge)
  E6 A opened Fri 15/03/2024 (last year) informal; closed 10/04/2024 withdrawn; due 16/04/2024
     (Good Friday and Easter Monday skipped) -> in time, 16 WD
  E7 B opened Fri 20/12/2024, no stage rows (first stage), closed 10/01/2025 no outcome; due
     22/01/2025 (Christmas, Boxing Day, New Year's Day skipped) -> in time, 12 WD
  E8 C opened Tue 01/04/2025 (next year), informal, open

Raised: E1 E2 E3 E4 E7 = 5 for A B C; formal E2 E3, informal E1 E4 E7. Concluded in the year:
E1 E2 E3 E6 E7, in time E1 E6 E7 = 3/5 = 60.0%, working days 4 30 33 16 12 (median 16).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from irohub.escalations.models import Escalation, EscalationStage, EscalationTheme
from irohub.statutory.durations import Duration
from irohub.statutory.settings import EscalationSettings
from irohub.statutory.settings import EscalationStage as Stage

D = date
ESCALATION_IDS = [
    "escalation.raised.count", "escalation.children.count", "escalation.formal.count",
    "escalation.informal.count", "escalation.max_stage.count",
    "escalation.resolved_within_20wd.pct", "escalation.open.count", "escalation.by_theme.count",
    "escalation.outcome.count", "escalation.cafcass_referral.count",
    "escalation.good_practice_alerts.count",
]  # fmt: skip


def escalate(child, iro, eid, opened, *, closed=None, outcome="", themes=(), stages=(),
             good_practice=None):  # fmt: skip
    e = Escalation.objects.create(escalation_id=eid, child=child, iro=iro, opened_date=opened,
                                  closed_date=closed, outcome=outcome,
                                  good_practice=good_practice)  # fmt: skip
    for theme in themes:
        EscalationTheme.objects.create(escalation=e, theme=theme)
    for code, started, ended in stages:
        EscalationStage.objects.create(escalation=e, stage=code, started_date=started,
                                       ended_date=ended)  # fmt: skip
    return e


@pytest.fixture
def escalations(council):
    c = council
    a, b, cc, d = (c.child(x, dob=D(2012, 1, 1)) for x in "ABCD")
    iro = c.iro("I1")
    escalate(a, iro, "E1", D(2024, 7, 1), closed=D(2024, 7, 5), outcome="resolved",
             themes=["care_plan_unavailable", "education"],
             stages=[("informal", D(2024, 7, 1), D(2024, 7, 5))])  # fmt: skip
    escalate(a, iro, "E2", D(2024, 9, 2), closed=D(2024, 10, 14), outcome="compromise",
             themes=["care_plan_unavailable"],
             stages=[("informal", D(2024, 9, 2), D(2024, 9, 9)),
                     ("formal", D(2024, 9, 9), D(2024, 10, 14))])  # fmt: skip
    escalate(b, iro, "E3", D(2025, 2, 3), closed=D(2025, 3, 20), outcome="cafcass_referral",
             themes=["plo_drift"],
             stages=[("informal", D(2025, 2, 3), D(2025, 2, 10)),
                     ("formal", D(2025, 2, 10), D(2025, 3, 3)),
                     ("cafcass", D(2025, 3, 3), D(2025, 3, 20))])  # fmt: skip
    escalate(cc, iro, "E4", D(2025, 3, 10), themes=["education"],
             stages=[("informal", D(2025, 3, 10), None)])  # fmt: skip
    escalate(d, iro, "E5", D(2024, 5, 1), closed=D(2024, 5, 1), good_practice=True,
             themes=["other"])  # fmt: skip
    escalate(a, iro, "E6", D(2024, 3, 15), closed=D(2024, 4, 10), outcome="withdrawn",
             stages=[("informal", D(2024, 3, 15), D(2024, 4, 10))])  # fmt: skip
    escalate(b, iro, "E7", D(2024, 12, 20), closed=D(2025, 1, 10))
    escalate(cc, iro, "E8", D(2025, 4, 1), stages=[("informal", D(2025, 4, 1), None)])
    return c


def test_counts_leave_good_practice_alerts_out(escalations):
    r = escalations.metrics(ESCALATION_IDS)
    assert r["escalation.raised.count"].value == 5
    assert r["escalation.children.count"].value == 3
    assert r["escalation.children.count"].extra["children_with_formal"] == 2
    assert r["escalation.formal.count"].value == 2
    assert r["escalation.informal.count"].value == 3
    assert r["escalation.good_practice_alerts.count"].value == 1
    assert r["escalation.cafcass_referral.count"].value == 1


def test_highest_stage_reached_partitions_the_escalations_raised(escalations):
    result = escalations.metric("escalation.max_stage.count")
    assert result.value == {"informal": 3, "formal": 1, "cafcass": 1}
    assert sum(result.value.values()) == 5  # publication checks it against raised.count
    assert result.extra["resolved_within_limit"] == {"informal": 2, "formal": 0, "cafcass": 0}
    assert result.extra["names"]["cafcass"] == "Referral to Cafcass"


def test_resolved_within_20_working_days_of_the_clock_start(escalations):
    result = escalations.metric("escalation.resolved_within_20wd.pct")
    assert (result.value, result.numerator, result.denominator) == (60.0, 3, 5)
    assert result.extra["median_working_days"] == 16
    assert result.extra["max_working_days"] == 33
    assert result.extra["no_clock"] == 0
    assert result.extra["limit"] == "20 working days"


def test_open_at_the_year_end_and_the_live_list(escalations):
    result = escalations.metric("escalation.open.count", as_at=D(2025, 4, 8))
    assert result.value == 1
    assert result.extra["by_stage"] == {"informal": 1}
    live = result.extra["live"]
    # E4: 21 working days by Tue 08/04/2025, past the 20-day limit (07/04) and its stage limit
    assert [row["escalation_id"] for row in live] == ["E4", "E8"]
    assert live[0] == {
        "escalation_id": "E4", "iro_id": "I1", "opened": "2025-03-10", "stage": "informal",
        "working_days_elapsed": 21, "overall_due": "2025-04-07", "rag": "red",
    }  # fmt: skip
    assert live[1]["rag"] == "amber"  # 5 of its 5 informal working days used
    assert result.extra["live_breaching"] == 1
    assert "child" not in str(live)  # no child identifier in the live list


def test_themes_are_multi_select_and_most_frequent_first(escalations):
    value = escalations.metric("escalation.by_theme.count").value
    assert list(value)[:3] == ["care_plan_unavailable", "education", "plo_drift"]
    assert (value["care_plan_unavailable"], value["education"], value["plo_drift"]) == (2, 2, 1)
    assert value["other"] == 0  # E5's theme: a good-practice alert is not a challenge
    assert sum(value.values()) == 5


def test_outcomes_of_the_escalations_concluded_in_the_year(escalations):
    assert escalations.metric("escalation.outcome.count").value == {
        "resolved": 1, "compromise": 1, "difference_acknowledged": 0, "cafcass_referral": 1,
        "withdrawn": 1, "not_recorded": 1,
    }  # fmt: skip


def test_the_previous_year_counts_its_own_escalations(escalations):
    r = escalations.metrics(ESCALATION_IDS, year="2023-24", as_at=D(2024, 4, 1))
    assert r["escalation.raised.count"].value == 1  # E6
    assert r["escalation.open.count"].value == 1  # E6 still open at 31/03/2024
    assert r["escalation.outcome.count"].value["withdrawn"] == 0  # concluded in 2024-25


def test_clock_from_the_first_formal_stage(escalations):
    escalations.rules = replace(
        escalations.rules,
        escalation=replace(escalations.rules.escalation, clock_starts_at="first_formal_stage"),
    )
    result = escalations.metric("escalation.resolved_within_20wd.pct")
    # E2 formal 09/09/2024 + 20 WD = 07/10/2024 < 14/10: late; E3 formal 10/02/2025 + 20 WD =
    # 10/03/2025 < 20/03: late; E1, E6, E7 never went formal: no clock
    assert (result.numerator, result.denominator, result.extra["no_clock"]) == (0, 2, 3)


def test_a_local_ladder_with_two_informal_stages(escalations):
    ladder = (
        Stage("informal", "Practice alert (social worker)", Duration(5, "working_days"), True),
        Stage("formal", "Team manager", Duration(5, "working_days"), True),
        Stage("cafcass", "Referral to Cafcass"),
    )
    escalations.rules = replace(escalations.rules, escalation=EscalationSettings(stages=ladder))
    r = escalations.metrics(["escalation.formal.count", "escalation.informal.count"])
    assert (r["escalation.formal.count"].value, r["escalation.informal.count"].value) == (1, 4)


def test_a_cafcass_outcome_without_a_cafcass_stage_is_a_referral(council):
    child, iro = council.child("A", dob=D(2012, 1, 1)), council.iro("I1")
    escalate(child, iro, "X", D(2024, 6, 3), closed=D(2024, 7, 1), outcome="cafcass_referral",
             stages=[("formal", D(2024, 6, 3), D(2024, 7, 1))])  # fmt: skip
    assert council.metric("escalation.cafcass_referral.count").value == 1


def test_every_escalation_metric_exists_when_there_are_none(council):
    r = council.metrics(ESCALATION_IDS)
    assert r["escalation.raised.count"].value == 0
    assert r["escalation.resolved_within_20wd.pct"].value is None
    assert r["escalation.max_stage.count"].value == {"informal": 0, "formal": 0, "cafcass": 0}
    assert r["escalation.open.count"].extra["live"] == []


def test_the_family_costs_three_queries(escalations, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        escalations.metrics(ESCALATION_IDS)
