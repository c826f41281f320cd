"""Participation against Brent's 2024-25 PN table (metrics.md §2.8): PN0 114, PN1 519, PN2 14,
PN3 4, PN4 3, PN5 108, PN6 24, PN7 11 (797 reviews; 683 of children aged 4+). The published
percentages follow by half-up rounding of the exact ratios, except Brent's PN2 1.7%/2.1%, which
do not reproduce (14/797 = 1.76%, 14/683 = 2.05%) — the catalogue's formula wins (§2.17).

Traps: an under-4 review recorded as PN1 is PN0 (derived from the date of birth); two reviews
of older children with no valid code (blank, and PN0 for a 14-year-old) are `not_coded` and
left out of every base.
"""

from __future__ import annotations

from datetime import date

import pytest

from irohub.children.models import Child
from irohub.reviews.models import Review

BRENT = {"PN0": 114, "PN1": 519, "PN2": 14, "PN3": 4, "PN4": 3, "PN5": 108, "PN6": 24, "PN7": 11}
IDS = [
    "participation.code.count", "participation.code.pct_all", "participation.code.pct_4plus",
    "participation.under4.pct", "participation.direct.pct_4plus",
    "participation.attended.pct_4plus", "participation.any.pct_4plus",
    "participation.views_conveyed.pct_4plus", "participation.none.pct_4plus",
    "participation.contributed.pct_all", "participation.seen_before_review.pct",
]  # fmt: skip
REVIEW_DAY = date(2024, 6, 1)


def _reviews(codes: list[tuple[str, date]], seen: list) -> None:
    children = Child.objects.bulk_create(
        Child(child_id=f"B{i:04d}", sex="F", dob=dob, ethnicity="WBRI")
        for i, (_, dob) in enumerate(codes)
    )
    Review.objects.bulk_create(
        Review(child=child, review_date=REVIEW_DAY, pn_code=code, seen_before=s)
        for child, (code, _), s in zip(children, codes, seen, strict=True)
    )


@pytest.fixture
def brent(council):
    under4, older = date(2022, 1, 1), date(2010, 1, 1)
    codes = [("PN0", under4)] * 113 + [("PN1", under4)]  # the mis-coded under-4 is still PN0
    for code in ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"):
        codes += [(code, older)] * BRENT[code]
    codes += [("", older), ("PN0", older)]
    # Children 4+ (685 reviews): seen before 400, not seen 200, not recorded 85.
    seen = [None] * 114 + [True] * 400 + [False] * 200 + [None] * 85
    _reviews(codes, seen)
    return council


def test_code_counts_derive_pn0_from_the_date_of_birth(brent):
    r = brent.metric("participation.code.count")
    assert r.value == BRENT and r.extra["not_coded"] == 2


def test_percentages_of_all_reviews_and_of_children_aged_4_plus(brent):
    r = brent.metrics(IDS)
    all_reviews = r["participation.code.pct_all"]
    assert all_reviews.denominator == 797 and all_reviews.numerator == BRENT
    assert all_reviews.value == {"PN0": 14.3, "PN1": 65.1, "PN2": 1.8, "PN3": 0.5, "PN4": 0.4,
                                 "PN5": 13.6, "PN6": 3.0, "PN7": 1.4}  # fmt: skip
    older = r["participation.code.pct_4plus"]
    assert older.denominator == 683 and "PN0" not in older.value
    assert older.value == {"PN1": 76.0, "PN2": 2.0, "PN3": 0.6, "PN4": 0.4, "PN5": 15.8,
                           "PN6": 3.5, "PN7": 1.6}  # fmt: skip


@pytest.mark.parametrize(
    "metric_id, value, numerator, denominator",
    [
        ("participation.under4.pct", 14.3, 114, 797),
        ("participation.direct.pct_4plus", 76.0, 519, 683),
        ("participation.attended.pct_4plus", 79.1, 540, 683),
        ("participation.any.pct_4plus", 98.4, 672, 683),
        ("participation.views_conveyed.pct_4plus", 98.0, 669, 683),
        ("participation.none.pct_4plus", 1.6, 11, 683),
        ("participation.contributed.pct_all", 98.6, 786, 797),
        ("participation.seen_before_review.pct", 58.4, 400, 685),
    ],
)
def test_groupings(brent, metric_id, value, numerator, denominator):
    r = brent.metric(metric_id)
    assert (r.value, r.numerator, r.denominator) == (value, numerator, denominator)


def test_seen_before_counts_unanswered_reviews(brent):
    assert brent.metric("participation.seen_before_review.pct").extra["not_recorded"] == 85


def test_no_reviews_gives_null_percentages(council):
    r = council.metrics(IDS)
    assert r["participation.code.count"].value == dict.fromkeys(BRENT, 0)
    assert r["participation.direct.pct_4plus"].value is None
    assert r["participation.code.pct_all"].value["PN1"] is None


def test_the_whole_family_costs_one_query(brent, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        brent.metrics(IDS)
