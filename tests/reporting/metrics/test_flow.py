"""Flow metrics against a hand-computed council (2024-25).

  A  dob 01/05/2010  admitted 15/04/2024 (age 13)
  B  dob 01/01/2024  admitted 10/06/2024, adopted 20/09/2024 (E11), admitted again 01/12/2024
  C  dob 01/11/2006  in care since 2020, left on the 18th birthday 01/11/2024 (E17)
  D  dob 02/02/2012  in care since 2023; placement change (X1, RNE P) 01/05/2024 is no
                     admission; SGO to former foster carers 10/01/2025 (E45)
  E  reg 48 short breaks (RNE S, V3) in the year: neither admissions nor discharges
  F  dob 07/07/2009  admitted 31/03/2025, the last day of the year (age 15)
  G  dob 01/01/2010  history starts 01/05/2024 with RNE P (no start in the data): no admission;
                     transferred to another LA 01/08/2024 (E3, age 14)
  H  admitted 31/03/2024 and left 01/04/2025: in neither year's flows
  I  dob 01/01/2008  returned home 01/07/2024 (E4A, age 16)

Admissions 4 (children 3); discharges 5 (children 5).
"""

from __future__ import annotations

from datetime import date

import pytest

FLOW_IDS = [
    "flow.admissions.count", "flow.admissions.children_count", "flow.admissions.by_month_age",
    "flow.discharges.count", "flow.discharges.children_count", "flow.discharges.by_month_age",
    "flow.discharges.by_reason",
]  # fmt: skip


@pytest.fixture
def flows(council):
    c = council
    c.in_care("A", dob=date(2010, 5, 1), start=date(2024, 4, 15))
    b = c.child("B", dob=date(2024, 1, 1))
    c.episode(b, date(2024, 6, 10), dec=date(2024, 9, 20), rec="E11", ls="E1", place="A4")
    c.episode(b, date(2024, 12, 1), ls="C1")
    c.in_care("C", dob=date(2006, 11, 1), start=date(2020, 1, 1), end=date(2024, 11, 1),
              rec="E17")  # fmt: skip
    d = c.child("D", dob=date(2012, 2, 2))
    c.episode(d, date(2023, 5, 1), dec=date(2024, 5, 1), rec="X1")
    c.episode(d, date(2024, 5, 1), rne="P", dec=date(2025, 1, 10), rec="E45", place="U1")
    e = c.child("E", dob=date(2013, 1, 1))
    c.episode(e, date(2024, 5, 5), dec=date(2024, 5, 7), rec="E4A", ls="V3")
    c.episode(e, date(2024, 8, 10), dec=date(2024, 8, 12), rec="E4A", ls="V3")
    c.in_care("F", dob=date(2009, 7, 7), start=date(2025, 3, 31))
    g = c.child("G", dob=date(2010, 1, 1))
    c.episode(g, date(2024, 5, 1), rne="P", dec=date(2024, 8, 1), rec="E3")
    c.in_care("H", dob=date(2011, 1, 1), start=date(2024, 3, 31), end=date(2025, 4, 1))
    c.in_care("I", dob=date(2008, 1, 1), start=date(2022, 1, 1), end=date(2024, 7, 1),
              rec="E4A")  # fmt: skip
    c.derive()
    return c


def test_admissions_count_periods_starting_with_rne_s(flows):
    r = flows.metrics(FLOW_IDS)
    assert r["flow.admissions.count"].value == 4
    assert r["flow.admissions.children_count"].value == 3
    extra = r["flow.admissions.count"].extra
    assert extra["by_legal_status"] == {"care_order": 3, "placement_order": 1}
    assert extra["by_sex"] == {"M": 4} and extra["uasc"] == 0
    matrix = r["flow.admissions.by_month_age"]
    assert list(matrix.value) == flows.period().months()
    assert list(matrix.value["2024-04"]) == ["under 1", "1-4", "5-9", "10-15", "16+"]
    assert matrix.value["2024-04"]["10-15"] == 1
    assert matrix.value["2024-06"]["under 1"] == matrix.value["2024-12"]["under 1"] == 1
    assert matrix.value["2025-03"]["10-15"] == 1
    assert matrix.extra["column_totals"] == {"under 1": 2, "1-4": 0, "5-9": 0, "10-15": 2,
                                             "16+": 0}  # fmt: skip
    assert matrix.extra["row_totals"]["2024-05"] == 0 and matrix.extra["total"] == 4


def test_discharges_with_the_leaving_bands_and_reason_groups(flows):
    r = flows.metrics(FLOW_IDS)
    assert r["flow.discharges.count"].value == 5
    assert r["flow.discharges.children_count"].value == 5
    matrix = r["flow.discharges.by_month_age"]
    # dfe5 for leavers: 16+ splits into 16-17 and 18+.
    assert list(matrix.value["2024-11"]) == ["under 1", "1-4", "5-9", "10-15", "16-17", "18+"]
    assert matrix.value["2024-11"]["18+"] == 1  # left on the 18th birthday
    assert matrix.value["2024-09"]["under 1"] == 1
    assert matrix.value["2024-07"]["16-17"] == 1
    assert matrix.extra["column_totals"]["10-15"] == 2
    reasons = r["flow.discharges.by_reason"]
    assert reasons.value == {
        "adoption": 1, "sgo_former_foster_carer": 1, "sgo_other": 0,
        "child_arrangements_order": 0, "returned_home": 1, "turned_18": 1, "transferred": 1,
        "remand_ended": 0, "other": 0,
    }  # fmt: skip
    assert reasons.extra["by_code"] == {"E11": 1, "E17": 1, "E3": 1, "E45": 1, "E4A": 1}
    assert reasons.extra["by_age_band"]["turned_18"] == {"18+": 1}


def test_the_previous_year_sees_its_own_flows(flows):
    r = flows.metrics(["flow.admissions.count", "flow.discharges.count"], year="2023-24")
    # 2023-24: D admitted 01/05/2023 and H 31/03/2024; nobody left.
    assert r["flow.admissions.count"].value == 2
    assert r["flow.discharges.count"].value == 0


def test_the_whole_family_costs_a_few_queries(flows, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        flows.metrics(FLOW_IDS)
