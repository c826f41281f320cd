"""Working-day clocks for the IRO dispute resolution process (rules.md §1.12, E1-E5).

The whole process, from start to conclusion, must be completed within 20 working days (IRO
Handbook ch.6, `escalation.max_total`). Each local stage has its own limit after which it must
step up (Brent: informal 5 working days, then formal 10 more; `escalation.stages`). The overall
clock starts at the first stage, or at the first formal stage (`escalation.clock_starts_at`, E4).
Day 0 is the day a clock starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from irohub.statutory import escalation_reasons
from irohub.statutory.calendar import WorkingCalendar
from irohub.statutory.durations import Duration
from irohub.statutory.settings import EscalationStage, RuleSettings

AMBER_SHARE = 0.8  # the last 20% of a limit is amber


@dataclass(frozen=True)
class StageHeld:
    code: str
    started: date
    ended: date | None = None


@dataclass(frozen=True)
class StageClock:
    code: str
    name: str
    started: date
    ended: date | None
    limit: Duration | None
    step_up_by: date | None
    working_days_used: int
    breached: bool
    informal: bool = False
    as_at: date | None = field(default=None, compare=False)
    calendar: WorkingCalendar | None = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        return escalation_reasons.stage(self)


@dataclass(frozen=True)
class EscalationClock:
    opened: date
    clock_start: date | None
    overall_due: date | None
    stages: tuple[StageClock, ...]
    current: StageClock | None
    closed: date | None
    working_days_elapsed: int
    breached_overall: bool
    rag: str
    as_at: date | None = field(default=None, compare=False)
    max_total: Duration | None = field(default=None, compare=False)
    rules: RuleSettings | None = field(default=None, repr=False, compare=False)

    def explain(self) -> str:
        return escalation_reasons.escalation(self)


def escalation_clock(
    opened: date,
    stages: Sequence[StageHeld],
    *,
    rules: RuleSettings,
    as_at: date,
    closed: date | None = None,
) -> EscalationClock:
    """The escalation's stage clocks, overall clock and RAG status as at `as_at`.

    Anything dated after `as_at` has not happened yet: later stages are ignored and a later
    end or closure leaves the stage or escalation open.
    """
    calendar = rules.calendar()
    closed = closed if closed is not None and closed <= as_at else None
    now = closed or as_at
    clocks = _stage_clocks(stages, rules, calendar, now, as_at)
    start = _clock_start(opened, clocks, rules)
    due = calendar.add(start, rules.escalation.max_total) if start is not None else None
    elapsed = calendar.working_days_between(start, now) if start is not None else 0
    breached = due is not None and now > due
    current = next((c for c in reversed(clocks) if c.ended is None), None) if not closed else None
    return EscalationClock(
        opened=opened,
        clock_start=start,
        overall_due=due,
        stages=clocks,
        current=current,
        closed=closed,
        working_days_elapsed=max(elapsed, 0),
        breached_overall=breached,
        rag=_rag(current, start, due, breached, closed, now, rules),
        as_at=as_at,
        max_total=rules.escalation.max_total,
        rules=rules,
    )


def _ladder(rules: RuleSettings) -> dict[str, tuple[int, EscalationStage]]:
    return {stage.code: (index, stage) for index, stage in enumerate(rules.escalation.stages)}


def _stage_clocks(stages, rules, calendar, now, as_at) -> tuple[StageClock, ...]:
    ladder = _ladder(rules)
    unknown = len(ladder)
    held = sorted(
        (s for s in stages if s.started <= as_at),
        key=lambda s: (s.started, ladder.get(s.code, (unknown,))[0]),
    )
    return tuple(_stage_clock(s, ladder, calendar, now, as_at) for s in held)


def _stage_clock(held: StageHeld, ladder, calendar, now, as_at) -> StageClock:
    stage = ladder.get(held.code, (0, EscalationStage(held.code, held.code)))[1]
    ended = held.ended if held.ended is not None and held.ended <= now else None
    until = ended or now
    step_up = calendar.add(held.started, stage.limit) if stage.limit is not None else None
    return StageClock(
        code=held.code,
        name=stage.name,
        started=held.started,
        ended=ended,
        limit=stage.limit,
        step_up_by=step_up,
        working_days_used=max(calendar.working_days_between(held.started, until), 0),
        breached=step_up is not None and until > step_up,
        informal=stage.informal,
        as_at=as_at,
        calendar=calendar,
    )


def _clock_start(opened: date, clocks, rules: RuleSettings) -> date | None:
    if rules.escalation.clock_starts_at == "first_stage":
        return opened
    formal = [clock.started for clock in clocks if not clock.informal]
    return min(formal) if formal else None


def _rag(current, start, due, breached, closed, now, rules) -> str:
    """Red once the overall limit or the current stage's limit is passed; amber in the last 20%
    of either limit or with at most 1 working day left. A past stage that overran stays visible
    on its own StageClock but does not colour the escalation."""
    if breached or (current is not None and current.breached):
        return "red"
    if closed:
        return "green"
    calendar = rules.calendar()
    if due is not None and _nearly(calendar, start, due, now, rules.escalation.max_total):
        return "amber"
    stage_due = current.step_up_by if current is not None else None
    if stage_due is not None and _nearly(calendar, current.started, stage_due, now, current.limit):
        return "amber"
    return "green"


def _nearly(calendar, start: date, due: date, now: date, limit: Duration) -> bool:
    if limit.in_working_days:
        total, used = limit.amount, calendar.working_days_between(start, now)
        return used >= AMBER_SHARE * total or total - used <= 1
    total, used = (due - start).days, (now - start).days
    return used >= AMBER_SHARE * total
