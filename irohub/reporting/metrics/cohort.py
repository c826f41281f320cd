"""Cohort metrics: children looked after at the snapshot, at month ends and during the year
(metrics.md §2.4). Looked after on a day means an episode open that day (§2.0: one that ended on
31 March no longer counts at 31 March); reg 48 short breaks are left out unless the rules say
otherwise (`cohort.exclude_short_breaks`), and counted on their own by cohort.short_breaks.count.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct, round_half_up
from irohub.statutory.agebands import band_range

SEXES = ("M", "F", "U")
ETHNIC_GROUPS = ("White", "Mixed", "Asian", "Black", "Other", "Not stated")
BME_GROUPS = ("Mixed", "Asian", "Black", "Other")
REMAND = "J1"


def _snapshot(ctx: MetricContext) -> list[data.ChildRow]:
    """The children looked after at the snapshot, their rows in one list per context."""

    def load():
        everyone = data.children(ctx)
        return [everyone[pk] for pk in sorted(data.looked_after_on(ctx, ctx.period.snapshot))]

    return ctx.cached("cohort.snapshot", load)


def _ethnic_group(ctx: MetricContext, code: str) -> str:
    return data.code_groups(ctx, "ETHNIC").get(code) or "Not stated"


def _is_uasc(child: data.ChildRow, day: date) -> bool:
    """UASC on a day: in the 903 UASC table and the status had not ceased (DUC) by then."""
    return child.uasc and (child.uasc_ceased is None or child.uasc_ceased > day)


@metric("cohort.cla_snapshot.count", title="Children looked after at 31 March", unit="count")
def cla_snapshot_count(ctx: MetricContext) -> MetricResult:
    return MetricResult("cohort.cla_snapshot.count", len(_snapshot(ctx)))


def _rate(ctx: MetricContext, metric_id: str, count: int) -> MetricResult:
    year = data.population_year(ctx, ctx.period.snapshot)
    if year is None:
        reason = "no population.csv total (0-17) for the mid-year before the snapshot"
        return MetricResult(metric_id, None, extra={"reason": reason})
    children = data.population(ctx)[(year, "total", "all")]
    value = round_half_up(count * 10000 / children, 1) if children else None
    return MetricResult(
        metric_id, value, numerator=count, denominator=children, extra={"population_year": year}
    )


@metric("cohort.cla_snapshot.rate_per_10k", title="Children looked after per 10,000", unit="rate")
def cla_snapshot_rate(ctx: MetricContext) -> MetricResult:
    """Count at the snapshot ÷ resident children aged 0-17 (ONS mid-year estimate) × 10,000."""
    return _rate(ctx, "cohort.cla_snapshot.rate_per_10k", len(_snapshot(ctx)))


def _bands(ctx: MetricContext, cohort: list[data.ChildRow]) -> Counter:
    day = ctx.period.snapshot
    return Counter(data.band_of(ctx, c.dob, day) for c in cohort)


@metric("cohort.cla_snapshot.by_age_band", title="Children looked after by age", unit="breakdown")
def by_age_band(ctx: MetricContext) -> MetricResult:
    counts = _bands(ctx, _snapshot(ctx))
    labels = ctx.rules.age_bands().labels
    return data.count_breakdown("cohort.cla_snapshot.by_age_band", {b: counts[b] for b in labels})


@metric("cohort.cla_snapshot.by_sex", title="Children looked after by sex", unit="breakdown")
def by_sex(ctx: MetricContext) -> MetricResult:
    counts = Counter(c.sex for c in _snapshot(ctx))
    return data.count_breakdown("cohort.cla_snapshot.by_sex", {s: counts[s] for s in SEXES})


@metric("cohort.cla_snapshot.age_by_sex", title="Children looked after: age by sex", unit="matrix")
def age_by_sex(ctx: MetricContext) -> MetricResult:
    """Rows are age bands, columns sexes; `extra.pct` gives each sex's share within the band."""
    day, labels = ctx.period.snapshot, ctx.rules.age_bands().labels
    cells = Counter((data.band_of(ctx, c.dob, day), c.sex) for c in _snapshot(ctx))
    value = {band: {sex: cells[band, sex] for sex in SEXES} for band in labels}
    within = {band: data.shares(row, sum(row.values())) for band, row in value.items()}
    return MetricResult("cohort.cla_snapshot.age_by_sex", value, extra={"pct": within})


@metric(
    "cohort.cla_snapshot.by_ethnicity", title="Children looked after by ethnicity", unit="breakdown"
)
def by_ethnicity(ctx: MetricContext) -> MetricResult:
    """DfE major groups from the 903 ETHNIC codes, with the White British / White other split
    and the BME roll-up (Mixed, Asian, Black, Other) some councils publish."""
    cohort = _snapshot(ctx)
    counts = Counter(_ethnic_group(ctx, c.ethnicity) for c in cohort)
    white_british = sum(1 for c in cohort if c.ethnicity == "WBRI")
    split = {
        "white_british": white_british,
        "white_other": counts["White"] - white_british,
        "bme": sum(counts[g] for g in BME_GROUPS),
    }
    return data.count_breakdown(
        "cohort.cla_snapshot.by_ethnicity", {g: counts[g] for g in ETHNIC_GROUPS}, **split
    )


@metric(
    "cohort.cla_snapshot.by_ethnicity_code",
    title="Children looked after by ethnic code",
    unit="breakdown",
)
def by_ethnicity_code(ctx: MetricContext) -> MetricResult:
    counts = Counter(c.ethnicity for c in _snapshot(ctx))
    codes = sorted(set(data.code_groups(ctx, "ETHNIC")) | set(counts))
    return data.count_breakdown(
        "cohort.cla_snapshot.by_ethnicity_code", {code: counts[code] for code in codes}
    )


def _in_band(age: int, label: str) -> bool:
    low, high = band_range(label)
    return low <= age and (high is None or age < high)


def _cla_category_counts(ctx, cohort, dimension: str, categories: list[str]) -> dict[str, int]:
    day = ctx.period.snapshot
    if dimension == "sex":
        found = Counter(c.sex for c in cohort)
    elif dimension == "ethnicity_group":
        found = Counter(_ethnic_group(ctx, c.ethnicity) for c in cohort)
    else:  # age_band: the population's own bands, whatever the band set in force
        ages = Counter(data.age(c.dob, day) for c in cohort)
        found = Counter(
            {cat: sum(n for a, n in ages.items() if _in_band(a, cat)) for cat in categories}
        )
    return {cat: found[cat] for cat in categories}


def _population_categories(ctx, year: int, dimension: str) -> dict[str, int]:
    rows = {
        cat: n
        for (y, dim, cat), n in data.population(ctx).items()
        if y == year and dim == dimension
    }
    if dimension == "age_band":
        rows = {cat: n for cat, n in rows.items() if _readable_band(cat)}
    return rows


def _readable_band(label: str) -> bool:
    try:
        band_range(label)
    except ValueError:
        return False
    return True


@metric(
    "cohort.population_comparison.pct",
    title="Children looked after and all children",
    unit="breakdown",
)
def population_comparison(ctx: MetricContext) -> MetricResult:
    """For each category population.csv gives: % of children looked after, % of resident
    children, and the disproportionality ratio (CLA% ÷ population%) on the exact shares."""
    mid = "cohort.population_comparison.pct"
    year = data.population_year(ctx, ctx.period.snapshot)
    cohort = _snapshot(ctx)
    value: dict[str, dict] = {}
    for dimension in ("sex", "age_band", "ethnicity_group"):
        resident = _population_categories(ctx, year, dimension) if year else {}
        if not resident:
            continue
        cla = _cla_category_counts(ctx, cohort, dimension, list(resident))
        value[dimension] = _comparison(cla, len(cohort), resident, sum(resident.values()))
    return MetricResult(mid, value, extra={"population_year": year, "cla": len(cohort)})


def _comparison(cla: dict, cla_total: int, resident: dict, resident_total: int) -> dict:
    out = {}
    for category, people in resident.items():
        share = cla[category] / cla_total if cla_total else None
        base = people / resident_total if resident_total else None
        ratio = round_half_up(share / base, 2) if share is not None and base else None
        out[category] = {
            "cla_pct": pct(cla[category], cla_total),
            "population_pct": pct(people, resident_total),
            "ratio": ratio,
        }
    return out


@metric("cohort.uasc.count", title="Unaccompanied asylum-seeking children", unit="count")
def uasc_count(ctx: MetricContext) -> MetricResult:
    cohort, day = _snapshot(ctx), ctx.period.snapshot
    n = sum(_is_uasc(c, day) for c in cohort)
    return MetricResult("cohort.uasc.count", n, extra={"pct": pct(n, len(cohort))})


@metric("cohort.uasc_16plus.count", title="Unaccompanied asylum-seeking children 16+", unit="count")
def uasc_16plus(ctx: MetricContext) -> MetricResult:
    day = ctx.period.snapshot
    n = sum(_is_uasc(c, day) and data.age(c.dob, day) >= 16 for c in _snapshot(ctx))
    return MetricResult("cohort.uasc_16plus.count", n)


def _month_end_cohorts(ctx: MetricContext) -> dict[str, tuple[date, list[data.ChildRow]]]:
    def load():
        everyone = data.children(ctx)
        return {
            key: (day, [everyone[pk] for pk in data.looked_after_on(ctx, day)])
            for key, day in data.month_ends(ctx).items()
        }

    return ctx.cached("cohort.month_ends", load)


@metric(
    "cohort.cla_month_end.count", title="Children looked after at each month end", unit="breakdown"
)
def cla_month_end(ctx: MetricContext) -> MetricResult:
    counts = {key: len(cohort) for key, (_, cohort) in _month_end_cohorts(ctx).items()}
    return MetricResult(
        "cohort.cla_month_end.count",
        counts,
        extra={"min": min(counts.values()), "max": max(counts.values())},
    )


@metric(
    "cohort.cla_month_end.rate_per_10k",
    title="Children looked after per 10,000 by month",
    unit="breakdown",
)
def cla_month_end_rate(ctx: MetricContext) -> MetricResult:
    """Every month end over the same mid-year estimate as the snapshot (as Hounslow does)."""
    counts = {key: len(cohort) for key, (_, cohort) in _month_end_cohorts(ctx).items()}
    base = _rate(ctx, "cohort.cla_month_end.rate_per_10k", 0)
    if base.denominator is None:
        return base
    people = base.denominator
    rates = {k: round_half_up(n * 10000 / people, 1) if people else None for k, n in counts.items()}
    return MetricResult(
        "cohort.cla_month_end.rate_per_10k",
        rates,
        numerator=counts,
        denominator=people,
        extra=base.extra,
    )


@metric(
    "cohort.uasc_month_end.count", title="UASC looked after at each month end", unit="breakdown"
)
def uasc_month_end(ctx: MetricContext) -> MetricResult:
    value, older, share = {}, {}, {}
    for key, (day, cohort) in _month_end_cohorts(ctx).items():
        uasc = [c for c in cohort if _is_uasc(c, day)]
        value[key], share[key] = len(uasc), pct(len(uasc), len(cohort))
        older[key] = sum(data.age(c.dob, day) >= 16 for c in uasc)
    return MetricResult(
        "cohort.uasc_month_end.count", value, extra={"pct": share, "aged_16plus": older}
    )


@metric("cohort.cla_snapshot.change_pct", title="Change in children looked after", unit="pct")
def change_pct(ctx: MetricContext) -> MetricResult:
    """(this snapshot − the previous one) ÷ the previous one × 100. The year's 903 holds every
    episode open on the previous 31 March, so both counts come from the same data."""
    now = len(data.looked_after_on(ctx, ctx.period.snapshot))
    before = len(data.looked_after_on(ctx, data.previous_snapshot(ctx)))
    return MetricResult(
        "cohort.cla_snapshot.change_pct",
        pct(now - before, before),
        numerator=now - before,
        denominator=before,
        extra={"current": now, "previous_snapshot": before},
    )


@metric("cohort.cla_any_time.count", title="Children looked after during the year", unit="count")
def cla_any_time(ctx: MetricContext) -> MetricResult:
    n = len(data.looked_after_between(ctx, ctx.period.start, ctx.period.end))
    return MetricResult("cohort.cla_any_time.count", n)


@metric(
    "cohort.legal_status.count", title="Children looked after by legal status", unit="breakdown"
)
def legal_status(ctx: MetricContext) -> MetricResult:
    """Legal-status groups of the LS code list (care order, placement order, accommodated
    under s20, emergency protection, youth justice...) at the snapshot; codes in `by_code`."""
    groups = data.code_groups(ctx, "LS")
    current = data.episodes_on(ctx, ctx.period.snapshot).values()
    codes = Counter(e.ls for e in current)
    counts: Counter = Counter()
    for code, n in codes.items():
        counts[groups.get(code) or "other"] += n
    ordered = dict.fromkeys(g for g in groups.values() if g)
    if ctx.rules.cohort.exclude_short_breaks:
        ordered.pop("short_break", None)
    value = {g: counts[g] for g in ordered} | {g: n for g, n in counts.items() if g not in ordered}
    return data.count_breakdown(
        "cohort.legal_status.count", value, by_code=dict(sorted(codes.items()))
    )


@metric("cohort.remand.count", title="Children remanded (J1) during the year", unit="count")
def remand(ctx: MetricContext) -> MetricResult:
    """Children with a J1 remand episode in the year; by sex and age band at its start, and
    how many were on remand at the snapshot."""
    start, end, snap = ctx.period.start, ctx.period.end, ctx.period.snapshot
    first: dict[int, date] = {}
    for e in data.episodes(ctx):
        if e.ls == REMAND and e.overlaps(start, end):
            first[e.child] = min(first.get(e.child, e.decom), e.decom)
    at_snapshot = {e.child for e in data.episodes(ctx) if e.ls == REMAND and e.open_on(snap)}
    everyone = data.children(ctx)
    sexes = Counter(everyone[pk].sex for pk in first)
    bands = Counter(data.band_of(ctx, everyone[pk].dob, day) for pk, day in first.items())
    return MetricResult(
        "cohort.remand.count",
        len(first),
        extra={
            "by_sex": {s: sexes[s] for s in SEXES},
            "by_age_band": dict(bands),
            "at_snapshot": len(at_snapshot),
        },
    )


@metric("cohort.short_breaks.count", title="Children in reg 48 short breaks", unit="count")
def short_breaks(ctx: MetricContext) -> MetricResult:
    """Children with a reg 48 short-break period (V3/V4 only) during the year; `at_snapshot`
    counts those whose agreed series spans the snapshot."""
    snap = ctx.period.snapshot
    breaks = [p for p in data.periods(ctx) if p.short_break]
    spans = {p.child for p in breaks if p.start <= snap and (p.end is None or p.end > snap)}
    return MetricResult(
        "cohort.short_breaks.count",
        len({p.child for p in breaks}),
        extra={"at_snapshot": len(spans)},
    )
