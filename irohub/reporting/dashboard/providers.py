"""A commissioned provider's figures, from the same metric functions over its reviews.

The metric functions take no provider filter, and they must not be changed for the dashboard.
Every review metric reads the year's reviews through one shared loader
(`data.all_reviews_in_period`, cached in the context as "data.all_reviews"); a provider's
context is given those rows narrowed to the reviews its IROs chaired, so timeliness,
participation and records are computed by the very functions the annual report uses.
"""

from __future__ import annotations

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext
from irohub.staff.models import EmploymentType

# The loader every review metric reads (irohub.reporting.metrics.data.all_reviews_in_period).
REVIEWS_KEY = "data.all_reviews"
# Tables that do not depend on whose reviews they are: shared so they are read once.
SHARED = {"data.children": data.children, "data.iros": data.iros}


def providers(ctx: MetricContext) -> dict[str, set[int]]:
    """Provider name -> its IROs (pks): commissioned IROs in post at any time in the period."""
    found: dict[str, set[int]] = {}
    for iro in data.iros(ctx).values():
        in_period = iro.start_date <= ctx.period.end and (
            iro.end_date is None or iro.end_date >= ctx.period.start
        )
        if iro.employment_type == EmploymentType.COMMISSIONED and in_period:
            found.setdefault(iro.provider or "Commissioned provider", set()).add(iro.pk)
    return dict(sorted(found.items()))


def scoped(ctx: MetricContext, chairs: set[int]) -> MetricContext:
    """A context like `ctx` whose reviews are only those chaired by `chairs`."""
    narrowed = MetricContext(ctx.period, ctx.rules, as_at=ctx.as_at)
    rows = [r for r in data.all_reviews_in_period(ctx) if r.chair in chairs]
    narrowed.cached(REVIEWS_KEY, lambda: rows)
    for key, load in SHARED.items():
        value = load(ctx)
        narrowed.cached(key, lambda value=value: value)
    return narrowed
