"""Dates and ages as the metrics count them (metrics.md §2.0), used as `data.age`,
`data.band_of`, `data.month_key`, `data.month_ends`, `data.previous_snapshot`."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from irohub.reporting.metrics.base import MetricContext
from irohub.statutory.participation import age_on


def age(dob: date, day: date) -> int:
    """Age in completed years on a day (metrics.md §2.0), by the rules core."""
    return age_on(dob, day)


def band_of(ctx: MetricContext, dob: date, day: date, *, leaving: bool = False) -> str:
    """The label of the age band in force (`reporting.age_bands`) for the age on `day`;
    `leaving=True` uses the discharge variant that adds `18+`."""
    bands = _leaving_bands(ctx) if leaving else ctx.rules.age_bands()
    return bands.label_for(max(age(dob, day), 0))


def _leaving_bands(ctx: MetricContext):
    # AgeBands.leaving() checks its labels afresh each time: once per context is enough.
    return ctx.cached("data.leaving_bands", lambda: ctx.rules.age_bands().leaving())


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def month_ends(ctx: MetricContext) -> dict[str, date]:
    """`YYYY-MM` -> the last day of that month, for every month of the period."""
    ends = {}
    for key in ctx.period.months():
        year, month = int(key[:4]), int(key[5:])
        ends[key] = min(date(year, month, monthrange(year, month)[1]), ctx.period.end)
    return ends


def previous_snapshot(ctx: MetricContext) -> date:
    return ctx.period.previous(ctx.rules).snapshot
