"""Advocacy and independent-visitor metrics against a hand-computed council (2024-25).

  R1 A issue_based      10/05/2024 closed 10/08/2024  10.5 h  housing; education
  R2 A child_protection 01/06/2024 open                4 h    housing
  R3 B issue_based      15/03/2024 open (last year's referral, still supporting B)  20 h
  R4 C issue_based      01/02/2024 closed 31/03/2024 (not open in the year)
  R5 D independent_visitor 01/09/2023 open             30 h
  R6 E independent_visitor 01/10/2024 open             12 h   social_worker
  R7 E issue_based      01/04/2025 (next year)
  R8 B issue_based      20/01/2025 open, no hours            housing; complaint

A, B, C and E are looked after in the year (from 01/01/2024); D is not.
Referrals in the year R1 R2 R8 = 3 (children A, B: 50% of 4); supported: issue-based A B, CP A; hours
10.5 + 4 = 14.5; issues housing 3, complaint 1, education 1, social_worker 1; IV matched D E.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from irohub.voice.models import AdvocacyIssue, AdvocacyReferral

D = date
VOICE_IDS = [
    "advocacy.referrals.count", "advocacy.children_supported.count",
    "advocacy.hours.delivered", "advocacy.hours.contracted", "advocacy.issues.by_theme",
    "iv.matched.count", "iv.target", "iv.hours",
]  # fmt: skip


def refer(child, day, kind, *, hours=None, closed=None, issues=()):
    referral = AdvocacyReferral.objects.create(
        child=child, referral_date=day, kind=kind, closed_date=closed,
        hours=None if hours is None else Decimal(str(hours)),
    )  # fmt: skip
    for theme in issues:
        AdvocacyIssue.objects.create(referral=referral, theme=theme)
    return referral


@pytest.fixture
def voice(council):
    c = council
    a, b, cc, d, e = (c.child(x, dob=D(2010, 1, 1)) for x in "ABCDE")
    for child in (a, b, cc, e):  # looked after in the year: 2 of these 4 were referred
        c.episode(child, D(2024, 1, 1))
    refer(a, D(2024, 5, 10), "issue_based", hours=10.5, closed=D(2024, 8, 10),
          issues=["housing", "education"])  # fmt: skip
    refer(a, D(2024, 6, 1), "child_protection", hours=4, issues=["housing"])
    refer(b, D(2024, 3, 15), "issue_based", hours=20)
    refer(cc, D(2024, 2, 1), "issue_based", closed=D(2024, 3, 31))
    refer(d, D(2023, 9, 1), "independent_visitor", hours=30)
    refer(e, D(2024, 10, 1), "independent_visitor", hours=12, issues=["social_worker"])
    refer(e, D(2025, 4, 1), "issue_based", hours=3)
    refer(b, D(2025, 1, 20), "issue_based", issues=["housing", "complaint"])
    return c


def test_advocacy(voice):
    voice.service_fact("advocacy_hours_contracted", Decimal("20.00"))
    r = voice.metrics(VOICE_IDS)
    referrals = r["advocacy.referrals.count"]
    assert referrals.value == 3
    assert referrals.extra == {
        "children": 2, "children_pct_of_cla": 50.0,
        "by_kind": {"issue_based": 2, "child_protection": 1},
    }  # fmt: skip
    supported = r["advocacy.children_supported.count"]
    assert supported.value == {"issue_based": 2, "child_protection": 1}
    assert supported.extra["total"] == 2
    delivered = r["advocacy.hours.delivered"]
    assert delivered.value == 14.5
    assert delivered.extra == {"contracted": 20, "variance": -5.5}
    assert r["advocacy.hours.contracted"].value == 20
    issues = r["advocacy.issues.by_theme"]
    assert list(issues.value.items()) == [
        ("housing", 3), ("complaint", 1), ("education", 1), ("social_worker", 1),
    ]  # fmt: skip
    assert issues.extra["total"] == 6


def test_independent_visitors(voice):
    voice.service_fact("iv_target", Decimal("14"))
    voice.service_fact("iv_hours", Decimal("532.6"))
    voice.service_fact("iv_target", Decimal("10"), year="2023-24")
    r = voice.metrics(VOICE_IDS)
    assert r["iv.matched.count"].value == 2
    assert r["iv.matched.count"].extra["target"] == 14
    assert r["iv.target"].value == 14
    assert isinstance(r["iv.target"].value, int)
    assert r["iv.hours"].value == 532.6
    assert r["iv.hours"].extra["source"] == "service.csv"


def test_iv_hours_fall_back_to_the_referrals_of_the_year(voice):
    result = voice.metric("iv.hours")
    assert (result.value, result.extra["source"]) == (12, "advocacy.csv")


def test_absent_inputs_are_null_not_zero(council):
    r = council.metrics(VOICE_IDS)
    assert r["advocacy.referrals.count"].value == 0
    assert r["advocacy.children_supported.count"].value == {"issue_based": 0, "child_protection": 0}
    for mid in ("advocacy.hours.delivered", "advocacy.hours.contracted", "iv.target", "iv.hours"):
        assert r[mid].value is None, mid
    assert r["advocacy.issues.by_theme"].value == {}


def test_the_family_costs_four_queries(voice, django_assert_max_num_queries):
    # service facts, referrals, issues, and the episodes for the children looked after
    with django_assert_max_num_queries(4):
        voice.metrics(VOICE_IDS)
