"""What a computation shares between this year's context and the previous year's: rows loaded
once over both years' days give each year exactly what its own queries would, previous-year
values are those of the previous year computed on its own, and the cycle collector paused while
metrics run is restored."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from irohub.children.models import Episode, PeriodOfCare
from irohub.reporting.metrics import base, data, timetables
from irohub.reporting.metrics.base import REGISTRY, MetricResult, compute, metric
from irohub.reviews.models import Review


@pytest.fixture
def two_years(timed):
    """The timed council (2024-25) with data from before 2023-24 (so previous-year values are
    given) and more in that year: a child who left in it, with reviews and contacts."""
    c = timed
    left = c.in_care("L1", dob=date(2011, 5, 1), start=date(2023, 3, 1), end=date(2024, 2, 1))
    c.review(left, date(2023, 3, 28))
    c.review(left, date(2023, 9, 1))
    iro = c.iro("IRO3")
    c.allocate(left, iro, date(2023, 3, 2), date(2024, 2, 1))
    c.contact(left, iro, date(2023, 7, 1))
    c.contact(left, iro, date(2023, 8, 1), kind="visit")
    c.derive()
    return c


def _all_ids():
    base._load_metric_modules()
    return [mid for mid in REGISTRY if not mid.startswith("test.")]


def test_previous_year_values_are_the_previous_year_computed_alone(two_years):
    c, ids = two_years, _all_ids()
    together = c.metrics(ids, with_previous=True)
    alone = c.metrics(ids, year="2023-24", as_at=date(2024, 4, 1))
    this_year = c.metrics(ids)
    assert together["cohort.cla_any_time.count"].previous == 3  # L1, R4 and R1 (from 28/03)
    for mid in ids:
        expected = alone[mid].value if REGISTRY[mid].has_previous else None
        assert together[mid].previous == expected, mid
        assert together[mid].value == this_year[mid].value, mid


def test_both_years_read_the_shared_tables_once(two_years, django_assert_num_queries):
    ctx = two_years.metric_context()
    before = ctx.for_previous_year()
    ctx.include(before)
    with django_assert_num_queries(5):  # children, IROs, episodes, periods, held reviews
        for context in (ctx, before, ctx):
            data.children(context), data.iros(context), data.episodes(context)
            data.periods(context)
            timetables.reviews_held(context, context.period.start, context.period.end)
            timetables.reviews_held(context, context.period.snapshot, context.period.snapshot)


WINDOWS = [
    (date(2024, 3, 31), date(2025, 3, 31)),  # inside the span
    (date(2023, 4, 1), date(2023, 4, 1)),
    (date(2024, 5, 7), date(2024, 5, 7)),  # R5's first break ends that day
    (date(2024, 12, 1), date(2024, 12, 1)),  # R2 leaves that day
    (date(2020, 1, 1), date(2021, 1, 1)),  # before the span: loaded on its own
    (date(2025, 6, 1), date(2026, 11, 22)),  # after it
]


@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_narrowed_rows_are_those_of_a_query_for_the_days(two_years, start, end):
    ctx = two_years.metric_context()
    ctx.include(ctx.for_previous_year())
    episodes = Episode.objects.filter(decom__lte=end).exclude(dec__lte=start)
    assert {e.pk for e in data.episodes_overlapping(ctx, start, end)} == set(
        episodes.values_list("pk", flat=True)
    )
    periods = PeriodOfCare.objects.filter(start__lte=end).exclude(end__lt=start)
    assert {p.pk for p in data.periods_overlapping(ctx, start, end)} == set(
        periods.values_list("pk", flat=True)
    )
    held = Review.objects.filter(period__start__lte=end, review_date__lte=end).exclude(
        period__end__lt=start
    )
    expected: dict[int, list[date]] = {}
    for period, day in held.values_list("period_id", "review_date"):
        expected.setdefault(period, []).append(day)
    found = timetables.reviews_held(ctx, start, end)
    assert {p: sorted(r.date for r in rows) for p, rows in found.items()} == {
        p: sorted(days) for p, days in expected.items()
    }


@pytest.fixture
def failing_metric():
    @metric("test.fails", title="A metric that fails", unit="count")
    def fails(ctx):
        raise RuntimeError("boom")

    yield "test.fails"
    del REGISTRY["test.fails"]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was(council, failing_metric, enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        council.metrics(["cohort.cla_snapshot.count"], with_previous=True)
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError):
            council.metrics([failing_metric])
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_metric_runs_with_the_collector_paused(council):
    seen = []

    @metric("test.collector", title="What the collector is doing", unit="count")
    def collector(ctx):
        seen.append(gc.isenabled())
        return MetricResult("test.collector", 0)

    try:
        compute(["test.collector"], period=council.period(), rules=council.rules,
                as_at=council.as_at, with_previous=False)  # fmt: skip
    finally:
        del REGISTRY["test.collector"]
    assert seen == [False]
