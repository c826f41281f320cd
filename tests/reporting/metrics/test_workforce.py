"""IRO workforce, caseload, allocation and continuity metrics against a hand-computed council
(2024-25, snapshot Mon 31/03/2025; an IRO is due within 5 working days of coming into care).

IROs            type          FTE  sex ethnic  in post
  I1            permanent     1    F   WBRI    01/01/2020 -
  I2            permanent     0.6  M   BAFR    01/01/2022 -
  I3            agency        1    F   AIND    01/06/2024 - 31/03/2025 (in post on the snapshot)
  I4            commissioned  0.5  F   -       01/01/2021 - 31/12/2024
  I5            fixed_term    1    -   WOTH    01/04/2025 -   (not yet)
In post at the snapshot: I1 I2 I3 = 3 people, 2.6 FTE.

Children        in care                       allocations
  A  M WBRI     01/01/2023 -                  I1 03/01/2023 -
  B  F BAFR     01/06/2022 -                  I4 02/06/2022 - 31/12/2024; I2 31/12/2024 - (iro_left)
  C  M MWBC     Mon 01/07/2024 - (due 08/07)   I3 05/07/2024 -                   in time
  D  F WBRI     Mon 02/09/2024 - (due 09/09)   I1 16/09/2024 - 09/01/2025 (late);
                                              I2 10/01/2025 - (reallocation)
  E  M WBRI     Thu 27/03/2025 - (due 03/04)   none
  F  M WBRI     01/05/2024 - 03/05/2024 (left before its due date 08/05), none
  G  F WBRI     reg 48 short breaks May and August 2024, none
  H  F WBRI     01/05/2023 - 01/10/2024        I2 02/05/2023 - (left open after H left care)
  K  M WBRI     Mon 01/04/2024 - (due 08/04)   I1 02/04/2024 - 30/06/2024; I1 01/07/2024 - (other)

Caseloads at the snapshot: I1 A K, I2 B D, I3 C = 5 children / 2.6 FTE = 1.9.
Allocated in time: C K of C D E K = 50.0% (F needed none, G is a short break).
Changes of IRO: B (iro_left), D (reallocation) = 2 for 8 children in care in the year (not G).
Same IRO all year: A of A B K (in care since the first day of the year) = 33.3%.
"""

from __future__ import annotations

from datetime import date

import pytest

D = date
WORKFORCE_IDS = [
    "iro.headcount", "iro.fte", "iro.by_employment_type", "iro.by_sex.pct", "iro.by_ethnicity",
    "iro.caseload.per_fte", "iro.caseload.by_iro", "iro.allocation.within_5wd_pct",
    "iro.unallocated.count", "iro.continuity.changes_per_child", "iro.continuity.same_iro_pct",
]  # fmt: skip


@pytest.fixture
def team(council):
    c = council
    i1 = c.iro("I1", fte="1", sex="F", ethnicity="WBRI", start=D(2020, 1, 1))
    i2 = c.iro("I2", fte="0.6", sex="M", ethnicity="BAFR", start=D(2022, 1, 1))
    i3 = c.iro("I3", fte="1", sex="F", ethnicity="AIND", start=D(2024, 6, 1),
               end=D(2025, 3, 31), employment_type="agency")  # fmt: skip
    i4 = c.iro("I4", fte="0.5", sex="F", ethnicity="", start=D(2021, 1, 1), end=D(2024, 12, 31),
               employment_type="commissioned", provider="Aidhour")  # fmt: skip
    c.iro("I5", fte="1", sex="", ethnicity="WOTH", start=D(2025, 4, 1),
          employment_type="fixed_term")  # fmt: skip
    a = c.in_care("A", dob=D(2012, 1, 1), start=D(2023, 1, 1))
    c.allocate(a, i1, D(2023, 1, 3))
    b = c.in_care("B", dob=D(2012, 1, 1), sex="F", ethnicity="BAFR", start=D(2022, 6, 1))
    c.allocate(b, i4, D(2022, 6, 2), D(2024, 12, 31))
    c.allocate(b, i2, D(2024, 12, 31), reason="iro_left")
    cc = c.in_care("C", dob=D(2012, 1, 1), ethnicity="MWBC", start=D(2024, 7, 1))
    c.allocate(cc, i3, D(2024, 7, 5))
    d = c.in_care("D", dob=D(2012, 1, 1), sex="F", start=D(2024, 9, 2))
    c.allocate(d, i1, D(2024, 9, 16), D(2025, 1, 9))
    c.allocate(d, i2, D(2025, 1, 10), reason="reallocation")
    c.in_care("E", dob=D(2012, 1, 1), start=D(2025, 3, 27))
    c.in_care("F", dob=D(2012, 1, 1), start=D(2024, 5, 1), end=D(2024, 5, 3), rec="E4A")
    g = c.child("G", dob=D(2012, 1, 1), sex="F")
    c.episode(g, D(2024, 5, 5), dec=D(2024, 5, 7), rec="E4A", ls="V3", place="U6")
    c.episode(g, D(2024, 8, 10), dec=D(2024, 8, 12), rec="E4A", ls="V3", place="U6")
    h = c.in_care("H", dob=D(2012, 1, 1), sex="F", start=D(2023, 5, 1), end=D(2024, 10, 1),
                  rec="E11")  # fmt: skip
    c.allocate(h, i2, D(2023, 5, 2))
    k = c.in_care("K", dob=D(2012, 1, 1), start=D(2024, 4, 1))
    c.allocate(k, i1, D(2024, 4, 2), D(2024, 6, 30))
    c.allocate(k, i1, D(2024, 7, 1), reason="other")
    c.derive()
    return c


def test_people_and_fte_in_post_at_the_snapshot(team):
    team.service_fact("establishment_fte", "3.5")
    r = team.metrics(["iro.headcount", "iro.fte", "iro.by_employment_type"])
    assert r["iro.headcount"].value == 3
    fte = r["iro.fte"]
    assert fte.value == 2.6
    assert fte.extra["establishment_fte"] == 3.5
    assert fte.extra["vacancy_fte"] == 0.9
    # day-weighted over 365 days: 1 + 0.6 + I3 304/365 + I4 275/365 * 0.5 = 2.81
    assert fte.extra["mean_over_year"] == 2.81
    assert r["iro.by_employment_type"].value == {
        "permanent": {"headcount": 2, "fte": 1.6},
        "fixed_term": {"headcount": 0, "fte": 0.0},
        "agency": {"headcount": 1, "fte": 1.0},
        "commissioned": {"headcount": 0, "fte": 0.0},
    }


def test_iros_by_sex_against_the_children_in_care(team):
    result = team.metric("iro.by_sex.pct")
    assert result.value == {"M": 33.3, "F": 66.7, "U": 0.0}
    assert (result.numerator, result.denominator) == ({"M": 1, "F": 2, "U": 0}, 3)
    # children in care at the snapshot: A C E K boys, B D girls (G and H are not)
    assert result.extra["cla"] == {
        "value": {"M": 66.7, "F": 33.3, "U": 0.0},
        "numerator": {"M": 4, "F": 2, "U": 0},
        "denominator": 6,
    }


def test_iros_by_ethnic_group_against_the_children_in_care(team):
    result = team.metric("iro.by_ethnicity")
    assert result.value == {"White": 1, "Mixed": 0, "Asian": 1, "Black": 1, "Other": 0,
                            "Not stated": 0}  # fmt: skip
    assert result.extra["pct"]["White"] == 33.3
    # children: White A D E K (4/6 = 66.7%), Black B, Mixed C
    assert result.extra["cla_pct"]["White"] == 66.7
    assert result.extra["difference_points"]["White"] == -33.4
    assert result.extra["difference_points"]["Asian"] == 33.3


def test_caseload_per_fte_at_the_snapshot_and_month_ends(team):
    result = team.metric("iro.caseload.per_fte")
    assert (result.value, result.numerator, result.denominator) == (1.9, 5, 2.6)
    # 30/04/2024: A K (I1), B (I4), H (I2, still in care) = 4 over I1 I2 I4 = 2.1 FTE
    assert result.extra["monthly"]["2024-04"] == 1.9
    # 31/12/2024: A C D K B (handover day) = 5 over I1 I2 I3 I4 = 3.1 FTE
    assert result.extra["monthly"]["2024-12"] == 1.6
    assert len(result.extra["monthly"]) == 12
    assert result.extra["band"] == [50, 70]


def test_caseload_of_each_iro(team):
    result = team.metric("iro.caseload.by_iro")
    assert result.value == {
        "I1": {"children": 2, "fte": 1.0, "per_fte": 2.0},
        "I2": {"children": 2, "fte": 0.6, "per_fte": 3.3},
        "I3": {"children": 1, "fte": 1.0, "per_fte": 1.0},
    }
    assert (result.extra["min_per_fte"], result.extra["max_per_fte"]) == (1.0, 3.3)
    assert (result.extra["within_band"], result.extra["within_band_pct"]) == (0, 0.0)


def test_iro_allocated_within_five_working_days(team):
    result = team.metric("iro.allocation.within_5wd_pct")
    assert (result.value, result.numerator, result.denominator) == (50.0, 2, 4)
    assert result.extra["left_care_before_due"] == 1
    assert result.extra["pending"] == 0


def test_a_start_whose_deadline_has_not_passed_is_pending(team):
    result = team.metric("iro.allocation.within_5wd_pct", as_at=D(2025, 4, 2))
    assert (result.numerator, result.denominator, result.extra["pending"]) == (2, 3, 1)


@pytest.mark.parametrize("as_at, beyond, grace", [(D(2025, 4, 3), 0, 1), (D(2025, 4, 4), 1, 0)])
def test_children_without_an_iro_after_the_grace_period(team, as_at, beyond, grace):
    result = team.metric("iro.unallocated.count", as_at=as_at)
    assert (result.value, result.extra["within_grace"]) == (beyond, grace)


def test_changes_of_iro_per_child(team):
    result = team.metric("iro.continuity.changes_per_child")
    assert (result.value, result.numerator, result.denominator) == (0.25, 2, 8)
    assert result.extra["by_reason"] == {"iro_left": 1, "reallocation": 1}
    assert result.extra["children_with_change"] == 2


def test_same_iro_all_year(team):
    result = team.metric("iro.continuity.same_iro_pct")
    assert (result.value, result.numerator, result.denominator) == (33.3, 1, 3)


def test_an_empty_service(council):
    r = council.metrics(WORKFORCE_IDS)
    assert r["iro.headcount"].value == 0
    assert r["iro.fte"].value == 0.0
    assert r["iro.caseload.per_fte"].value is None
    assert r["iro.caseload.by_iro"].value == {}
    assert r["iro.allocation.within_5wd_pct"].value is None
    assert r["iro.continuity.changes_per_child"].value is None
    assert r["iro.by_sex.pct"].value == {"M": None, "F": None, "U": None}


def test_the_family_costs_a_handful_of_queries(team, django_assert_max_num_queries):
    # IROs, allocations, periods, episodes, children, ethnic groups, service facts, and the
    # periods at as_at (outside the year)
    with django_assert_max_num_queries(8):
        team.metrics(WORKFORCE_IDS)
