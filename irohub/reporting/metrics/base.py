"""The metric registry, the reporting period, the context metrics share, and the result shape.

A metric function takes a `MetricContext` and returns a `MetricResult`. Metrics read data
set-wise: a context loads each table it needs once (`ctx.cached`), as columns, so the ~110 core
metrics of a year cost a handful of queries however many children there are.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from irohub.statutory.settings import RuleSettings


@dataclass(frozen=True)
class ReportingPeriod:
    """A reporting year, 1 April to 31 March by default (rules `reporting.year_start`), with the
    snapshot date (`reporting.snapshot`, 31 March) that the DfE counts children in care on."""

    label: str  # "2024-25"
    start: date
    end: date
    snapshot: date

    @classmethod
    def for_year(cls, year: str | int, rules: RuleSettings | None = None) -> ReportingPeriod:
        """`2024-25`, `2024/25` or `2024` (the year it starts) -> the period."""
        first = _start_year(year)
        month, day = _month_day(rules.reporting.year_start if rules else "04-01")
        snap_month, snap_day = _month_day(rules.reporting.snapshot if rules else "03-31")
        start = date(first, month, day)
        end = date(first + 1, month, day) - timedelta(days=1)
        snapshot_year = first + 1 if (snap_month, snap_day) < (month, day) else first
        return cls(
            f"{first}-{(first + 1) % 100:02d}",
            start,
            end,
            date(snapshot_year, snap_month, snap_day),
        )

    @classmethod
    def containing(cls, day: date, rules: RuleSettings | None = None) -> ReportingPeriod:
        month, dd = _month_day(rules.reporting.year_start if rules else "04-01")
        first = day.year if (day.month, day.day) >= (month, dd) else day.year - 1
        return cls.for_year(first, rules)

    def previous(self, rules: RuleSettings | None = None) -> ReportingPeriod:
        return ReportingPeriod.for_year(self.start.year - 1, rules)

    def months(self) -> list[str]:
        """The calendar months of the period as `YYYY-MM` keys."""
        keys, year, month = [], self.start.year, self.start.month
        while date(year, month, 1) <= self.end:
            keys.append(f"{year}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return keys

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def _start_year(year: str | int) -> int:
    text = str(year).strip()
    match = re.fullmatch(r"(\d{4})(?:[-/](\d{2}|\d{4}))?", text)
    if not match:
        raise ValueError(f"A reporting year looks like 2024-25 or 2024/25, not {text!r}")
    first = int(match.group(1))
    if match.group(2) and int(match.group(2)[-2:]) != (first + 1) % 100:
        raise ValueError(f"{text!r} is not one year: the second year must follow the first")
    return first


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def pct(numerator: int | float, denominator: int | float) -> float | None:
    """A percentage rounded half-up to 1 decimal place; None when there is no denominator
    (metrics.md §2.0: "n/a", never 0%)."""
    if not denominator:
        return None
    return round_half_up(Decimal(numerator) * 100 / Decimal(denominator), 1)


def round_half_up(value: Decimal | float, places: int = 1) -> float:
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass
class MetricResult:
    """One metric's figures in the shapes of interfaces.md §4. `previous` is the previous
    reporting year's value (same shape) when the data reach back that far."""

    id: str
    value: Any
    numerator: Any = None
    denominator: Any = None
    previous: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_percentage(self) -> bool:
        return self.denominator is not None or self.numerator is not None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value}
        if self.is_percentage:
            out["numerator"] = self.numerator
            out["denominator"] = self.denominator
        if self.previous is not None:
            out["previous"] = self.previous
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class MetricDef:
    id: str
    title: str
    unit: str  # "count" | "pct" | "rate" | "mean" | "breakdown" | "matrix" | "list" | "number"
    function: Callable[[MetricContext], MetricResult]
    has_previous: bool = True


REGISTRY: dict[str, MetricDef] = {}


def metric(id: str, *, title: str, unit: str, has_previous: bool = True):
    """Register the one implementation of catalogue metric `id`."""

    def register(function: Callable[[MetricContext], MetricResult]):
        if id in REGISTRY:
            raise ValueError(f"Metric {id} is implemented twice")
        REGISTRY[id] = MetricDef(id, title, unit, function, has_previous)
        return function

    return register


class MetricContext:
    """What every metric of one period reads: the period, the rules in force, the date "today"
    is (for live metrics), and a cache so each table is loaded once per context.

    A context and the previous year's context that `compute` makes from it also share a
    second cache (`shared`): for rows that do not depend on the year (children, IROs) and for
    rows loaded once over the days both years look at (`span`), which each context then
    narrows to its own year, so the previous-year values cost little more than the filtering.
    """

    def __init__(
        self,
        period: ReportingPeriod,
        rules: RuleSettings,
        *,
        as_at: date,
        shared: dict[str, Any] | None = None,
    ):
        self.period = period
        self.rules = rules
        self.as_at = as_at
        self.calendar = rules.calendar()
        self._cache: dict[str, Any] = {}
        self._shared: dict[str, Any] = {} if shared is None else shared
        self._shared.setdefault(_SPAN, year_window(period, rules))

    def cached(self, key: str, load: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    def shared(self, key: str, load: Callable[[], Any]) -> Any:
        """Like `cached`, across this context and the previous year's made by `compute`."""
        if key not in self._shared:
            self._shared[key] = load()
        return self._shared[key]

    @property
    def span(self) -> tuple[date, date]:
        """The first and last day the contexts sharing this one's cache look at: a loader that
        loads once for all of them loads these days (and checks that they cover its own)."""
        return self._shared[_SPAN]

    def over_span(self, table: str, start: date, end: date, load: Callable[..., Any]) -> Any:
        """The rows of `table` for the days start..end, from a load shared with the previous
        year's context that covers those days (made over the whole `span` the first time);
        days outside the span are loaded on their own. `load(first, last)` is one query."""
        loads = self.shared(f"{table}:loads", list)
        for (low, high), rows in loads:
            if low <= start and end <= high:
                return rows
        low, high = self.span
        if not (low <= start and end <= high):
            low, high = start, end
        rows = load(low, high)
        loads.append(((low, high), rows))
        return rows

    def for_previous_year(self) -> MetricContext:
        before = self.period.previous(self.rules)
        return MetricContext(before, self.rules, as_at=self.period.start, shared=self._shared)

    def include(self, other: MetricContext) -> None:
        """Widen the shared span to the days `other` looks at (before anything is loaded)."""
        (low, high), (first, last) = self.span, year_window(other.period, other.rules)
        self._shared[_SPAN] = (min(low, first), max(high, last))


_SPAN = "base.span"


def year_window(period: ReportingPeriod, rules: RuleSettings) -> tuple[date, date]:
    """The days one year's metrics look at: from the previous snapshot (or the first day) to
    the last day (or the snapshot)."""
    start = min(period.start, period.previous(rules).snapshot)
    return start, max(period.end, period.snapshot)


def compute(
    ids: Iterable[str] | None = None,
    *,
    period: ReportingPeriod,
    rules: RuleSettings,
    as_at: date,
    with_previous: bool = True,
) -> dict[str, MetricResult]:
    """Compute metrics (all registered ones by default) for a period, with last year's values.

    Whether the data reach back a year is asked first, so that the loaders of this year can
    also load the previous year's days in the same query when they will be needed."""
    _load_metric_modules()
    wanted = list(REGISTRY) if ids is None else list(ids)
    with _collector_paused():
        ctx = MetricContext(period, rules, as_at=as_at)
        before = ctx.for_previous_year() if with_previous else None
        reaches = before is not None and _has_data(before)  # one query for the whole set
        if reaches:
            ctx.include(before)
        results = {mid: REGISTRY[mid].function(ctx) for mid in wanted}
        if with_previous:
            for mid in wanted:
                if REGISTRY[mid].has_previous and results[mid].previous is None:
                    previous = REGISTRY[mid].function(before).value if reaches else None
                    results[mid].previous = previous
    return results


@contextmanager
def _collector_paused():
    """Python's cycle collector off while the metrics run, back on (as it was) after.

    The loaders create a few hundred thousand row tuples in a burst; each burst triggers full
    collections that walk every object in the process, which cost a third of the time on the
    large council (bench_metrics.py: 1.85 -> 1.25 s CPU) and find nothing to free: the rows
    stay in the context until it goes. Memory freed by reference counting is freed as ever.
    The switch is process-wide: of computations overlapping in threads, each one that found
    the collector on turns it back on when it ends, so it is never left off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _has_data(ctx: MetricContext) -> bool:
    """Previous-year values only where the data reach back that far (interfaces.md §4)."""
    from irohub.reporting.metrics.coverage import data_reaches

    return data_reaches(ctx.period.start)


def _load_metric_modules() -> None:
    import importlib
    import pkgutil

    import irohub.reporting.metrics as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name not in {"base", "coverage"}:
            importlib.import_module(f"{package.__name__}.{info.name}")
