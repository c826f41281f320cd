"""Every file has exactly the columns of interfaces.md §1 (typed here, independently)."""

from __future__ import annotations

import csv

import pytest

from irohub.statutory.settings import RuleSettings, load_rules

INTERFACE = {
    "iros.csv": "iro_id,name,email,employment_type,provider,fte,sex,ethnicity,start_date,end_date",
    "allocations.csv": "child_id,iro_id,start_date,end_date,change_reason",
    "review_details.csv": "child_id,review_date,iro_id,statutory_basis,additional,first_part_date,format,"
    "chaired_by,seen_before,seen_alone,advocacy_offered,sw_report_date,care_plan_available,"
    "decisions_date,record_date,record_shared_date,late_reason",
    "contacts.csv": "child_id,iro_id,contact_date,contact_type",
    "escalations.csv": "escalation_id,child_id,iro_id,opened_date,themes,closed_date,outcome,good_practice",
    "escalation_stages.csv": "escalation_id,stage,started_date,ended_date",
    "advocacy.csv": "child_id,referral_date,kind,provider,hours,issues,closed_date",
    "feedback.csv": "response_date,respondent,age_band,knows_iro_role,felt_listened_to,"
    "questions_answered,life_getting_better,comment",
    "audits.csv": "audit_id,child_id,audit_date,audit_type,iro_score,manager_score,moderated_score,grade",
    "complaints.csv": "received_date,stage,outcome",
    "flags.csv": "child_id,flag,start_date,end_date",
    "population.csv": "year,dimension,category,count",
    "service.csv": "year,item,value",
    "targets.csv": "year,metric_id,target,direction",
    "child_names.csv": "child_id,given_name,family_name",
}
SSDA903 = {
    "header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
    "episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
    "reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE",
    "uasc.csv": "CHILD,SEX,DOB,DUC",
}
YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2016, 2027)]


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("name", sorted(INTERFACE))
def test_irohub_table_columns(folder, name):
    table = rows(folder / name)
    assert ",".join(table[0]) == INTERFACE[name]
    assert len(table) > 1, f"{name} has no rows"
    assert all(len(r) == len(table[0]) for r in table)


def test_one_903_folder_per_collection_year(folder):
    assert sorted(p.name for p in (folder / "ssda903").iterdir()) == YEARS
    for year in YEARS:
        for name, columns in SSDA903.items():
            table = rows(folder / "ssda903" / year / name)
            assert ",".join(table[0]) == columns, (year, name)
            assert all(len(r) == len(table[0]) for r in table)


def test_no_other_files(folder):
    top = {p.name for p in folder.iterdir()}
    assert top == set(INTERFACE) | {"ssda903", "rules.toml"}


def test_rules_toml_is_the_defaults_for_the_council(folder):
    rules = load_rules((folder / "rules.toml").read_text())
    assert rules.council.name and rules.council.la_code == "E09000017"
    default = RuleSettings.default().to_dict()
    assert {k: v for k, v in rules.to_dict().items() if k != "council"} == {
        k: v for k, v in default.items() if k != "council"
    }


def test_identifiers(folder):
    children = [r[0] for r in rows(folder / "child_names.csv")[1:]]
    assert all(len(c) <= 10 and c.startswith("C") for c in children)
    assert len(set(children)) == len(children)
    iros = [r[0] for r in rows(folder / "iros.csv")[1:]]
    assert all(i.startswith("IRO") and len(i) == 6 for i in iros)
    assert all(
        r[0].startswith("ESC") and len(r[0]) == 8 for r in rows(folder / "escalations.csv")[1:]
    )
    assert all(r[0].startswith("AUD") and len(r[0]) == 7 for r in rows(folder / "audits.csv")[1:])


def test_references_exist(folder):
    children = {r[0] for r in rows(folder / "child_names.csv")[1:]}
    iros = {r[0] for r in rows(folder / "iros.csv")[1:]}
    for name in ("allocations.csv", "review_details.csv", "contacts.csv", "escalations.csv"):
        table = rows(folder / name)
        ci, ii = table[0].index("child_id"), table[0].index("iro_id")
        assert {r[ci] for r in table[1:]} <= children, name
        assert {r[ii] for r in table[1:]} <= iros, name
    in_903 = set()
    for year in YEARS:
        in_903 |= {r[0] for r in rows(folder / "ssda903" / year / "header.csv")[1:]}
    assert children == in_903


def test_review_details_match_903_reviews(folder):
    """Every reg 33 detail row has its 903 review; reg 48 (short breaks) never reach the 903."""
    reviews = set()
    for year in YEARS:
        for child, _dob, when, _code in rows(folder / "ssda903" / year / "reviews.csv")[1:]:
            d, m, y = when.split("/")
            reviews.add((child, f"{y}-{m}-{d}"))
    details = rows(folder / "review_details.csv")
    basis = details[0].index("statutory_basis")
    reg33 = {(r[0], r[1]) for r in details[1:] if r[basis] == "reg33"}
    reg48 = {(r[0], r[1]) for r in details[1:] if r[basis] == "reg48"}
    assert reg33 == reviews
    assert reg48 and not (reg48 & reviews)
