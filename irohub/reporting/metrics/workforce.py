"""The IRO service's people at the snapshot (metrics.md §2.11): headcount, FTE against the
establishment, employment types, and sex and ethnic group against the children in care.

An IRO is *in post* on a day from `start_date` to `end_date` inclusive (the last day in post);
FTE is the IRO's recorded FTE. Ethnic groups come from the ETHNIC code list's groups; a blank or
unknown code is "Not stated". Caseloads, allocation and continuity are in `caseloads.py`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from irohub.council.selectors import code_groups
from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct, round_half_up
from irohub.reporting.metrics.voice import fact
from irohub.staff.models import EmploymentType

SEXES = ("M", "F", "U")
ETHNIC_GROUPS = ("White", "Mixed", "Asian", "Black", "Other", "Not stated")


def in_post(ctx: MetricContext, day: date) -> list[data.IroRow]:
    return [
        iro
        for iro in data.iros(ctx).values()
        if iro.start_date <= day and (iro.end_date is None or iro.end_date >= day)
    ]


def fte_on(ctx: MetricContext, day: date) -> Decimal:
    return sum((iro.fte for iro in in_post(ctx, day)), Decimal(0))


def ratio(numerator: int | Decimal, denominator: Decimal, places: int = 1) -> float | None:
    """numerator ÷ denominator rounded half up; None when there is no denominator (no FTE)."""
    return round_half_up(Decimal(numerator) / denominator, places) if denominator else None


def fte_value(value: Decimal) -> float:
    """An FTE as the report prints it (2 decimal places, as iros.csv gives it)."""
    return round_half_up(value, 2)


@metric("iro.headcount", title="IROs in post", unit="count")
def headcount(ctx: MetricContext) -> MetricResult:
    return MetricResult("iro.headcount", len(in_post(ctx, ctx.period.snapshot)))


@metric("iro.fte", title="IRO full-time equivalents in post", unit="number")
def fte(ctx: MetricContext) -> MetricResult:
    filled = fte_on(ctx, ctx.period.snapshot)
    establishment = fact(ctx, "establishment_fte")
    vacancy = None
    if establishment is not None:
        vacancy = fte_value(max(Decimal(str(establishment)) - filled, Decimal(0)))
    return MetricResult(
        "iro.fte",
        fte_value(filled),
        extra={
            "establishment_fte": establishment,
            "vacancy_fte": vacancy,
            "mean_over_year": fte_value(Decimal(str(data.mean_iro_fte(ctx)))),
        },
    )


@metric("iro.by_employment_type", title="IROs by employment type", unit="matrix")
def by_employment_type(ctx: MetricContext) -> MetricResult:
    types = dict.fromkeys(EmploymentType.values)
    staff = in_post(ctx, ctx.period.snapshot)
    types.update(dict.fromkeys(iro.employment_type for iro in staff))
    value = {
        kind: {
            "headcount": sum(1 for iro in staff if iro.employment_type == kind),
            "fte": fte_value(sum((i.fte for i in staff if i.employment_type == kind), Decimal(0))),
        }
        for kind in types
    }
    return MetricResult("iro.by_employment_type", value)


def _shares(counts: Counter, keys, total: int) -> dict:
    return {
        "value": {k: pct(counts.get(k, 0), total) for k in keys},
        "numerator": {k: counts.get(k, 0) for k in keys},
        "denominator": total,
    }


def _cla_at_snapshot(ctx: MetricContext) -> list[data.ChildRow]:
    known = data.children(ctx)
    return [known[c] for c in data.looked_after_on(ctx, ctx.period.snapshot) if c in known]


@metric("iro.by_sex.pct", title="IROs by sex, against the children in care", unit="pct")
def by_sex(ctx: MetricContext) -> MetricResult:
    staff = in_post(ctx, ctx.period.snapshot)
    iros = Counter(iro.sex if iro.sex in SEXES else "U" for iro in staff)
    cla = _cla_at_snapshot(ctx)
    children = Counter(child.sex if child.sex in SEXES else "U" for child in cla)
    shares = _shares(iros, SEXES, len(staff))
    return MetricResult(
        "iro.by_sex.pct",
        shares["value"],
        numerator=shares["numerator"],
        denominator=shares["denominator"],
        extra={"cla": _shares(children, SEXES, len(cla))},
    )


def _group_of(ctx: MetricContext):
    groups = ctx.cached("workforce.ethnic_groups", lambda: code_groups("ETHNIC"))
    return lambda code: groups.get(code) or "Not stated"


@metric(
    "iro.by_ethnicity", title="IROs by ethnic group, against the children in care", unit="breakdown"
)
def by_ethnicity(ctx: MetricContext) -> MetricResult:
    group = _group_of(ctx)
    staff = in_post(ctx, ctx.period.snapshot)
    cla = _cla_at_snapshot(ctx)
    iros = Counter(group(iro.ethnicity) for iro in staff)
    children = Counter(group(child.ethnicity) for child in cla)
    keys = tuple(dict.fromkeys((*ETHNIC_GROUPS, *sorted(iros), *sorted(children))))
    iro_pct = {k: pct(iros.get(k, 0), len(staff)) for k in keys}
    cla_pct = {k: pct(children.get(k, 0), len(cla)) for k in keys}
    difference = {
        k: None
        if iro_pct[k] is None or cla_pct[k] is None
        else round_half_up(Decimal(str(iro_pct[k])) - Decimal(str(cla_pct[k])), 1)
        for k in keys
    }
    return MetricResult(
        "iro.by_ethnicity",
        {k: iros.get(k, 0) for k in keys},
        extra={"headcount": len(staff), "pct": iro_pct, "cla_count": len(cla),
               "cla_pct": cla_pct, "difference_points": difference},
    )  # fmt: skip
