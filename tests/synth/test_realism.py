"""The default council looks like the seed reports and DfE figures (bands, not exact values)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from irohub.statutory.participation import age_on
from irohub.statutory.settings import RuleSettings
from irohub.synth.build import statutory_periods

from .conftest import AS_AT

SNAPSHOT = dt.date(2026, 3, 31)
GROUP = {"W": "White", "M": "Mixed", "A": "Asian", "B": "Black", "C": "Other", "O": "Other"}


def looked_after(council, on):
    periods = statutory_periods(council, RuleSettings.default())
    ids = {
        p.child
        for p in periods
        if not p.short_break and p.start <= on and (p.end is None or p.end > on)
    }
    return [c for c in council.children if c.id in ids]


def pct(counter, key, total):
    return 100 * counter[key] / total


def test_about_350_looked_after_at_any_time(council):
    for year in range(2017, 2027):
        assert 280 <= len(looked_after(council, dt.date(year, 3, 31))) <= 420


def test_age_mix_at_31_march(council):
    kids = looked_after(council, SNAPSHOT)
    ages = Counter()
    for c in kids:
        a = age_on(c.dob, SNAPSHOT)
        ages[
            "under 1"
            if a < 1
            else "1-4"
            if a < 5
            else "5-9"
            if a < 10
            else "10-15"
            if a < 16
            else "16+"
        ] += 1
    n = len(kids)
    bands = {"under 1": (2, 9), "1-4": (8, 19), "5-9": (11, 23), "10-15": (30, 46), "16+": (18, 35)}
    for band, (low, high) in bands.items():
        assert low <= pct(ages, band, n) <= high, (band, ages)


def test_sex_mix(council):
    kids = looked_after(council, SNAPSHOT)
    assert 50 <= 100 * sum(c.sex == "M" for c in kids) / len(kids) <= 63
    uasc = [c for c in council.children if c.uasc_from]
    assert 100 * sum(c.sex == "M" for c in uasc) / len(uasc) >= 88
    assert sum(age_on(c.dob, c.uasc_from) >= 16 for c in uasc) / len(uasc) > 0.6


def test_ethnicity_mix(council):
    assert {c.ethnic for c in council.children} == set(
        [
            "WBRI",
            "WIRI",
            "WOTH",
            "WIRT",
            "WROM",
            "MWBC",
            "MWBA",
            "MWAS",
            "MOTH",
            "AIND",
            "APKN",
            "ABAN",
            "AOTH",
            "BCRB",
            "BAFR",
            "BOTH",
            "CHNE",
            "OOTH",
            "REFU",
            "NOBT",
        ]
    )
    kids = looked_after(council, SNAPSHOT)
    groups = Counter(
        GROUP.get(c.ethnic[0], "Not stated") if c.ethnic not in ("REFU", "NOBT") else "Not stated"
        for c in kids
    )
    n = len(kids)
    assert 33 <= pct(groups, "White", n) <= 52
    assert 14 <= pct(groups, "Black", n) <= 28
    assert 7 <= pct(groups, "Mixed", n) <= 18
    assert 6 <= pct(groups, "Asian", n) <= 18
    assert 5 <= pct(groups, "Other", n) <= 18


def test_uasc_arrive_in_waves(council):
    peak = looked_after(council, dt.date(2022, 12, 31))
    calm = looked_after(council, dt.date(2021, 3, 31))

    def share(kids, on):
        return 100 * sum(1 for c in kids if c.uasc_from and c.uasc_from <= on) / len(kids)  # noqa: E731

    assert 15 <= share(peak, dt.date(2022, 12, 31)) <= 30
    assert share(calm, dt.date(2021, 3, 31)) < 12


def test_legal_statuses_and_leaving(council):
    eps = [e for e in council.episodes if e.start >= council.start]
    ls = Counter(e.ls for e in eps)
    assert {"C1", "C2", "E1", "V2", "V3", "J1", "L1", "L2"} <= set(ls)
    recs = Counter(e.rec for e in eps if e.rec and e.rec != "X1")
    assert {"E4A", "E11", "E3", "E5", "E6", "E17", "E14", "E45", "E46"} <= set(recs)
    places = {e.place for e in eps}
    assert {"U1", "U3", "U4", "U6", "K2", "S1", "P1", "A5", "A6", "K3", "H5", "R1"} <= places
    remanded = [
        c
        for c in council.children
        if any(e.ls == "J1" for p in council.periods if p.child == c.id for e in p.episodes)
    ]
    assert sum(c.sex == "M" for c in remanded) / len(remanded) > 0.7


def test_breaks_in_care_and_short_breaks(council):
    periods = statutory_periods(council, RuleSettings.default())
    per_child = Counter(p.child for p in periods if not p.short_break)
    assert sum(1 for n in per_child.values() if n > 1) > 20
    assert sum(1 for p in periods if p.short_break) >= 5


def test_review_timeliness_and_participation(council):
    held = [r for r in council.reviews if r.basis == "reg33"]
    on_time = sum(r.in_time for r in held) / len(held)
    assert 0.85 <= on_time <= 0.95
    first = [r for r in held if r.review_type == "first"]
    assert sum(r.in_time for r in first) / len(first) < on_time
    assert all(r.late_reason for r in held if not r.in_time)
    assert any(r.additional for r in held)
    codes = Counter(r.code for r in held if r.code != "PN0")
    assert 0.65 <= codes["PN1"] / sum(codes.values()) <= 0.85
    assert set(codes) == {f"PN{i}" for i in range(1, 8)}


def test_review_quality_fields(council):
    rules = RuleSettings.default()
    cal = rules.calendar()
    held = [r for r in council.reviews if r.record_date]
    within = sum(cal.working_days_between(r.date, r.record_date) <= 15 for r in held) / len(held)
    assert 0.7 <= within <= 0.9
    reports = [r for r in council.reviews if r.sw_report_date]
    on_time = sum(
        r.sw_report_date <= cal.subtract(r.date, rules.deadlines.pre_meeting_report)
        for r in reports
    )
    assert 0.5 <= on_time / len(reports) <= 0.7
    assert {"in_person", "virtual", "hybrid"} == {r.format for r in council.reviews}
    assert {"iro", "child", "co_chaired"} == {r.chaired_by for r in council.reviews}


def test_iro_team(council):
    in_post = [
        i for i in council.iros if i.start <= SNAPSHOT and (i.end is None or i.end >= SNAPSHOT)
    ]
    assert 6 <= len(in_post) <= 12
    fte = sum(i.fte for i in in_post)
    assert 50 <= len(looked_after(council, SNAPSHOT)) / fte <= 70
    assert {"permanent", "fixed_term", "agency", "commissioned"} == {
        i.employment_type for i in council.iros
    }
    assert all(0.6 <= i.fte <= 1 for i in council.iros)
    reasons = Counter(a.reason for a in council.allocations)
    assert {"initial", "iro_left", "contract_change", "reallocation"} <= set(reasons)


def test_allocation_continuity_and_siblings(council):
    rules = RuleSettings.default()
    cal = rules.calendar()
    periods = [p for p in statutory_periods(council, rules) if p.start >= council.start]
    first = {}
    for a in council.allocations:
        first.setdefault((a.child, a.start), a)
    starts = {a.child: [] for a in council.allocations}
    for a in council.allocations:
        if a.reason == "initial":
            starts[a.child].append(a.start)
    quick = total = 0
    for p in periods:
        alloc = [d for d in starts.get(p.child, []) if p.start <= d]
        if alloc:
            total += 1
            quick += cal.working_days_between(p.start, min(alloc)) <= 5
    assert quick / total > 0.85
    groups: dict[str, set] = {}
    chairs = {(r.child, r.date): r.iro for r in council.reviews}
    for c in council.children:
        if c.sibling_group:
            groups.setdefault(c.sibling_group, set()).add(c.id)
    shared = 0
    for members in groups.values():
        iros = {a.iro for a in council.allocations if a.child in members and a.reason == "initial"}
        shared += len(iros) == 1
    assert groups and shared / len(groups) > 0.8
    assert chairs


def test_commissioned_iros_take_older_children(council):
    kinds = {i.id: i.employment_type for i in council.iros}
    dob = {c.id: c.dob for c in council.children}
    ages = [
        age_on(dob[a.child], a.start)
        for a in council.allocations
        if kinds[a.iro] == "commissioned" and a.reason == "initial"
    ]
    assert sum(a >= 16 for a in ages) / len(ages) > 0.6


def test_activity(council):
    t = council.tables
    kinds = Counter(r["contact_type"] for r in t["contacts"])
    assert set(kinds) == {"midway_review", "visit", "call", "message", "consultation", "case_note"}
    months = (AS_AT.year - council.start.year) * 12 + AS_AT.month - council.start.month
    assert 1.5 <= len(t["escalations"]) / months <= 6
    assert any(r["closed_date"] is None for r in t["escalations"])
    assert any(r["good_practice"] == "Y" for r in t["escalations"])
    stages = Counter(r["stage"] for r in t["escalation_stages"])
    assert stages["informal"] > stages["formal"] > stages.get("cafcass", 0)
    assert {"issue_based", "child_protection", "independent_visitor"} == {
        r["kind"] for r in t["advocacy"]
    }
    assert {"child", "parent", "carer", "professional"} == {r["respondent"] for r in t["feedback"]}
    assert {"4-7", "8-11", "12+"} == {
        r["age_band"] for r in t["feedback"] if r["respondent"] == "child"
    }
    assert {"dip_sample", "thematic", "moderation"} == {r["audit_type"] for r in t["audits"]}
    flags = {r["flag"].split(":")[0] for r in t["flags"]}
    assert {"cp_plan", "dol_order", "disability", "sibling_group"} <= flags


def test_population_gives_a_rate_of_50_to_70(council):
    totals = {
        r["year"]: r["count"] for r in council.tables["population"] if r["dimension"] == "total"
    }
    kids = looked_after(council, SNAPSHOT)
    assert 50 <= len(kids) / totals[2025] * 10_000 <= 75
    for dim in ("sex", "age_band", "ethnicity_group"):
        part = sum(
            r["count"]
            for r in council.tables["population"]
            if r["dimension"] == dim and r["year"] == 2025
        )
        assert abs(part - totals[2025]) <= 5
