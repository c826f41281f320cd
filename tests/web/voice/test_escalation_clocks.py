"""Escalations through their services: clocks across bank holidays and stage changes, the
dates each stage must step up by, breach detection, Cafcass referrals, and the escalation
metrics counting what the pages raise.

Worked by hand over Christmas 2026 (England): 25 December is a Friday, Boxing Day a Saturday
so its bank holiday is Monday 28 December, and 1 January 2027 a Friday.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from irohub.audit.models import AuditEvent
from irohub.escalations import selectors, services
from irohub.escalations.models import Escalation, EscalationStage
from irohub.reporting.metrics import ReportingPeriod, compute
from irohub.statutory.settings import RuleSettings, load_rules

D = dt.date
RULES = RuleSettings.default()
OPENED = D(2026, 12, 21)  # a Monday


def _raise(child, iro, *, kind="informal", opened=OPENED, today=OPENED, rules=RULES, **extra):
    extra.setdefault("themes", ["care_plan_unavailable"])
    extra.setdefault("summary", "No updated care plan before the review.")
    return services.raise_escalation(
        child=child, iro=iro, kind=kind, opened=opened, today=today, rules=rules, by=None, **extra
    )


def _live(escalation, as_at, rules=RULES):
    fresh = selectors.with_details(Escalation.objects.filter(pk=escalation.pk)).get()
    return selectors.live(fresh, rules=rules, as_at=as_at)


@pytest.mark.django_db
def test_informal_stage_steps_up_by_its_fifth_working_day_over_christmas(children, iro):
    escalation = _raise(children[0], iro)
    row = _live(escalation, D(2026, 12, 22))
    stage = row.clock.current
    assert stage.code == "informal"
    # 22, 23, 24 December, then 29 and 30: Christmas Day and the Boxing Day holiday skipped.
    assert stage.step_up_by == D(2026, 12, 30)
    assert row.clock.overall_due == D(2027, 1, 21)
    assert "Christmas Day" in stage.explain() and "Boxing Day" in stage.explain()
    assert row.due == D(2026, 12, 30) and row.days_left == 4
    assert row.tag.text == "On time"


@pytest.mark.django_db
def test_clock_goes_amber_with_one_working_day_left_then_red_once_passed(children, iro):
    escalation = _raise(children[0], iro)
    amber = _live(escalation, D(2026, 12, 29))  # 4 of 5 used
    assert amber.clock.rag == "amber" and amber.tag.text == "Due soon"
    assert amber.days_left == 1 and amber.days_left_words == "1 working day left"
    due = _live(escalation, D(2026, 12, 30))
    assert (
        due.days_left == 0 and due.days_left_words == "due today" and not due.clock.current.breached
    )
    red = _live(escalation, D(2026, 12, 31))
    assert red.clock.current.breached and red.clock.rag == "red" and red.tag.text == "Overdue"
    assert red.days_left == -1 and red.days_left_words == "1 working day over"


@pytest.mark.django_db
def test_stepping_up_ends_the_stage_and_starts_the_next_clock(children, iro):
    escalation = _raise(children[0], iro)
    services.step_up(escalation=escalation, stage="formal", on=D(2026, 12, 30),
                     today=D(2026, 12, 30), rules=RULES, by=None)  # fmt: skip
    stages = list(EscalationStage.objects.filter(escalation=escalation).order_by("started_date"))
    assert [(s.stage, s.started_date, s.ended_date) for s in stages] == [
        ("informal", OPENED, D(2026, 12, 30)),
        ("formal", D(2026, 12, 30), None),
    ]
    row = _live(escalation, D(2027, 1, 4))
    # Formal: 10 working days from 30 December: 31 Dec, 4-8 Jan, 11-14 Jan (1 January skipped).
    assert row.clock.current.code == "formal" and row.clock.current.step_up_by == D(2027, 1, 14)
    assert not row.clock.stages[0].breached  # stepped up on its last day: in time
    assert row.due == D(2027, 1, 14)
    # The overall clock kept running from the day it was raised.
    assert row.clock.overall_due == D(2027, 1, 21) and row.clock.working_days_elapsed == 7


@pytest.mark.django_db
def test_a_stage_that_overran_stays_red_on_its_own_line(children, iro):
    escalation = _raise(children[0], iro)
    services.step_up(escalation=escalation, stage="formal", on=D(2027, 1, 4),
                     today=D(2027, 1, 4), rules=RULES, by=None)  # fmt: skip
    row = _live(escalation, D(2027, 1, 5))
    assert row.clock.stages[0].breached  # informal was due 30 December
    assert row.clock.rag == "green"  # the current stage and the overall clock are in time


@pytest.mark.django_db
def test_overall_breach_when_the_whole_process_runs_past_twenty_working_days(children, iro):
    escalation = _raise(children[0], iro)
    services.step_up(escalation=escalation, stage="formal", on=D(2026, 12, 30),
                     today=D(2026, 12, 30), rules=RULES, by=None)  # fmt: skip
    row = _live(escalation, D(2027, 1, 22))
    assert row.clock.breached_overall and row.tag.text == "Overdue"
    assert "over the limit" in row.clock.explain()


@pytest.mark.django_db
def test_a_formal_challenge_starts_at_the_formal_stage(children, iro):
    escalation = _raise(children[0], iro, kind="formal")
    row = _live(escalation, OPENED)
    assert row.clock.current.code == "formal" and row.kind == "Formal challenge"
    assert row.clock.current.step_up_by == D(2027, 1, 7)


@pytest.mark.django_db
def test_local_ladder_from_the_rules_in_force(children, iro):
    rules = load_rules(
        '[escalation]\nmax_total = "15 working days"\nstages = ['
        '{ code = "tm", name = "Practice alert (team manager)", limit = "3 working days", informal = true },'
        '{ code = "hos", name = "Head of service", limit = "5 working days" },'
        '{ code = "dcs", name = "Director", limit = "5 working days" },'
        '{ code = "cafcass", name = "Referral to Cafcass" } ]\n'
    )
    escalation = _raise(children[0], iro, rules=rules)
    row = _live(escalation, OPENED, rules)
    assert row.clock.current.name == "Practice alert (team manager)"
    assert row.clock.current.step_up_by == D(2026, 12, 24)
    # A manager may skip a stage; the Cafcass referral is not a step but an outcome.
    services.step_up(escalation=escalation, stage="dcs", on=D(2026, 12, 22),
                     today=D(2026, 12, 22), rules=rules, by=None)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.step_up(escalation=escalation, stage="cafcass", on=D(2026, 12, 23),
                         today=D(2026, 12, 23), rules=rules, by=None)  # fmt: skip
    assert "stage" in error.value.message_dict


@pytest.mark.django_db
def test_cafcass_referral_is_an_outcome_and_a_stage(children, iro):
    escalation = _raise(children[0], iro, kind="formal")
    services.conclude(escalation=escalation, outcome="cafcass_referral", on=D(2027, 1, 8),
                      notes="Plan drifting; referred.", today=D(2027, 1, 8), rules=RULES,
                      by=None)  # fmt: skip
    escalation.refresh_from_db()
    assert escalation.closed_date == D(2027, 1, 8) and escalation.outcome == "cafcass_referral"
    stages = dict(
        EscalationStage.objects.filter(escalation=escalation).values_list("stage", "ended_date")
    )
    assert stages == {"formal": D(2027, 1, 8), "cafcass": D(2027, 1, 8)}
    row = _live(escalation, D(2027, 2, 1))
    assert row.tag.text == "Concluded" and row.days_left is None


@pytest.mark.django_db
def test_dates_and_states_the_process_does_not_allow(children, iro):
    with pytest.raises(ValidationError) as error:
        _raise(children[0], iro, opened=D(2026, 12, 22), today=D(2026, 12, 21))
    assert "opened" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _raise(children[0], iro, themes=[])
    assert "themes" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _raise(children[0], iro, themes=["not_a_theme"])
    assert "not_a_theme" in str(error.value)
    escalation = _raise(children[0], iro)
    with pytest.raises(ValidationError):  # before the stage it follows
        services.step_up(escalation=escalation, stage="formal", on=D(2026, 12, 18),
                         today=D(2026, 12, 22), rules=RULES, by=None)  # fmt: skip
    services.conclude(escalation=escalation, outcome="resolved", on=D(2026, 12, 22), notes="",
                      today=D(2026, 12, 22), rules=RULES, by=None)  # fmt: skip
    with pytest.raises(ValidationError):  # already concluded
        services.conclude(escalation=escalation, outcome="resolved", on=D(2026, 12, 23),
                          notes="", today=D(2026, 12, 23), rules=RULES, by=None)  # fmt: skip
    assert Escalation.objects.count() == 1


@pytest.mark.django_db
def test_ids_follow_the_highest_esc_number_and_every_write_is_audited(children, iro):
    Escalation.objects.create(escalation_id="ESC00041", child=children[1], iro=iro,
                              opened_date=D(2026, 1, 5))  # fmt: skip
    Escalation.objects.create(escalation_id="LEGACY-7", child=children[1], iro=iro,
                              opened_date=D(2026, 1, 5))  # fmt: skip
    first = _raise(children[0], iro)
    second = _raise(children[0], iro, kind="good_practice", themes=[])
    assert (first.escalation_id, second.escalation_id) == ("ESC00042", "ESC00043")
    assert second.good_practice and second.closed_date == OPENED
    assert not second.stages.exists()
    actions = list(
        AuditEvent.objects.filter(target_type=services.TARGET).values_list("action", "target_id")
    )
    assert sorted(actions) == [("raised", "ESC00042"), ("raised", "ESC00043")]


@pytest.mark.django_db
def test_escalation_metrics_count_what_the_pages_raise(children, iro):
    """Raised, formal/informal, Cafcass, themes, alerts and the live list, from the metric
    functions the dashboard and annual report use."""
    one = _raise(children[0], iro, themes=["education", "health"])
    services.step_up(escalation=one, stage="formal", on=D(2026, 12, 23),
                     today=D(2026, 12, 23), rules=RULES, by=None)  # fmt: skip
    two = _raise(children[1], iro)
    services.conclude(escalation=two, outcome="cafcass_referral", on=D(2026, 12, 22), notes="",
                      today=D(2026, 12, 22), rules=RULES, by=None)  # fmt: skip
    _raise(children[2], iro, kind="good_practice", themes=[])
    period = ReportingPeriod.for_year("2026-27")
    results = compute(
        [
            "escalation.raised.count", "escalation.formal.count", "escalation.informal.count",
            "escalation.cafcass_referral.count", "escalation.by_theme.count",
            "escalation.good_practice_alerts.count", "escalation.open.count",
            "escalation.outcome.count",
        ],
        period=period, rules=RULES, as_at=D(2026, 12, 31), with_previous=False,
    )  # fmt: skip
    assert results["escalation.raised.count"].value == 2
    assert results["escalation.formal.count"].value == 2  # stepped up, and referred to Cafcass
    assert results["escalation.informal.count"].value == 0
    assert results["escalation.cafcass_referral.count"].value == 1
    assert results["escalation.by_theme.count"].value["education"] == 1
    assert results["escalation.by_theme.count"].value["care_plan_unavailable"] == 1
    assert results["escalation.good_practice_alerts.count"].value == 1
    assert results["escalation.outcome.count"].value["cafcass_referral"] == 1
    live = results["escalation.open.count"].extra["live"]
    assert [row["escalation_id"] for row in live] == [one.escalation_id]


@pytest.mark.django_db
def test_the_councils_own_themes_are_offered_and_accepted(children, iro):
    from irohub.escalations.forms import RaiseForm

    rules = load_rules('[escalation]\nthemes = ["court_delay"]\n')
    form = RaiseForm(rules=rules)
    assert ("court_delay", "Court delay") in form.fields["themes"].choices
    assert ("education", "No or poor education provision (PEP)") in form.fields["themes"].choices
    escalation = _raise(children[0], iro, rules=rules, themes=["court_delay", "education"])
    assert sorted(escalation.themes.values_list("theme", flat=True)) == ["court_delay", "education"]
    with pytest.raises(ValidationError):
        _raise(children[0], iro, themes=["court_delay"])  # not in the default rules
