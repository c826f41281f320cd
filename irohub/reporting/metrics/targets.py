"""The target register with this year's actuals and a RAG status (metrics.md §2.15, core shapes).

Each target row (targets.csv, the year's label) names a metric id; its actual is that metric's
value computed through the registry, never worked out again here, so the register always shows
the figure the rest of the report shows.

RAG: green when the target is met (at or above it for `higher_is_better`, at or below it for
`lower_is_better`); amber when a percentage misses by at most 5 points, or any other figure
(counts, rates, means) by at most 10% of the target; red otherwise. A target on a metric that is
unknown, not a single number (a breakdown) or not available this year (null) has no actual, gap
or RAG (`null`), with the reason in `note`. `gap` is actual - target (1 decimal place for a
percentage, 2 otherwise).
"""

from __future__ import annotations

from decimal import Decimal

from irohub.council.models import Target
from irohub.reporting.metrics.base import (
    REGISTRY,
    MetricContext,
    MetricResult,
    _load_metric_modules,
    metric,
    round_half_up,
)

REGISTER = "targets.register"
AMBER_POINTS = Decimal(5)  # percentage points
AMBER_SHARE = Decimal("0.10")  # of the target, for everything that is not a percentage
HIGHER = Target.Direction.HIGHER.value


def _targets(ctx: MetricContext) -> list[tuple[str, Decimal, str]]:
    def load():
        rows = Target.objects.filter(year=ctx.period.label).order_by("metric_id")
        return list(rows.values_list("metric_id", "target", "direction"))

    return ctx.cached("targets.rows", load)


def _actual(ctx: MetricContext, metric_id: str) -> tuple[object, str | None]:
    """The metric's value as its one implementation computes it, or (None, why not)."""
    if metric_id not in REGISTRY:
        _load_metric_modules()  # when called on its own, not through compute()
    if metric_id == REGISTER or metric_id not in REGISTRY:
        return None, "no metric has this id"
    value = ctx.cached(f"targets.actual:{metric_id}", lambda: REGISTRY[metric_id].function(ctx))
    value = value.value
    if value is None:
        return None, "not available this year"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None, "the metric is not a single number"
    return value, None


def rag(actual: Decimal, target: Decimal, direction: str, is_pct: bool) -> str:
    """green / amber / red for one target (the rule in the module docstring)."""
    shortfall = target - actual if direction == HIGHER else actual - target
    if shortfall <= 0:
        return "green"
    allowed = AMBER_POINTS if is_pct else abs(target) * AMBER_SHARE
    return "amber" if shortfall <= allowed else "red"


def _row(ctx: MetricContext, metric_id: str, target: Decimal, direction: str) -> dict:
    actual, note = _actual(ctx, metric_id)
    row = {"metric_id": metric_id, "target": _plain(target), "direction": direction,
           "actual": actual, "gap": None, "rag": None}  # fmt: skip
    if note:
        row["note"] = note
        return row
    is_pct = REGISTRY[metric_id].unit == "pct"
    exact = Decimal(str(actual))
    row["gap"] = round_half_up(exact - target, 1 if is_pct else 2)
    row["rag"] = rag(exact, target, direction, is_pct)
    return row


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@metric(REGISTER, title="Targets and progress", unit="list")
def register(ctx: MetricContext) -> MetricResult:
    rows = [_row(ctx, *target) for target in _targets(ctx)]
    counts = {
        colour: sum(1 for r in rows if r["rag"] == colour) for colour in ("green", "amber", "red")
    }
    return MetricResult(REGISTER, rows, extra={"rag_counts": counts})
