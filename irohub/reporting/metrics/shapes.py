"""The result shapes of interfaces.md §4 that many metrics share (used as `data.pct_breakdown`,
`data.count_breakdown`, `data.shares`)."""

from __future__ import annotations

from irohub.reporting.metrics.base import MetricResult, pct


def shares(counts: dict[str, int], base: int) -> dict[str, float | None]:
    """Each category's percentage of `base` (half-up, 1 dp; None when base is 0)."""
    return {category: pct(n, base) for category, n in counts.items()}


def pct_breakdown(metric_id: str, counts: dict[str, int], base: int, **extra) -> MetricResult:
    """A breakdown of percentages in the interfaces.md §4 shape: value {cat: pct},
    numerator {cat: n}, denominator the base."""
    return MetricResult(metric_id, shares(counts, base), numerator=dict(counts),
                        denominator=base, extra=extra)  # fmt: skip


def count_breakdown(metric_id: str, counts: dict[str, int], **extra) -> MetricResult:
    """A breakdown of counts: value {cat: n}, with each category's share of the total in
    `extra["pct"]` (the tables print "count (%)") and the total in `extra["total"]`."""
    total = sum(counts.values())
    return MetricResult(metric_id, dict(counts),
                        extra={"total": total, "pct": shares(counts, total), **extra})  # fmt: skip
