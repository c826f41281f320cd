"""Advocacy and independent visitors (metrics.md §2.13): referrals, children supported, hours
against the contract, issues raised, and the independent-visitor scheme against its target.

Interpretations (one place, so every output agrees):

* A referral belongs to the year its `referral_date` falls in; `advocacy.referrals.count` counts
  referrals (rows), the distinct children are in `extra["children"]` (and as a percentage of
  `cohort.cla_any_time`). Independent-visitor
  referrals are the IV scheme, not advocacy, and are counted only by the `iv.*` metrics.
* A child is *supported* (advocacy) or *matched* (IV) in a year when a referral of that kind was
  open on at least one day of it: referred on or before the year's end and not closed before
  its start.
* Hours delivered are the `hours` of the advocacy referrals made in the year (advocacy.csv gives
  one figure per referral), so each referral's hours are counted in exactly one year. `null`
  when no referral of the year has hours recorded (the input is absent, not zero).
* Contracted hours, the IV target and IV hours are entered facts (service.csv) for the year's
  label; `null` when not entered. IV hours fall back to the IV referrals' own hours.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from irohub.council.models import ServiceFact
from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct
from irohub.voice.models import AdvocacyIssue, AdvocacyReferral

Kind = AdvocacyReferral.Kind
ADVOCACY_KINDS = (Kind.ISSUE_BASED.value, Kind.CHILD_PROTECTION.value)
IV = Kind.INDEPENDENT_VISITOR.value


def service_facts(ctx: MetricContext) -> dict[str, Decimal]:
    """The year's entered facts (service.csv), item -> value, one query per context."""

    def load():
        rows = ServiceFact.objects.filter(year=ctx.period.label).values_list("item", "value")
        return dict(rows)

    return ctx.cached("voice.service_facts", load)


def fact(ctx: MetricContext, item: str) -> float | None:
    value = service_facts(ctx).get(item)
    return None if value is None else _number(value)


def _number(value: Decimal) -> float | int:
    """Whole numbers as int (a target of 14 children), others as float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _referrals(ctx: MetricContext) -> list[tuple]:
    """(pk, child, referral_date, kind, hours, closed_date) of every referral open on at least
    one day of the year (which includes every referral made in it)."""

    def load():
        return list(
            AdvocacyReferral.objects.filter(referral_date__lte=ctx.period.end)
            .exclude(closed_date__lt=ctx.period.start)
            .values_list("pk", "child_id", "referral_date", "kind", "hours", "closed_date")
        )

    return ctx.cached("voice.referrals", load)


def _made_in_year(ctx: MetricContext, kinds) -> list[tuple]:
    return [r for r in _referrals(ctx) if r[3] in kinds and ctx.period.contains(r[2])]


def _children_by_kind(ctx: MetricContext, kinds) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {kind: set() for kind in kinds}
    for _pk, child, _referred, kind, _hours, _closed in _referrals(ctx):
        if kind in found:
            found[kind].add(child)
    return found


@metric("advocacy.referrals.count", title="Referrals for advocacy", unit="count")
def referrals(ctx: MetricContext) -> MetricResult:
    """Referrals made in the year; the children referred also as a share of the children looked
    after at any time in the year (Brent: "56 children, 18% of LAC")."""
    made = _made_in_year(ctx, ADVOCACY_KINDS)
    by_kind = Counter(r[3] for r in made)
    children = len({r[1] for r in made})
    looked_after = data.looked_after_between(ctx, ctx.period.start, ctx.period.end)
    return MetricResult(
        "advocacy.referrals.count",
        len(made),
        extra={
            "children": children,
            "children_pct_of_cla": pct(children, len(looked_after)),
            "by_kind": {kind: by_kind.get(kind, 0) for kind in ADVOCACY_KINDS},
        },
    )


@metric(
    "advocacy.children_supported.count", title="Children supported by advocacy", unit="breakdown"
)
def children_supported(ctx: MetricContext) -> MetricResult:
    by_kind = _children_by_kind(ctx, ADVOCACY_KINDS)
    return MetricResult(
        "advocacy.children_supported.count",
        {kind: len(children) for kind, children in by_kind.items()},
        extra={"total": len(set().union(*by_kind.values()))},
    )


@metric("advocacy.hours.delivered", title="Advocacy hours delivered", unit="number")
def hours_delivered(ctx: MetricContext) -> MetricResult:
    hours = [r[4] for r in _made_in_year(ctx, ADVOCACY_KINDS) if r[4] is not None]
    delivered = _number(sum(hours, Decimal(0))) if hours else None
    contracted = fact(ctx, "advocacy_hours_contracted")
    variance = None
    if delivered is not None and contracted is not None:
        variance = _number(Decimal(str(delivered)) - Decimal(str(contracted)))
    return MetricResult(
        "advocacy.hours.delivered",
        delivered,
        extra={"contracted": contracted, "variance": variance},
    )


@metric("advocacy.hours.contracted", title="Advocacy hours contracted", unit="number")
def hours_contracted(ctx: MetricContext) -> MetricResult:
    return MetricResult("advocacy.hours.contracted", fact(ctx, "advocacy_hours_contracted"))


@metric("advocacy.issues.by_theme", title="Issues raised with advocates", unit="breakdown")
def issues_by_theme(ctx: MetricContext) -> MetricResult:
    """Issues of the referrals made in the year (every kind), most frequent first."""

    def load():
        return list(
            AdvocacyIssue.objects.filter(
                referral__referral_date__range=(ctx.period.start, ctx.period.end)
            ).values_list("theme", flat=True)
        )

    themes = Counter(ctx.cached("voice.issues", load))
    ordered = sorted(themes.items(), key=lambda item: (-item[1], item[0]))
    return MetricResult(
        "advocacy.issues.by_theme", dict(ordered), extra={"total": sum(themes.values())}
    )


@metric("iv.matched.count", title="Children with an independent visitor", unit="count")
def iv_matched(ctx: MetricContext) -> MetricResult:
    matched = len(_children_by_kind(ctx, (IV,))[IV])
    return MetricResult("iv.matched.count", matched, extra={"target": fact(ctx, "iv_target")})


@metric("iv.target", title="Independent visitor contract target", unit="number")
def iv_target(ctx: MetricContext) -> MetricResult:
    return MetricResult("iv.target", fact(ctx, "iv_target"))


@metric("iv.hours", title="Independent visitor hours", unit="number")
def iv_hours(ctx: MetricContext) -> MetricResult:
    entered = fact(ctx, "iv_hours")
    if entered is not None:
        return MetricResult("iv.hours", entered, extra={"source": "service.csv"})
    hours = [r[4] for r in _made_in_year(ctx, (IV,)) if r[4] is not None]
    if not hours:
        return MetricResult("iv.hours", None)
    return MetricResult(
        "iv.hours", _number(sum(hours, Decimal(0))), extra={"source": "advocacy.csv"}
    )
