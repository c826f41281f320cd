"""Review activity against the hand-timed council of conftest.py (`timed`)."""

from __future__ import annotations

REVIEW_IDS = [
    "reviews.held.count", "reviews.children_reviewed.count", "reviews.per_child.mean",
    "reviews.by_month.count", "reviews.by_month.mean", "reviews.by_type.count",
    "reviews.by_iro.count", "reviews.per_iro_fte_month", "reviews.by_format.pct",
    "reviews.child_chaired.count", "reviews.additional.count", "reviews.short_break.count",
]  # fmt: skip


def test_counts_per_child_and_per_month(timed):
    r = timed.metrics(REVIEW_IDS)
    assert r["reviews.held.count"].value == 8
    assert r["reviews.children_reviewed.count"].value == 5
    mean = r["reviews.per_child.mean"]
    assert (mean.value, mean.numerator, mean.denominator) == (1.6, 8, 5)
    months = r["reviews.by_month.count"].value
    assert list(months) == timed.period().months()
    assert {m: n for m, n in months.items() if n} == {
        "2024-04": 1, "2024-06": 1, "2024-07": 1, "2024-08": 1, "2024-09": 2, "2025-01": 1,
        "2025-02": 1,
    }  # fmt: skip
    assert r["reviews.by_month.mean"].value == 0.7  # 8 / 12


def test_types_chairs_and_workload(timed):
    r = timed.metrics(REVIEW_IDS)
    types = r["reviews.by_type.count"]
    assert types.value == {"first": 3, "second": 1, "subsequent": 3}
    assert types.extra["not_assessed"] == 1
    by_iro = r["reviews.by_iro.count"]
    assert by_iro.value == {"IRO1": 5, "IRO2": 2}
    assert by_iro.extra == {"by_provider": {"in_house": 5, "agency": 0, "commissioned": 2},
                            "no_chair": 1}  # fmt: skip
    workload = r["reviews.per_iro_fte_month"]
    assert workload.value == 0.4 and workload.extra["mean_fte"] == 1.6  # 8 / 12 / 1.6


def test_format_child_chairs_additional_and_short_breaks(timed):
    r = timed.metrics(REVIEW_IDS)
    formats = r["reviews.by_format.pct"]
    assert formats.value == {"in_person": 12.5, "virtual": 12.5, "hybrid": 12.5,
                             "not_recorded": 62.5}  # fmt: skip
    assert formats.denominator == 8
    chaired = r["reviews.child_chaired.count"]
    assert chaired.value == 2
    assert chaired.extra == {"chaired": 1, "co_chaired": 1, "pct_5plus": 28.6}  # 2 of 7
    assert r["reviews.additional.count"].value == 1
    breaks = r["reviews.short_break.count"]
    assert breaks.value == 1 and breaks.extra["in_time_pct"] == 100.0


def test_the_whole_family_costs_a_few_queries(timed, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        timed.metrics(REVIEW_IDS)
