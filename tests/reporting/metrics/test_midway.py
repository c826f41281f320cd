"""Midway reviews and footprint against a hand-computed council (2024-25, snapshot 31/03/2025).

Children in care at the snapshot, latest review, next due date (rules core) and the midpoint:
  A  latest 14/10/2024, next 14/04/2025, midpoint 13/01/2025: due; midway 10/01/2025 (I1)
     after the review: covered (and a midway 15/07/2024 (I2) before it)
  B  latest 20/09/2024, next 20/03/2025 (overdue), midpoint 20/12/2024: due; only a midway
     on 01/08/2024 (I1), before the latest review: not covered
  C  latest 10/02/2025, next 10/08/2025: midpoint after the snapshot, not yet due; midway
     01/08/2024 (I2)
  D  in care from 10/03/2025, no review yet
  F  latest 01/10/2024, next 01/04/2025, midpoint 31/12/2024: due; midway 01/10/2024 (I2) is
     the review's own day, not after it: not covered
  G  17, second review 01/12/2024: the next would fall on the 18th birthday (01/06/2025), so
     none is due
  H  latest 15/03/2024 (last year), next 15/09/2024 (overdue), midpoint 15/06/2024: due;
     midway 20/03/2024, before the year but after the latest review: covered
Not in care at the snapshot: E (left 01/02/2025), midway 11/11/2024 (I1).
Coverage A H of A B F H = 50.0%; midways in the year 6 for A B C E F = 5 children.
"""

from __future__ import annotations

from datetime import date

import pytest

D = date
MIDWAY_IDS = ["midway.held.count", "midway.children.count", "midway.coverage.pct",
              "quality.iro_footprint.count"]  # fmt: skip


@pytest.fixture
def midways(council):
    c = council
    i1, i2 = c.iro("I1"), c.iro("I2")
    a = c.in_care("A", dob=D(2012, 1, 1), start=D(2023, 1, 1))
    for day in (D(2023, 1, 20), D(2023, 4, 20), D(2023, 10, 18), D(2024, 4, 15), D(2024, 10, 14)):
        c.review(a, day)
    b = c.in_care("B", dob=D(2012, 1, 1), start=D(2024, 6, 3))
    c.review(b, D(2024, 6, 28))
    c.review(b, D(2024, 9, 20))
    cc = c.in_care("C", dob=D(2012, 1, 1), start=D(2024, 1, 8))
    for day in (D(2024, 2, 2), D(2024, 5, 1), D(2025, 2, 10)):
        c.review(cc, day)
    c.in_care("D", dob=D(2012, 1, 1), start=D(2025, 3, 10))
    e = c.in_care("E", dob=D(2012, 1, 1), start=D(2024, 1, 1), end=D(2025, 2, 1), rec="E4A")
    f = c.in_care("F", dob=D(2012, 1, 1), start=D(2024, 3, 11))
    c.review(f, D(2024, 4, 1))
    c.review(f, D(2024, 10, 1))
    h = c.in_care("H", dob=D(2012, 1, 1), start=D(2023, 1, 1))
    for day in (D(2023, 1, 20), D(2023, 4, 20), D(2024, 3, 15)):
        c.review(h, day)
    c.contact(h, i1, D(2024, 3, 20))
    g = c.in_care("G", dob=D(2007, 6, 1), start=D(2024, 11, 4))
    c.review(g, D(2024, 11, 20))
    c.review(g, D(2024, 12, 1))
    for child, iro, day in [(a, i2, D(2024, 7, 15)), (a, i1, D(2025, 1, 10)),
                            (b, i1, D(2024, 8, 1)), (cc, i2, D(2024, 8, 1)),
                            (e, i1, D(2024, 11, 11)), (f, i2, D(2024, 10, 1)),
                            (a, i1, D(2024, 3, 1)), (b, i1, D(2025, 4, 1))]:  # fmt: skip
        c.contact(child, iro, day)
    c.contact(a, i1, D(2024, 5, 5), kind="visit")
    c.contact(b, i1, D(2024, 6, 10), kind="call")
    c.contact(cc, i2, D(2025, 3, 31), kind="case_note")
    c.contact(cc, i2, D(2024, 3, 31), kind="consultation")
    c.derive()
    return c


def test_midway_reviews_held_in_the_year(midways):
    result = midways.metric("midway.held.count")
    assert result.value == 6
    by_month = result.extra["by_month"]
    assert len(by_month) == 12
    assert {k: v for k, v in by_month.items() if v} == {
        "2024-07": 1, "2024-08": 2, "2024-10": 1, "2024-11": 1, "2025-01": 1,
    }  # fmt: skip
    assert result.extra["by_iro"] == {"I1": 3, "I2": 3}
    assert midways.metric("midway.children.count").value == 5


def test_midway_coverage_of_the_children_a_midway_was_due_for(midways):
    result = midways.metric("midway.coverage.pct")
    assert (result.value, result.numerator, result.denominator) == (50.0, 2, 4)
    assert result.extra == {"not_yet_due": 1, "no_review_yet": 1}


def test_the_iro_footprint_counts_every_contact_of_the_year(midways):
    result = midways.metric("quality.iro_footprint.count")
    assert result.value == 9
    assert result.extra["by_type"] == {
        "midway_review": 6, "visit": 1, "call": 1, "message": 0, "consultation": 0,
        "case_note": 1,
    }  # fmt: skip
    assert result.extra["by_iro"] == {"I1": 5, "I2": 4}


def test_coverage_at_the_previous_snapshot(midways):
    """At 31/03/2024: A (latest 18/10/2023, next 18/04/2024) is covered by its midway of
    01/03/2024; C (latest 02/02/2024, next 02/05/2024, midpoint 18/03/2024) has none; H's
    midpoint (15/06/2024) is still ahead; E and F have had no review."""
    result = midways.metric("midway.coverage.pct", year="2023-24", as_at=D(2024, 4, 1))
    assert (result.numerator, result.denominator) == (1, 2)


def test_no_contacts_and_no_children(council):
    r = council.metrics(MIDWAY_IDS)
    assert r["midway.held.count"].value == 0
    assert r["midway.children.count"].value == 0
    assert r["midway.coverage.pct"].value is None
    assert r["quality.iro_footprint.count"].value == 0


def test_the_family_costs_a_handful_of_queries(midways, django_assert_max_num_queries):
    # contacts, episodes, periods, reviews of the current periods, children, the midways
    # since the earliest latest review when that is before the year, and the history start
    with django_assert_max_num_queries(7):
        midways.metrics(MIDWAY_IDS)
