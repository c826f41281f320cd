from __future__ import annotations

import json
from datetime import date

import pytest

from irohub.statutory.calendar import WorkingCalendar
from irohub.statutory.durations import Duration
from irohub.statutory.settings import (
    EscalationStage,
    LocalOverlay,
    RuleSettings,
    SettingsError,
    load_rules,
)
from irohub.statutory.settings_toml import value as toml_value

# interfaces.md §2, verbatim.
INTERFACES_EXAMPLE = """
[reviews]
first = "28 days"
second = "90 days"
subsequent = "180 days"

[reporting]
age_bands = ["under 1", "1-4", "5-9", "10-12", "13-15", "16+"]

[escalation]
max_total = "20 working days"
stages = [ { code = "informal", name = "Practice alert (team manager)", limit = "5 working days" },
           { code = "formal",   name = "Formal alert (senior manager)", limit = "10 working days" },
           { code = "cafcass",  name = "Referral to Cafcass" } ]
"""


def errors_of(text: str, base: RuleSettings | None = None) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        load_rules(text, base)
    return caught.value.errors


def test_defaults_are_rules_md_section_1_15(rules):
    assert rules.to_dict() == {
        "council": {"name": "", "la_code": ""},
        "reporting": {"year_start": "04-01", "snapshot": "03-31", "age_bands": "dfe5"},
        "calendar": {"division": "england-and-wales", "closures": []},
        "reviews": {
            "first": "20 working days",
            "start_is_day_zero": True,
            "second": "3 months",
            "subsequent": "6 months",
            "next_due_from": "actual",
            "extra_reviews_reset_clock": True,
            "date_basis": "completed",
            "break_in_care_min_days": 1,
            "short_break_first": "3 months",
            "short_break_subsequent": "6 months",
            "local_overlays": [],
        },
        "cohort": {"exclude_short_breaks": True},
        "participation": {"pn0_under_age": 4},
        "deadlines": {
            "decisions": "5 working days",
            "record": "15 working days",
            "pre_meeting_report": "5 working days",
            "care_plan_update": "10 working days",
            "iro_allocation": "5 working days",
        },
        "caseload": {"band_per_fte": [50, 70]},
        "escalation": {
            "max_total": "20 working days",
            "stages": [
                {
                    "code": "informal",
                    "name": "Informal challenge (team manager)",
                    "limit": "5 working days",
                    "informal": True,
                },
                {
                    "code": "formal",
                    "name": "Formal challenge (senior manager)",
                    "limit": "10 working days",
                    "informal": False,
                },
                {"code": "cafcass", "name": "Referral to Cafcass", "informal": False},
            ],
            "clock_starts_at": "first_stage",
            "themes": [],
        },
        "midway": {"window": [0.4, 0.6]},
        "publication": {"suppress_up_to": 5},
    }
    json.dumps(rules.to_dict())  # JSON-ready
    assert RuleSettings.default() == RuleSettings()


def test_typed_attributes_are_the_toml_keys(rules):
    assert rules.reviews.first == Duration(20, "working_days")
    assert rules.reviews.second == Duration(3, "months")
    assert rules.escalation.stages[0] == EscalationStage(
        "informal", "Informal challenge (team manager)", Duration(5, "working_days"), True
    )
    assert rules.caseload.band_per_fte == (50, 70)


def test_calendar_is_a_table_and_gives_the_working_calendar(rules):
    assert rules.calendar.division == "england-and-wales"
    calendar = rules.calendar()
    assert isinstance(calendar, WorkingCalendar)
    assert rules.calendar() is calendar  # cached
    assert rules.working_calendar() is calendar


def test_closures_reach_the_calendar():
    rules = load_rules('[calendar]\nclosures = ["2024-12-24", 2024-12-27]')
    assert rules.calendar.closures == (date(2024, 12, 24), date(2024, 12, 27))
    assert not rules.calendar().is_working_day(date(2024, 12, 27))


def test_empty_file_is_the_defaults(rules):
    assert load_rules("") == rules


def test_interfaces_example_file():
    rules = load_rules(INTERFACES_EXAMPLE)
    assert rules.reviews.first == Duration(28, "days")
    assert rules.reviews.second == Duration(90, "days")
    assert rules.reviews.subsequent == Duration(180, "days")
    assert rules.age_bands().labels == ("under 1", "1-4", "5-9", "10-12", "13-15", "16+")
    assert [s.name for s in rules.escalation.stages] == [
        "Practice alert (team manager)",
        "Formal alert (senior manager)",
        "Referral to Cafcass",
    ]
    assert rules.escalation.stages[0].informal and not rules.escalation.stages[1].informal
    assert rules.escalation.stages[2].limit is None
    assert rules.reviews.start_is_day_zero  # untouched keys keep their defaults
    assert rules.differences() == {
        "reviews": {"first": "28 days", "second": "90 days", "subsequent": "180 days"},
        "reporting": {"age_bands": ["under 1", "1-4", "5-9", "10-12", "13-15", "16+"]},
        "escalation": {
            "stages": [
                {
                    "code": "informal",
                    "name": "Practice alert (team manager)",
                    "limit": "5 working days",
                    "informal": True,
                },
                {
                    "code": "formal",
                    "name": "Formal alert (senior manager)",
                    "limit": "10 working days",
                    "informal": False,
                },
                {"code": "cafcass", "name": "Referral to Cafcass", "informal": False},
            ]
        },
    }


def test_a_file_is_read_over_a_base():
    base = load_rules('[council]\nname = "Example Council"\nla_code = "E09000006"')
    rules = load_rules('[reviews]\nnext_due_from = "due"', base)
    assert rules.council.name == "Example Council"
    assert rules.reviews.next_due_from == "due"


def test_every_key_round_trips_through_toml():
    text = """
[council]
name = "Synthetic Borough"
la_code = "E09000099"
[reporting]
year_start = "01-01"
snapshot = "12-31"
age_bands = "brent4"
[calendar]
division = "scotland"
closures = ["2025-12-24"]
[reviews]
first = "28 days"
start_is_day_zero = false
next_due_from = "due"
extra_reviews_reset_clock = false
date_basis = "first_part"
break_in_care_min_days = 7
short_break_first = "90 days"
short_break_subsequent = "180 days"
local_overlays = [{flag = "dol_order", interval = "3 months"},
                  {flag = "unregistered_placement", interval = "3 months"}]
[cohort]
exclude_short_breaks = false
[participation]
pn0_under_age = 5
[deadlines]
record = "20 working days"
[caseload]
band_per_fte = [55, 60.5]
[escalation]
clock_starts_at = "first_formal_stage"
themes = ["housing", "sdq"]
[midway]
window = [0.3, 0.7]
[publication]
suppress_up_to = 9
"""
    rules = load_rules(text)
    assert rules.reviews.local_overlays == (
        LocalOverlay("dol_order", Duration(3, "months")),
        LocalOverlay("unregistered_placement", Duration(3, "months")),
    )
    assert rules.caseload.band_per_fte == (55, 60.5)
    assert load_rules(rules.to_toml()) == rules
    assert load_rules(RuleSettings().to_toml()) == RuleSettings()


def test_toml_writer_rejects_what_it_cannot_write():
    with pytest.raises(TypeError):
        toml_value(object())
    assert toml_value({"a": [1, True]}) == "{ a = [1, true] }"


def test_invalid_toml_is_one_error():
    assert errors_of("[reviews\nfirst = 1") == [
        "rules file: not valid TOML: Expected ']' at the end of a table declaration "
        "(at line 1, column 9)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[reviews]\nfrist = "20 days"', 'reviews.frist: unknown key ("20 days")'),
        ("[revues]\nfirst = 1", "revues: unknown table; use council, reporting"),
        ("reviews = 3", "reviews: must be a table [reviews] of keys (3)"),
        ("[reviews]\nfirst = 20", "reviews.first: must be a duration in quotes"),
        ('[reviews]\nfirst = "-3 months"', "reviews.first: the text is negative"),
        ('[reviews]\nfirst = "20 wrking days"', "reviews.first: the text has an unknown unit"),
        (
            '[reviews]\nstart_is_day_zero = "yes"',
            'start_is_day_zero: must be true or false ("yes")',
        ),
        ('[reviews]\nnext_due_from = "previous"', 'must be one of "actual", "due" ("previous")'),
        ('[reviews]\ndate_basis = "started"', 'must be one of "completed", "first_part"'),
        ("[reviews]\nbreak_in_care_min_days = 0", "break_in_care_min_days: must be 1 or more (0)"),
        ("[reviews]\nbreak_in_care_min_days = 1.5", "must be a whole number (1.5)"),
        ("[reviews]\nbreak_in_care_min_days = true", "must be a whole number (true)"),
        ("[participation]\npn0_under_age = 19", "pn0_under_age: must be from 0 to 18 (19)"),
        ("[publication]\nsuppress_up_to = -1", "suppress_up_to: must be 0 or more (-1)"),
        ("[council]\nname = 3", "council.name: must be text (3)"),
        ('[council]\nla_code = "Brent"', "la_code: must be empty or an ONS area code"),
        ('[reporting]\nyear_start = "4-1"', 'year_start: must be a month and day "MM-DD"'),
        ('[reporting]\nsnapshot = "02-29"', "snapshot: must be a month and day"),
        ("[reporting]\nsnapshot = 331", "snapshot: must be a month and day"),
        ('[reporting]\nage_bands = "dfe7"', "age_bands: unknown age band set 'dfe7'"),
        (  # the Brent survey's overlapping bands (metrics.md §2.2)
            '[reporting]\nage_bands = ["0-7", "8-11", "11-18"]',
            "age band '11-18' overlaps or is out of order",
        ),
        ('[reporting]\nage_bands = ["0-4", "3-9"]', "age band '3-9' overlaps or is out of order"),
        ('[reporting]\nage_bands = ["5-9", "0-4"]', "no age band covers age 0"),
        (
            '[reporting]\nage_bands = ["0-4", "5+", "10-15"]',
            "has no upper limit but is not the last",
        ),
        ('[reporting]\nage_bands = ["0-4", "10-15"]', "no age band covers age 5"),
        ('[reporting]\nage_bands = ["under 1", "one to four"]', "is not like"),
        ('[reporting]\nage_bands = ["0-4", "9-5"]', "ends before it starts"),
        ("[reporting]\nage_bands = []", "needs at least one band"),
        ("[reporting]\nage_bands = 5", "must be a band set name"),
        ('[calendar]\ndivision = "wales"', 'division: must be one of "england-and-wales"'),
        ('[calendar]\nclosures = ["2024-13-01"]', "calendar.closures[0]: must be a date"),
        ("[calendar]\nclosures = [2024-12-24T09:00:00]", "calendar.closures[0]: must be a date"),
        ('[calendar]\nclosures = ["24/12/2024"]', "calendar.closures[0]: must be a date"),
        ("[calendar]\nclosures = [20241224]", "calendar.closures[0]: must be a date"),
        ('[calendar]\nclosures = "2024-12-24"', "calendar.closures: must be a list of dates"),
        ("[caseload]\nband_per_fte = [70, 50]", "band_per_fte: the low end must be 0 or more"),
        ("[caseload]\nband_per_fte = [-1, 50]", "band_per_fte: the low end must be 0 or more"),
        ("[caseload]\nband_per_fte = [50]", "band_per_fte: must be a list of two numbers ([50])"),
        ('[caseload]\nband_per_fte = ["50", 70]', "must be a list of two numbers"),
        ("[midway]\nwindow = [0.6, 0.4]", "midway.window: must be two fractions with 0 < start"),
        ("[midway]\nwindow = [0, 0.5]", "midway.window: must be two fractions"),
        ("[midway]\nwindow = 0.5", "midway.window: must be a list of two numbers"),
        ('[escalation]\nclock_starts_at = "opened"', "clock_starts_at: must be one of"),
        ('[escalation]\nthemes = ["Housing"]', "themes: codes must be lower case"),
        ('[escalation]\nthemes = "housing"', "themes: must be a list of codes"),
        ("[escalation]\nstages = []", "escalation.stages: must name at least one stage"),
        ('[escalation]\nstages = ["informal"]', "escalation.stages: must be a list of tables"),
        ('[escalation]\nstages = [{code = "a"}]', "escalation.stages[0].name: is required"),
        ('[escalation]\nstages = [{code = "a", name = " "}]', "stages[0].name: must be non-empty"),
        ('[escalation]\nstages = [{code = "A b", name = "x"}]', "stages[0].code: must be a code"),
        ('[escalation]\nstages = [{code = "a", name = "x", limit = "5 wd"}]', "stages[0].limit"),
        (
            '[escalation]\nstages = [{code = "a", name = "x", level = 1}]',
            "stages[0].level: unknown",
        ),
        (
            '[escalation]\nstages = [{code = "a", name = "x"}, {code = "a", name = "y"}]',
            'escalation.stages: each stage code must be used once (["a", "a"])',
        ),
        (
            '[escalation]\nclock_starts_at = "first_formal_stage"\n'
            'stages = [{code = "informal", name = "x"}]',
            "escalation.clock_starts_at: no stage in escalation.stages is formal",
        ),
        (
            '[reviews]\nlocal_overlays = [{flag = "DoL", interval = "3 months"}]',
            "reviews.local_overlays[0].flag: must be a flag code",
        ),
        (
            '[reviews]\nlocal_overlays = [{flag = "dol_order"}]',
            "reviews.local_overlays[0].interval: is required",
        ),
    ],
)
def test_each_error_names_the_key_and_the_reason(text, expected):
    found = errors_of(text)
    assert len(found) == 1
    assert expected in found[0]


def test_all_errors_are_reported_together_and_nothing_is_applied():
    text = """
[reviews]
first = "20 wrking days"
second = -3
frist = 1
start_is_day_zero = "yes"
[reporting]
age_bands = ["0-4", "3-9"]
[calendar]
closures = ["2024-13-01", "2024-12-24", "nope"]
[foo]
a = 1
"""
    with pytest.raises(SettingsError) as caught:
        load_rules(text)
    problem = caught.value
    assert len(problem.errors) == 8
    assert str(problem).startswith("8 problems in the rules:\n- reviews.first:")
    assert "calendar.closures[2]" in str(problem)
    assert isinstance(problem, ValueError)


def test_one_error_is_singular():
    with pytest.raises(SettingsError, match="^1 problem in the rules"):
        load_rules("[reviews]\nfrist = 1")


def test_a_file_can_make_stages_formal_explicitly():
    rules = load_rules(
        '[escalation]\nclock_starts_at = "first_formal_stage"\n'
        'stages = [{code = "alert", name = "Practice alert", informal = true},'
        ' {code = "challenge", name = "Challenge"}]'
    )
    assert [s.informal for s in rules.escalation.stages] == [True, False]
