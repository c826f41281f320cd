"""Metrics: one function per id of the metric catalogue (../shared/spec/metrics.md).

Each module registers its metrics with `@metric(...)`; `compute(...)` runs any set of them for a
reporting period. Every output (dashboard, annual report in every format, the JSON) reads these
results, so a figure that appears twice is the same number.
"""

from irohub.reporting.metrics.base import (  # noqa: F401
    REGISTRY,
    MetricContext,
    MetricResult,
    ReportingPeriod,
    compute,
    metric,
)
