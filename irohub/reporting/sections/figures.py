"""Reading the computed metrics in the shapes of the report JSON (interfaces.md §4).

A section reads figures through `Figures`, never the database. The report keeps two views of one
computation: `tables` (every figure, for the tables, which publication mode suppresses table by
table) and `said` (the JSON as published, suppressed in publication mode, for the sentences, so
a sentence never states a number the public tables hide).
"""

from __future__ import annotations

from typing import Any

from irohub.reporting.document import is_number
from irohub.reporting.metrics.base import pct


class Figures:
    def __init__(self, metrics: dict[str, dict[str, Any]]):
        self.metrics = metrics

    def metric(self, metric_id: str) -> dict[str, Any]:
        found = self.metrics.get(metric_id)
        return found if isinstance(found, dict) else {}

    def value(self, metric_id: str) -> Any:
        return self.metric(metric_id).get("value")

    def previous(self, metric_id: str) -> Any:
        return self.metric(metric_id).get("previous")

    def numerator(self, metric_id: str) -> Any:
        return self.metric(metric_id).get("numerator")

    def denominator(self, metric_id: str) -> Any:
        return self.metric(metric_id).get("denominator")

    def missing(self, metric_id: str) -> bool:
        return bool(self.metric(metric_id).get("missing")) or metric_id not in self.metrics

    def breakdown(self, metric_id: str, part: str = "value") -> dict[str, Any]:
        """A breakdown's categories (an empty dict when there is none)."""
        found = self.metric(metric_id).get(part)
        return found if isinstance(found, dict) else {}

    def detail(self, metric_id: str, key: str) -> dict[str, Any]:
        """A breakdown a metric carries beside its value (`by_type`, `by_respondent`), or {}.
        The public JSON leaves these out, so only tables (suppressed as tables) read them."""
        found = self.metric(metric_id).get(key)
        return found if isinstance(found, dict) else {}

    def counts(self, metric_id: str, part: str = "value") -> dict[str, Any]:
        """Counts per category, whether the metric is a breakdown of counts ({cat: n}), of
        percentages with their counts as numerators, or of records ({cat: {"count": n}})."""
        if part == "value" and isinstance(self.numerator(metric_id), dict):
            return dict(self.numerator(metric_id))
        found = self.breakdown(metric_id, part)
        return {key: _count_of(entry) for key, entry in found.items()}

    def shares(self, metric_id: str) -> dict[str, Any]:
        """Percentages per category: the metric's own when it carries them, else each count
        over the sum of the counts (the shares of a breakdown of the snapshot)."""
        if isinstance(self.numerator(metric_id), dict):
            return dict(self.breakdown(metric_id))
        counts = self.counts(metric_id)
        if any(v is not None and not is_number(v) for v in counts.values()):
            return {key: None for key in counts}  # a hidden count: no share can be worked out
        base = sum(v for v in counts.values() if is_number(v))
        return {key: pct(n, base) if is_number(n) else None for key, n in counts.items()}


def _count_of(entry: Any) -> Any:
    if isinstance(entry, dict):
        for key in ("count", "n", "headcount", "children", "value"):
            if key in entry:
                return entry[key]
        return None
    return entry
