"""The shared column loaders every metric family reads (metrics.md §2.0 conventions).

Each loader runs ONE query per metric context (cached with `ctx.cached`) and returns plain rows
(named tuples), so a whole family of metrics costs a handful of queries however many children
there are. Rows that do not depend on the year (children, IROs, flags, population, code lists)
are shared with the previous year's context, and episodes and periods are loaded once over both
years' days and narrowed per context (`MetricContext.shared`, `MetricContext.over_span`). Metrics then count over the rows in Python. Nothing here writes. The row types
live in `rows.py` and are used as `data.ChildRow`, `data.ReviewRow`...

Public API (all take the `MetricContext`):

* `children(ctx)` -> {child pk: ChildRow}: sex, dob, ethnicity, uasc, uasc_ceased.
* `episodes(ctx)` -> [EpisodeRow] overlapping the year plus the previous snapshot;
  `episodes_overlapping(ctx, start, end)` for any other window.
* `episodes_on(ctx, day)` -> {child pk: EpisodeRow} open that day (cohort rule applied).
* `looked_after_on(ctx, day)` -> set of child pks; `looked_after_between(ctx, start, end)`.
* `periods(ctx)` -> [PeriodRow] overlapping the reporting period (short breaks included;
  filter on `.short_break`).
* `all_reviews_in_period(ctx)` / `reviews_in_period(ctx)` -> [ReviewRow] completed in the
  period: every basis / reg 33 only (the statutory reviews every review metric counts).
* `flags(ctx)` -> [FlagRow]; `flagged_on(ctx, flag, day)` -> set of child pks.
* `iros(ctx)` -> {iro pk: IroRow}; `mean_iro_fte(ctx)` the day-weighted mean FTE in post.
* `population(ctx)` -> {(year, dimension, category): count}.
* `code_groups(ctx, list_name)` -> {code: group} of an SSDA903 code list.
* shapes (from `shapes.py`): `pct_breakdown(id, counts, base)`, `count_breakdown(id, counts)`,
  `shares(...)`.
* dates (from `dates.py`): `age(dob, day)`, `band_of(ctx, dob, day)`, `month_key(day)`,
  `month_ends(ctx)`, `previous_snapshot(ctx)`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from irohub.children.models import Child, Episode, Flag, PeriodOfCare
from irohub.council.models import Population
from irohub.council.selectors import code_lists
from irohub.reporting.metrics.base import MetricContext, year_window
from irohub.reporting.metrics.dates import (  # noqa: F401
    age,
    band_of,
    month_ends,
    month_key,
    previous_snapshot,
)
from irohub.reporting.metrics.rows import (
    EPISODE_COLUMNS,
    REVIEW_COLUMNS,
    ChildRow,
    EpisodeRow,
    FlagRow,
    IroRow,
    PeriodRow,
    ReviewRow,
)
from irohub.reporting.metrics.shapes import count_breakdown, pct_breakdown, shares  # noqa: F401
from irohub.reviews.models import Review
from irohub.staff.models import IRO
from irohub.statutory.periods import SHORT_BREAK_LEGAL_STATUSES

REG33 = Review.Basis.REG33.value
REG48 = Review.Basis.REG48.value


# --- children and episodes --------------------------------------------------------------------


def children(ctx: MetricContext) -> dict[int, ChildRow]:
    """Every child's fixed facts, by primary key (one query)."""

    def load():
        rows = Child.objects.values_list(
            "pk", "child_id", "sex", "dob", "ethnicity", "uasc", "uasc_ceased"
        )
        return {row[0]: ChildRow(*row) for row in rows}

    return ctx.cached("data.children", lambda: ctx.shared("data.children", load))


def episodes_overlapping(ctx: MetricContext, start: date, end: date) -> list[EpisodeRow]:
    """Episodes with at least one day in care between start and end (inclusive): narrowed from
    one query over the days every context of the computation looks at (`ctx.over_span`)."""

    def load():
        rows = ctx.over_span("data.episodes", start, end, _load_episodes)
        return [e for e in rows if e.overlaps(start, end)]

    return ctx.cached(f"data.episodes:{start}:{end}", load)


def _load_episodes(start: date, end: date) -> list[EpisodeRow]:
    rows = Episode.objects.filter(decom__lte=end).exclude(dec__lte=start)
    return [_episode(row) for row in rows.values_list(*EPISODE_COLUMNS)]


def _episode(row) -> EpisodeRow:
    *fields, period, short_break = row
    # An episode not (yet) in a derived period is a short break by its own legal status.
    short = bool(short_break) if period is not None else fields[5] in SHORT_BREAK_LEGAL_STATUSES
    return EpisodeRow(*fields, period, short)


def _window(ctx: MetricContext) -> tuple[date, date]:
    """The days the year's metrics look at: the previous snapshot to the end or snapshot."""
    return year_window(ctx.period, ctx.rules)


def episodes(ctx: MetricContext) -> list[EpisodeRow]:
    """The year's episodes: those overlapping the period, its snapshot and the previous one."""
    return episodes_overlapping(ctx, *_window(ctx))


def _counted(ctx: MetricContext, episode: EpisodeRow) -> bool:
    """Cohorts leave out reg 48 short breaks unless the rules say otherwise (§2.0)."""
    return not (episode.short_break and ctx.rules.cohort.exclude_short_breaks)


def _episodes_for(ctx: MetricContext, start: date, end: date) -> list[EpisodeRow]:
    low, high = _window(ctx)
    if low <= start and end <= high:
        return episodes(ctx)
    return episodes_overlapping(ctx, start, end)


def episodes_on(ctx: MetricContext, day: date) -> dict[int, EpisodeRow]:
    """Each looked-after child's episode open on `day` (the latest started if two overlap)."""

    def load():
        found: dict[int, EpisodeRow] = {}
        skip_breaks = ctx.rules.cohort.exclude_short_breaks  # _counted, inlined: 26 days a run
        for e in _episodes_for(ctx, day, day):
            looked_after = e.decom <= day and (e.dec is None or e.dec > day)  # e.open_on(day)
            if looked_after and not (skip_breaks and e.short_break):
                before = found.get(e.child)
                if before is None or before.decom <= e.decom:
                    found[e.child] = e
        return found

    return ctx.cached(f"data.episodes_on:{day}", load)


def looked_after_on(ctx: MetricContext, day: date) -> frozenset[int]:
    """Children looked after on `day` (§2.0), short breaks left out by the cohort rule (one
    set per day and context: month ends are asked for by several metrics)."""
    return ctx.cached(f"data.looked_after_on:{day}", lambda: frozenset(episodes_on(ctx, day)))


def looked_after_between(ctx: MetricContext, start: date, end: date) -> frozenset[int]:
    """Children looked after on at least one day between start and end (both inclusive)."""

    def load():
        rows = _episodes_for(ctx, start, end)
        return frozenset(e.child for e in rows if e.overlaps(start, end) and _counted(ctx, e))

    return ctx.cached(f"data.looked_after_between:{start}:{end}", load)


def periods(ctx: MetricContext) -> list[PeriodRow]:
    """Periods of care with at least one day in the reporting period (short breaks included)."""
    return periods_overlapping(ctx, ctx.period.start, ctx.period.end)


def periods_overlapping(ctx: MetricContext, start: date, end: date) -> list[PeriodRow]:
    """Periods of care with a day between start and end (a period's end date is its last day),
    narrowed from one query over the days of the computation (`ctx.over_span`)."""

    def load():
        rows = ctx.over_span("data.periods", start, end, _load_periods)
        return [p for p in rows if p.start <= end and (p.end is None or p.end >= start)]

    return ctx.cached(f"data.periods:{start}:{end}", load)


def _load_periods(start: date, end: date) -> list[PeriodRow]:
    rows = PeriodOfCare.objects.filter(start__lte=end).exclude(end__lt=start)
    columns = ("pk", "child_id", "number", "start", "end", "short_break", "end_reason")
    return [PeriodRow(*row) for row in rows.values_list(*columns)]


def flags(ctx: MetricContext) -> list[FlagRow]:
    """Every child flag (CP plan, DoL order, disability, sibling group...), one query."""

    def load():
        rows = Flag.objects.values_list(
            "child_id", "flag", "sibling_group", "start_date", "end_date"
        )
        return [FlagRow(*row) for row in rows]

    return ctx.cached("data.flags", lambda: ctx.shared("data.flags", load))


def flagged_on(ctx: MetricContext, flag: str, day: date) -> set[int]:
    """Children with the flag in force on `day` (its end date is its last day)."""
    return {
        f.child
        for f in flags(ctx)
        if f.flag == flag and f.start_date <= day and (f.end_date is None or f.end_date >= day)
    }


# --- reviews ----------------------------------------------------------------------------------


def all_reviews_in_period(ctx: MetricContext) -> list[ReviewRow]:
    """Every review completed in the period (reg 33, reg 48 and local), one query."""

    def load():
        rows = (
            Review.objects.filter(review_date__range=(ctx.period.start, ctx.period.end))
            .order_by("review_date", "child_id")
            .values_list(*REVIEW_COLUMNS)
        )
        return [ReviewRow(*row) for row in rows]

    return ctx.cached("data.all_reviews", load)


def reviews_in_period(ctx: MetricContext) -> list[ReviewRow]:
    """The statutory looked-after reviews (reg 33) completed in the period: the base of every
    review, timeliness, participation and quality metric (metrics.md §2.6)."""
    return ctx.cached(
        "data.reviews",
        lambda: [r for r in all_reviews_in_period(ctx) if r.statutory_basis == REG33],
    )


# --- IROs and population ----------------------------------------------------------------------


def iros(ctx: MetricContext) -> dict[int, IroRow]:
    def load():
        rows = IRO.objects.values_list(
            "pk", "iro_id", "employment_type", "provider", "fte", "sex", "ethnicity",
            "start_date", "end_date",
        )  # fmt: skip
        return {row[0]: IroRow(*row) for row in rows}

    return ctx.cached("data.iros", lambda: ctx.shared("data.iros", load))


def mean_iro_fte(ctx: MetricContext) -> float:
    """IRO FTE in post averaged over the days of the period (an IRO who joined half-way
    counts half), so a year with turnover is not measured by its last day alone."""
    start, end = ctx.period.start, ctx.period.end
    days = (end - start).days + 1
    weighted = Decimal(0)
    for iro in iros(ctx).values():
        first = max(start, iro.start_date)
        last = min(end, iro.end_date) if iro.end_date else end
        if last >= first:
            weighted += iro.fte * ((last - first).days + 1)
    return float(weighted / days)


def population(ctx: MetricContext) -> dict[tuple[int, str, str], int]:
    """Resident child population rows (population.csv), keyed (year, dimension, category)."""

    def load():
        rows = Population.objects.values_list("year", "dimension", "category", "count")
        return {(year, dim, cat): count for year, dim, cat, count in rows}

    return ctx.cached("data.population", lambda: ctx.shared("data.population", load))


def population_year(ctx: MetricContext, day: date) -> int | None:
    """The mid-year estimate to use on `day`: the latest year whose 30 June is on or before
    the day and that has a `total` row (ONS estimates lag, so an older one stands in)."""
    latest = day.year if day >= date(day.year, 6, 30) else day.year - 1
    years = [y for (y, dim, _), _n in population(ctx).items() if dim == "total" and y <= latest]
    return max(years) if years else None


# --- reference codes ------------------------------------------------------------------------


def code_groups(ctx: MetricContext, list_name: str) -> dict[str, str]:
    """code -> group of an SSDA903 code list (ETHNIC -> ethnicity group, LS -> legal-status
    group...), every list loaded in one query per context."""

    def load():
        lists = ctx.cached("data.codes", lambda: ctx.shared("data.codes", code_lists))
        return {code: entry.group for code, entry in lists.get(list_name, {}).items()}

    return ctx.cached(f"data.code_groups:{list_name}", load)  # asked for once per child
