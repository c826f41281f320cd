"""Flow metrics: admissions (periods of care starting) and discharges (periods ending) in the
year (metrics.md §2.5). Short-break-only periods (V3/V4) are left out: each break starts with
RNE S, but it is not an admission into care (§2.0). Ages are at the start or the end date;
discharges use the leaving band set, which adds `18+` for children who left at 18.
"""

from __future__ import annotations

from collections import Counter

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric

CONTINUES = "X1"
STARTS = "S"
ADULT = 18
# Discharge reason groups (metrics.md §2.5 flow.discharges.by_reason), from the 903 REC codes.
REASON_GROUPS: dict[str, tuple[str, ...]] = {
    "adoption": ("E11", "E12"),
    "sgo_former_foster_carer": ("E45", "E46"),
    "sgo_other": ("E47", "E48"),
    "child_arrangements_order": ("E41",),
    "returned_home": ("E4A", "E4B", "E13"),
    "turned_18": (),  # any reason, when the child left on or after their 18th birthday
    "transferred": ("E3",),
    "remand_ended": ("E14",),
    "other": (),
}
_GROUP_OF = {code: group for group, codes in REASON_GROUPS.items() for code in codes}


def _admissions(ctx: MetricContext) -> list[data.PeriodRow]:
    """Periods starting in the year with an RNE S episode (a start the data actually hold; a
    period cut short by the start of the history is not an admission)."""

    def load():
        starts = {(e.child, e.decom) for e in data.episodes(ctx) if e.rne == STARTS}
        return [
            p
            for p in data.periods(ctx)
            if not p.short_break and ctx.period.contains(p.start) and (p.child, p.start) in starts
        ]

    return ctx.cached("flow.admissions", load)


def _discharges(ctx: MetricContext) -> list[data.PeriodRow]:
    def load():
        return [
            p
            for p in data.periods(ctx)
            if not p.short_break and ctx.period.contains(p.end) and p.end_reason != CONTINUES
        ]

    return ctx.cached("flow.discharges", load)


@metric("flow.admissions.count", title="Admissions (periods of care starting)", unit="count")
def admissions_count(ctx: MetricContext) -> MetricResult:
    """Periods of care starting in the year; by sex, UASC and legal-status group at the start."""
    rows, everyone = _admissions(ctx), data.children(ctx)
    groups = data.code_groups(ctx, "LS")
    status = {(e.child, e.decom): e.ls for e in data.episodes(ctx) if e.rne == STARTS}
    sexes = Counter(everyone[p.child].sex for p in rows)
    legal = Counter(groups.get(status[p.child, p.start]) or "other" for p in rows)
    extra = {"by_sex": dict(sorted(sexes.items())), "by_legal_status": dict(sorted(legal.items())),
             "uasc": sum(everyone[p.child].uasc for p in rows)}  # fmt: skip
    return MetricResult("flow.admissions.count", len(rows), extra=extra)


@metric("flow.admissions.children_count", title="Children admitted", unit="count")
def admissions_children(ctx: MetricContext) -> MetricResult:
    return MetricResult("flow.admissions.children_count", len({p.child for p in _admissions(ctx)}))


def _matrix(ctx: MetricContext, rows, day_of, *, leaving: bool, metric_id: str) -> MetricResult:
    """Month × age band counts (all months and bands, zeros kept) with row and column totals."""
    bands = ctx.rules.age_bands()
    labels = (bands.leaving() if leaving else bands).labels
    everyone = data.children(ctx)
    cells = Counter(
        (
            data.month_key(day_of(p)),
            data.band_of(ctx, everyone[p.child].dob, day_of(p), leaving=leaving),
        )
        for p in rows
    )
    value = {m: {b: cells[m, b] for b in labels} for m in ctx.period.months()}
    extra = {
        "row_totals": {m: sum(row.values()) for m, row in value.items()},
        "column_totals": {b: sum(value[m][b] for m in value) for b in labels},
        "total": len(rows),
    }
    return MetricResult(metric_id, value, extra=extra)


@metric("flow.admissions.by_month_age", title="Admissions by month and age", unit="matrix")
def admissions_by_month_age(ctx: MetricContext) -> MetricResult:
    return _matrix(
        ctx, _admissions(ctx), lambda p: p.start, leaving=False,
        metric_id="flow.admissions.by_month_age",
    )  # fmt: skip


@metric("flow.discharges.count", title="Discharges (periods of care ending)", unit="count")
def discharges_count(ctx: MetricContext) -> MetricResult:
    return MetricResult("flow.discharges.count", len(_discharges(ctx)))


@metric("flow.discharges.children_count", title="Children leaving care", unit="count")
def discharges_children(ctx: MetricContext) -> MetricResult:
    return MetricResult("flow.discharges.children_count", len({p.child for p in _discharges(ctx)}))


@metric("flow.discharges.by_month_age", title="Discharges by month and age", unit="matrix")
def discharges_by_month_age(ctx: MetricContext) -> MetricResult:
    return _matrix(
        ctx, _discharges(ctx), lambda p: p.end, leaving=True,
        metric_id="flow.discharges.by_month_age",
    )  # fmt: skip


def reason_group(rec: str, age_at_end: int) -> str:
    """The discharge reason group: leaving at 18 or over is `turned_18` whatever the REC
    (staying put, independent living...), else the REC's group, else `other`."""
    if age_at_end >= ADULT:
        return "turned_18"
    return _GROUP_OF.get(rec, "other")


@metric("flow.discharges.by_reason", title="Discharges by reason", unit="breakdown")
def discharges_by_reason(ctx: MetricContext) -> MetricResult:
    """Groups of metrics.md §2.5; the REC codes themselves are in `by_code`, and each group's
    age bands (at the end date, with 18+) in `by_age_band`."""
    everyone = data.children(ctx)
    counts: Counter = Counter()
    bands: dict[str, Counter] = {}
    for p in _discharges(ctx):
        dob = everyone[p.child].dob
        group = reason_group(p.end_reason, data.age(dob, p.end))
        counts[group] += 1
        bands.setdefault(group, Counter())[data.band_of(ctx, dob, p.end, leaving=True)] += 1
    codes = Counter(p.end_reason for p in _discharges(ctx))
    return data.count_breakdown(
        "flow.discharges.by_reason",
        {g: counts[g] for g in REASON_GROUPS},
        by_code=dict(sorted(codes.items())),
        by_age_band={g: dict(c) for g, c in bands.items()},
    )
