"""Escalations, the IRO dispute resolution process (metrics.md §2.12, rules.md §1.12 E1-E5).

Interpretations:

* Good-practice alerts (`good_practice` = Y) are not challenges: they are counted only by
  `escalation.good_practice_alerts.count` and left out of every other escalation metric.
* A challenge is *raised* in the year its `opened_date` falls in, and *concluded* in the year of
  its `closed_date`.
* The highest stage reached is the furthest stage on the local ladder (`escalation.stages`) the
  challenge has a stage row for; a challenge with no stage rows is at the first stage (its
  opened date is the day the first stage started). It is *informal* when that stage is an
  informal one (with the default ladder: the first stage), otherwise *formal* (E4: both counts
  are given whichever stage the clock starts at).
* The 20-working-day rule and the stage limits come from the rules core
  (`irohub.statutory.escalations.escalation_clock`); a challenge whose clock never started
  (`clock_starts_at = "first_formal_stage"` and it never went formal) has no 20-day clock and is
  left out of `escalation.resolved_within_20wd.pct` (counted in `extra["no_clock"]`).
* A Cafcass referral is dated by the start of a Cafcass stage, or else, for an outcome of
  `cafcass_referral`, by the closed date.
"""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import NamedTuple

from irohub.escalations.models import STANDARD_THEMES, Escalation, EscalationStage, EscalationTheme
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct
from irohub.statutory.escalations import StageHeld, escalation_clock

OUTCOMES = tuple(Escalation.Outcome.values)
CAFCASS = "cafcass"
RAG_ORDER = {"red": 0, "amber": 1, "green": 2}


class EscalationRow(NamedTuple):
    pk: int
    escalation_id: str
    child: int
    iro_id: str
    opened: object
    closed: object
    outcome: str
    good_practice: bool
    themes: tuple[str, ...]
    stages: tuple[StageHeld, ...]


def _rows(ctx: MetricContext) -> list[EscalationRow]:
    """Every escalation open on at least one day from the period start (or as_at, if earlier) to
    the period end (or as_at, if later), with its themes and stages: three queries."""

    def load():
        low = min(ctx.period.start, ctx.as_at)
        high = max(ctx.period.end, ctx.as_at)
        cases = Escalation.objects.filter(opened_date__lte=high).exclude(closed_date__lt=low)
        themes, stages = {}, {}
        for pk, theme in EscalationTheme.objects.filter(escalation__in=cases).values_list(
            "escalation_id", "theme"
        ):
            themes.setdefault(pk, []).append(theme)
        for pk, code, started, ended in EscalationStage.objects.filter(
            escalation__in=cases
        ).values_list("escalation_id", "stage", "started_date", "ended_date"):
            stages.setdefault(pk, []).append(StageHeld(code, started, ended))
        columns = ("pk", "escalation_id", "child_id", "iro__iro_id", "opened_date",
                   "closed_date", "outcome", "good_practice")  # fmt: skip
        return [
            EscalationRow(
                *row[:7], bool(row[7]), tuple(themes.get(row[0], ())), tuple(stages.get(row[0], ()))
            )  # fmt: skip
            for row in cases.values_list(*columns)
        ]

    return ctx.cached("escalations.rows", load)


def challenges(ctx: MetricContext) -> list[EscalationRow]:
    return [e for e in _rows(ctx) if not e.good_practice]


def raised(ctx: MetricContext) -> list[EscalationRow]:
    return [e for e in challenges(ctx) if ctx.period.contains(e.opened)]


def concluded(ctx: MetricContext) -> list[EscalationRow]:
    return [e for e in challenges(ctx) if ctx.period.contains(e.closed)]


def _ladder(ctx: MetricContext) -> dict[str, tuple[int, object]]:
    return {stage.code: (i, stage) for i, stage in enumerate(ctx.rules.escalation.stages)}


def highest_stage(ctx: MetricContext, e: EscalationRow) -> tuple[str, bool]:
    """(stage code, informal?) of the furthest stage the escalation reached."""
    ladder, stages = _ladder(ctx), ctx.rules.escalation.stages
    if not e.stages:
        return stages[0].code, stages[0].informal
    unknown = len(ladder)
    top = max(e.stages, key=lambda s: (ladder.get(s.code, (unknown,))[0], s.started))
    found = ladder.get(top.code)
    return top.code, bool(found and found[1].informal)


def _informal(ctx: MetricContext) -> list[bool]:
    return [highest_stage(ctx, e)[1] for e in raised(ctx)]


@metric("escalation.raised.count", title="Escalations raised", unit="count")
def raised_count(ctx: MetricContext) -> MetricResult:
    return MetricResult("escalation.raised.count", len(raised(ctx)))


@metric("escalation.children.count", title="Children with an escalation", unit="count")
def children_count(ctx: MetricContext) -> MetricResult:
    levels: dict[str, set[int]] = {"informal": set(), "formal": set()}
    for e in raised(ctx):
        levels["informal" if highest_stage(ctx, e)[1] else "formal"].add(e.child)
    return MetricResult(
        "escalation.children.count",
        len(levels["informal"] | levels["formal"]),
        extra={"children_with_formal": len(levels["formal"])},
    )


@metric("escalation.formal.count", title="Escalations that went formal", unit="count")
def formal_count(ctx: MetricContext) -> MetricResult:
    return MetricResult("escalation.formal.count", _informal(ctx).count(False))


@metric("escalation.informal.count", title="Escalations resolved informally", unit="count")
def informal_count(ctx: MetricContext) -> MetricResult:
    return MetricResult("escalation.informal.count", _informal(ctx).count(True))


def _clock(ctx: MetricContext, e: EscalationRow):
    """The escalation's clocks as at its conclusion (or as at ctx.as_at while open)."""
    as_at = e.closed if e.closed is not None else ctx.as_at
    return escalation_clock(e.opened, e.stages, rules=ctx.rules, as_at=as_at, closed=e.closed)


@metric(
    "escalation.max_stage.count", title="Escalations by highest stage reached", unit="breakdown"
)
def max_stage(ctx: MetricContext) -> MetricResult:
    ladder = ctx.rules.escalation.stages
    counts = {stage.code: 0 for stage in ladder}
    in_time = {stage.code: 0 for stage in ladder}
    for e in raised(ctx):
        code = highest_stage(ctx, e)[0]
        counts[code] = counts.get(code, 0) + 1
        clock = _clock(ctx, e)
        if clock.closed is not None and clock.clock_start is not None:
            in_time[code] = in_time.get(code, 0) + (not clock.breached_overall)
    return MetricResult(
        "escalation.max_stage.count",
        counts,
        extra={
            "names": {stage.code: stage.name for stage in ladder},
            "resolved_within_limit": in_time,
        },
    )


@metric(
    "escalation.resolved_within_20wd.pct",
    title="Escalations resolved within the time limit",
    unit="pct",
)
def resolved_within_limit(ctx: MetricContext) -> MetricResult:
    clocks = [_clock(ctx, e) for e in concluded(ctx)]
    timed = [c for c in clocks if c.clock_start is not None]
    within = sum(1 for c in timed if not c.breached_overall)
    days = [c.working_days_elapsed for c in timed]
    return MetricResult(
        "escalation.resolved_within_20wd.pct",
        pct(within, len(timed)),
        numerator=within,
        denominator=len(timed),
        extra={
            "limit": str(ctx.rules.escalation.max_total),
            "median_working_days": median(days) if days else None,
            "max_working_days": max(days) if days else None,
            "no_clock": len(clocks) - len(timed),
        },
    )


def _open_on(e: EscalationRow, day) -> bool:
    return e.opened <= day and (e.closed is None or e.closed > day)


@metric("escalation.open.count", title="Escalations open at the end of the year", unit="count")
def open_count(ctx: MetricContext) -> MetricResult:
    end = ctx.period.end
    still_open = [e for e in challenges(ctx) if _open_on(e, end)]
    by_stage = Counter(_stage_on(e, end) for e in still_open)
    live = [_live(ctx, e) for e in challenges(ctx) if _open_on(e, ctx.as_at)]
    live.sort(key=lambda row: (RAG_ORDER.get(row["rag"], 3), row["opened"], row["escalation_id"]))
    return MetricResult(
        "escalation.open.count",
        len(still_open),
        extra={
            "by_stage": dict(sorted(by_stage.items())),
            "as_at": ctx.as_at.isoformat(),
            "live": live,
            "live_breaching": sum(1 for row in live if row["rag"] == "red"),
        },
    )


def _stage_on(e: EscalationRow, day) -> str:
    started = [s for s in e.stages if s.started <= day]
    return max(started, key=lambda s: s.started).code if started else "not recorded"


def _live(ctx: MetricContext, e: EscalationRow) -> dict:
    """One open escalation for the dashboard: no child identifier, only the case and its clock."""
    clock = escalation_clock(e.opened, e.stages, rules=ctx.rules, as_at=ctx.as_at)
    due = clock.overall_due
    return {
        "escalation_id": e.escalation_id,
        "iro_id": e.iro_id,
        "opened": e.opened.isoformat(),
        "stage": clock.current.code if clock.current else None,
        "working_days_elapsed": clock.working_days_elapsed,
        "overall_due": due.isoformat() if due else None,
        "rag": clock.rag,
    }


def _themes(ctx: MetricContext) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*STANDARD_THEMES, *ctx.rules.escalation.themes)))


@metric("escalation.by_theme.count", title="Escalations by theme", unit="breakdown")
def by_theme(ctx: MetricContext) -> MetricResult:
    """Themes are multi-select: an escalation counts once under each of its themes."""
    counts = Counter(theme for e in raised(ctx) for theme in set(e.themes))
    known = _themes(ctx)
    order = {theme: i for i, theme in enumerate(known)}
    keys = sorted(set(known) | set(counts), key=lambda t: (-counts[t], order.get(t, len(order)), t))
    return MetricResult("escalation.by_theme.count", {theme: counts[theme] for theme in keys})


@metric("escalation.outcome.count", title="Escalations concluded, by outcome", unit="breakdown")
def outcome(ctx: MetricContext) -> MetricResult:
    counts = Counter(e.outcome or "not_recorded" for e in concluded(ctx))
    value = {key: counts.get(key, 0) for key in OUTCOMES}
    if counts.get("not_recorded"):
        value["not_recorded"] = counts["not_recorded"]
    return MetricResult("escalation.outcome.count", value)


def _cafcass_stage(ctx: MetricContext, code: str) -> bool:
    names = {stage.code: stage.name for stage in ctx.rules.escalation.stages}
    return CAFCASS in code.lower() or CAFCASS in names.get(code, "").lower()


def referred_to_cafcass_on(ctx: MetricContext, e: EscalationRow):
    """The day the IRO referred the case to Cafcass (CA 1989 s25B(3)), or None."""
    starts = [s.started for s in e.stages if _cafcass_stage(ctx, s.code)]
    if starts:
        return min(starts)
    if e.outcome == Escalation.Outcome.CAFCASS_REFERRAL:
        return e.closed
    return None


@metric("escalation.cafcass_referral.count", title="Referrals to Cafcass", unit="count")
def cafcass_referrals(ctx: MetricContext) -> MetricResult:
    dates = [referred_to_cafcass_on(ctx, e) for e in challenges(ctx)]
    return MetricResult(
        "escalation.cafcass_referral.count", sum(1 for day in dates if ctx.period.contains(day))
    )


@metric("escalation.good_practice_alerts.count", title="Good-practice alerts", unit="count")
def good_practice_alerts(ctx: MetricContext) -> MetricResult:
    alerts = [e for e in _rows(ctx) if e.good_practice and ctx.period.contains(e.opened)]
    return MetricResult("escalation.good_practice_alerts.count", len(alerts))
