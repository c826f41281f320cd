"""The shared loaders: one query each per context, the looked-after rule and the review rows."""

from datetime import date

from irohub.children.models import Flag
from irohub.reporting.metrics import data


def test_looked_after_on_uses_the_dfe_snapshot_rule_and_leaves_out_short_breaks(council):
    stays = council.in_care("A", dob=date(2010, 1, 1), start=date(2024, 1, 10))
    council.in_care("LEFT", dob=date(2010, 1, 1), start=date(2024, 1, 10), end=date(2025, 3, 31))
    council.in_care("BREAK", dob=date(2012, 1, 1), start=date(2025, 3, 30), ls="V3")
    council.derive()
    ctx = council.metric_context()
    assert data.looked_after_on(ctx, date(2025, 3, 31)) == {stays.pk}
    assert data.looked_after_on(ctx, date(2025, 3, 30)) == {stays.pk, stays.pk + 1}
    assert len(data.looked_after_between(ctx, ctx.period.start, ctx.period.end)) == 2


def test_reviews_in_period_are_reg33_with_child_dob_and_chair(council):
    iro = council.iro("IRO1")
    child = council.in_care("A", dob=date(2015, 2, 1), start=date(2024, 3, 28))
    council.allocate(child, iro, date(2024, 3, 28))
    council.review(child, date(2024, 4, 29), pn_code="PN1", format="in_person")
    council.review(child, date(2024, 6, 1), statutory_basis="reg48")
    council.review(child, date(2025, 4, 2))
    council.derive()
    ctx = council.metric_context()
    [row] = data.reviews_in_period(ctx)
    assert (row.review_date, row.dob, row.chair_iro_id, row.review_type, row.in_time) == (
        date(2024, 4, 29),
        date(2015, 2, 1),
        "IRO1",
        "first",
        True,
    )
    assert len(data.all_reviews_in_period(ctx)) == 2


def test_each_loader_queries_once_per_context(council, django_assert_num_queries):
    council.in_care("A", dob=date(2015, 2, 1), start=date(2024, 3, 28))
    council.derive()
    ctx = council.metric_context()
    with django_assert_num_queries(5):
        for _ in range(2):
            data.children(ctx), data.episodes(ctx), data.periods(ctx)
            data.reviews_in_period(ctx), data.iros(ctx)
            data.looked_after_on(ctx, ctx.period.snapshot)


def test_mean_iro_fte_weights_days_in_post(council):
    council.iro(fte="1", start=date(2020, 1, 1))
    council.iro(fte="0.5", start=date(2024, 10, 1))  # 182 of 365 days
    ctx = council.metric_context()
    assert round(data.mean_iro_fte(ctx), 4) == round(1 + 0.5 * 182 / 365, 4)


def test_population_year_is_the_latest_mid_year_on_or_before_the_day(council):
    council.population(2023, "total", "all", 9000)
    council.population(2025, "total", "all", 9500)
    council.population(2024, "sex", "M", 4000)  # not a total: never chosen
    ctx = council.metric_context()
    assert data.population_year(ctx, date(2025, 3, 31)) == 2023  # 2024 has no total row
    assert data.population_year(ctx, date(2025, 6, 30)) == 2025
    assert data.population_year(ctx, date(2022, 6, 29)) is None


def test_flags_in_force_include_their_last_day(council):
    child = council.child("A", dob=date(2015, 1, 1))
    Flag.objects.create(child=child, flag="disability", start_date=date(2024, 1, 1),
                        end_date=date(2025, 3, 31))  # fmt: skip
    ctx = council.metric_context()
    assert data.flagged_on(ctx, "disability", date(2025, 3, 31)) == {child.pk}
    assert data.flagged_on(ctx, "disability", date(2025, 4, 1)) == set()
    assert data.flagged_on(ctx, "cp_plan", date(2025, 3, 31)) == set()


def test_result_shapes_and_code_groups(council):
    ctx = council.metric_context()
    assert data.code_groups(ctx, "ETHNIC")["BCRB"] == "Black"
    shares = data.pct_breakdown("x", {"a": 1, "b": 2}, 3)
    assert (shares.value, shares.numerator, shares.denominator) == (
        {"a": 33.3, "b": 66.7}, {"a": 1, "b": 2}, 3,
    )  # fmt: skip
    counts = data.count_breakdown("x", {"a": 0, "b": 0})
    assert counts.value == {"a": 0, "b": 0} and counts.extra["pct"] == {"a": None, "b": None}


def test_band_of_uses_the_band_set_in_force_and_the_leaving_variant(council):
    ctx = council.metric_context()
    dob = date(2007, 3, 31)
    assert data.band_of(ctx, dob, date(2025, 3, 30)) == "16+"
    assert data.band_of(ctx, dob, date(2025, 3, 30), leaving=True) == "16-17"
    assert data.band_of(ctx, dob, date(2025, 3, 31), leaving=True) == "18+"
