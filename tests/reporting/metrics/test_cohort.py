"""Cohort metrics against a hand-computed council (2024-25: snapshot 31/03/2025, previous
snapshot 31/03/2024).

  A  M 01/02/2015 WBRI  C2 U4 from 01/06/2023, still in care           age 10 at the snapshot
  B  F 10/06/2024 BAFR  C1 U1 from 01/07/2024                           age 0
  C  M 15/05/2008 AOTH  V2 K2 from 02/09/2024, UASC until 15/05/2026    age 16
  D  F 10/01/2012 WOTH  C2 from 01/01/2023, left 31/03/2025 (not in care at 31 March)
  E  M 01/03/2010 MWBC  J1 remand 01/10/2024 to 15/11/2024              age 14 at remand
  F  F 01/01/2013 WBRI  reg 48 short breaks (V3) in May and August 2024
  G  U 31/12/2019 REFU  E1 A4 from 31/03/2025 (starts on the snapshot day: counted)  age 5
  H  M 01/01/2020 WBRI  left care on 31/03/2024 (not at the previous snapshot, not in the year)

Snapshot: A B C G = 4; previous snapshot: A D = 2 (change +100%); any time: A B C D E G = 6.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from irohub.statutory.settings import CohortSettings

COHORT_IDS = [
    "cohort.cla_snapshot.count", "cohort.cla_snapshot.rate_per_10k",
    "cohort.cla_snapshot.by_age_band", "cohort.cla_snapshot.by_sex",
    "cohort.cla_snapshot.age_by_sex", "cohort.cla_snapshot.by_ethnicity",
    "cohort.cla_snapshot.by_ethnicity_code", "cohort.population_comparison.pct",
    "cohort.uasc.count", "cohort.uasc_16plus.count", "cohort.cla_month_end.count",
    "cohort.cla_month_end.rate_per_10k", "cohort.uasc_month_end.count",
    "cohort.cla_snapshot.change_pct", "cohort.cla_any_time.count", "cohort.legal_status.count",
    "cohort.remand.count", "cohort.short_breaks.count",
]  # fmt: skip


@pytest.fixture
def cohort(council):
    c = council
    c.in_care("A", dob=date(2015, 2, 1), start=date(2023, 6, 1), ls="C2", place="U4")
    c.in_care("B", dob=date(2024, 6, 10), sex="F", ethnicity="BAFR", start=date(2024, 7, 1),
              ls="C1", place="U1")  # fmt: skip
    c.in_care("C", dob=date(2008, 5, 15), ethnicity="AOTH", uasc=True,
              uasc_ceased=date(2026, 5, 15), start=date(2024, 9, 2), ls="V2", place="K2",
              place_provider="PR4")  # fmt: skip
    c.in_care("D", dob=date(2012, 1, 10), sex="F", ethnicity="WOTH", start=date(2023, 1, 1),
              end=date(2025, 3, 31), rec="E4A")  # fmt: skip
    c.in_care("E", dob=date(2010, 3, 1), ethnicity="MWBC", start=date(2024, 10, 1),
              end=date(2024, 11, 15), rec="E14", ls="J1", place="K1")  # fmt: skip
    f = c.child("F", dob=date(2013, 1, 1), sex="F")
    c.episode(f, date(2024, 5, 5), dec=date(2024, 5, 7), rec="E4A", ls="V3", place="U6")
    c.episode(f, date(2024, 8, 10), dec=date(2024, 8, 12), rec="E4A", ls="V3", place="U6")
    c.in_care("G", dob=date(2019, 12, 31), sex="U", ethnicity="REFU", start=date(2025, 3, 31),
              ls="E1", place="A4")  # fmt: skip
    c.in_care("H", dob=date(2020, 1, 1), start=date(2022, 1, 1), end=date(2024, 3, 31),
              rec="E11")  # fmt: skip
    for year, dimension, category, count in [
        (2023, "total", "all", 9000), (2024, "total", "all", 10000),
        (2025, "total", "all", 20000), (2024, "sex", "M", 5000), (2024, "sex", "F", 5000),
        (2024, "age_band", "0-4", 3000), (2024, "age_band", "5-17", 7000),
        (2024, "age_band", "unknown", 1),
    ]:  # fmt: skip
        c.population(year, dimension, category, count)
    c.derive()
    return c


def test_snapshot_counts_and_rate(cohort):
    r = cohort.metrics(COHORT_IDS)
    assert r["cohort.cla_snapshot.count"].value == 4
    rate = r["cohort.cla_snapshot.rate_per_10k"]
    # The mid-year before 31/03/2025 is 2024 (not 2025, which is after the snapshot).
    assert (rate.value, rate.numerator, rate.denominator) == (4.0, 4, 10000)
    assert rate.extra["population_year"] == 2024
    assert r["cohort.cla_any_time.count"].value == 6
    change = r["cohort.cla_snapshot.change_pct"]
    assert (change.value, change.numerator, change.denominator) == (100.0, 2, 2)


def test_breakdowns_by_age_sex_and_ethnicity(cohort):
    r = cohort.metrics(COHORT_IDS)
    ages = r["cohort.cla_snapshot.by_age_band"]
    assert ages.value == {"under 1": 1, "1-4": 0, "5-9": 1, "10-15": 1, "16+": 1}
    assert ages.extra["pct"]["16+"] == 25.0
    assert r["cohort.cla_snapshot.by_sex"].value == {"M": 2, "F": 1, "U": 1}
    matrix = r["cohort.cla_snapshot.age_by_sex"]
    assert matrix.value["10-15"] == {"M": 1, "F": 0, "U": 0}
    assert matrix.extra["pct"]["under 1"] == {"M": 0.0, "F": 100.0, "U": 0.0}
    assert matrix.extra["pct"]["1-4"] == {"M": None, "F": None, "U": None}
    eth = r["cohort.cla_snapshot.by_ethnicity"]
    assert eth.value == {"White": 1, "Mixed": 0, "Asian": 1, "Black": 1, "Other": 0,
                         "Not stated": 1}  # fmt: skip
    assert (eth.extra["white_british"], eth.extra["white_other"], eth.extra["bme"]) == (1, 0, 2)
    codes = r["cohort.cla_snapshot.by_ethnicity_code"].value
    assert len(codes) == 20 and codes["WBRI"] == codes["REFU"] == 1 and codes["WOTH"] == 0


def test_population_comparison_uses_the_population_bands(cohort):
    value = cohort.metric("cohort.population_comparison.pct").value
    assert value["sex"]["M"] == {"cla_pct": 50.0, "population_pct": 50.0, "ratio": 1.0}
    assert value["sex"]["F"] == {"cla_pct": 25.0, "population_pct": 50.0, "ratio": 0.5}
    assert value["age_band"]["0-4"] == {"cla_pct": 25.0, "population_pct": 30.0, "ratio": 0.83}
    assert value["age_band"]["5-17"]["ratio"] == 1.07
    assert "unknown" not in value["age_band"]  # not a band label: left out
    assert "ethnicity_group" not in value  # population.csv gives none


def test_uasc_and_month_end_series(cohort):
    r = cohort.metrics(COHORT_IDS)
    assert r["cohort.uasc.count"].value == 1 and r["cohort.uasc.count"].extra["pct"] == 25.0
    assert r["cohort.uasc_16plus.count"].value == 1
    months = r["cohort.cla_month_end.count"].value
    assert list(months) == cohort.period().months()
    assert list(months.values()) == [2, 2, 2, 3, 3, 4, 5, 4, 4, 4, 4, 4]
    # Hounslow trap (§2.17): 347 at 31 March in its text, 329 in its month table. One rule here.
    assert months["2025-03"] == r["cohort.cla_snapshot.count"].value
    rates = r["cohort.cla_month_end.rate_per_10k"]
    assert rates.value["2024-10"] == 5.0 and rates.denominator == 10000
    uasc = r["cohort.uasc_month_end.count"]
    assert list(uasc.value.values()) == [0] * 5 + [1] * 7
    assert uasc.extra["aged_16plus"]["2025-03"] == 1


def test_legal_status_remand_and_short_breaks(cohort):
    r = cohort.metrics(COHORT_IDS)
    legal = r["cohort.legal_status.count"]
    assert legal.value == {"care_order": 2, "placement_order": 1, "accommodated": 1,
                           "emergency": 0, "youth_justice": 0}  # fmt: skip
    assert legal.extra["by_code"] == {"C1": 1, "C2": 1, "E1": 1, "V2": 1}
    remand = r["cohort.remand.count"]
    assert remand.value == 1
    assert remand.extra["by_sex"] == {"M": 1, "F": 0, "U": 0}
    assert remand.extra["by_age_band"] == {"10-15": 1} and remand.extra["at_snapshot"] == 0
    assert r["cohort.short_breaks.count"].value == 1


def test_short_breaks_join_the_cohort_when_the_rules_say_so(cohort):
    cohort.rules = replace(cohort.rules, cohort=CohortSettings(exclude_short_breaks=False))
    assert cohort.metric("cohort.cla_any_time.count").value == 7


def test_without_population_the_rates_are_null_with_a_reason(council):
    council.in_care("A", dob=date(2015, 2, 1), start=date(2023, 6, 1))
    council.derive()
    r = council.metrics(["cohort.cla_snapshot.rate_per_10k", "cohort.cla_month_end.rate_per_10k",
                         "cohort.population_comparison.pct"])  # fmt: skip
    assert r["cohort.cla_snapshot.rate_per_10k"].value is None
    assert "population" in r["cohort.cla_snapshot.rate_per_10k"].extra["reason"]
    assert r["cohort.cla_month_end.rate_per_10k"].value is None
    assert r["cohort.population_comparison.pct"].value == {}


def test_empty_council_gives_every_id_zero_or_null(council):
    r = council.metrics(COHORT_IDS)
    assert r["cohort.cla_snapshot.count"].value == 0
    assert r["cohort.cla_snapshot.change_pct"].value is None
    assert r["cohort.uasc.count"].extra["pct"] is None


def test_the_whole_family_costs_a_few_queries(cohort, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        cohort.metrics(COHORT_IDS)


def test_publication_keeps_no_detail_numbers_beside_a_hidden_count(cohort):
    """remand.count is 1, hidden as "c"; its by_sex and by_age_band detail would give the
    child away, so the published JSON carries the suppressed shape only."""
    from irohub.reporting.publication_metrics import suppress_metrics

    result = cohort.metric("cohort.remand.count")
    public = suppress_metrics({"cohort.remand.count": result.to_json()})
    assert public["cohort.remand.count"] == {"value": "c"}
