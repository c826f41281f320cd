"""The sentences behind StageClock.explain() and EscalationClock.explain() (rules.md §1.12)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from irohub.statutory.explain import counted, dmy, plural
from irohub.statutory.settings import EscalationSettings

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    from irohub.statutory.escalations import EscalationClock, StageClock

_HANDBOOK_TOTAL = EscalationSettings().max_total


def stage(clock: StageClock) -> str:
    """ "Formal challenge (senior manager): started 08/10/2024; must step up or be resolved by
    22/10/2024, 10 working days (local setting escalation.stages); 4 working days used."""
    text = f"{clock.name}: started {dmy(clock.started)}"
    if clock.step_up_by is None:
        text += "; no time limit for this stage"
    else:
        note = counted(clock.calendar, clock.started, clock.step_up_by, clock.limit)
        text += (
            f"; must step up or be resolved by {dmy(clock.step_up_by)}, {clock.limit} "
            f"(local setting escalation.stages){note}"
        )
    used = plural(clock.working_days_used, "working day")
    if clock.ended is not None:
        text += f"; ended {dmy(clock.ended)} after {used}"
    else:
        text += f"; {used} used by {dmy(clock.as_at)}"
    if clock.breached:
        text += "; over its time limit"
    return text + "."


def escalation(clock: EscalationClock) -> str:
    """The overall clock, where it stands, and the current stage."""
    parts = [f"Escalation opened on {dmy(clock.opened)}."]
    if clock.clock_start is None:
        parts.append(
            f"The {clock.max_total} for the whole process start at the first formal stage "
            '(local setting escalation.clock_starts_at = "first_formal_stage"); none has started.'
        )
    else:
        parts.append(_overall(clock))
    if clock.closed is not None:
        parts.append(f"Concluded on {dmy(clock.closed)}.")
    elif clock.current is not None:
        parts.append(f"Current stage: {stage(clock.current)}")
    parts.append(f"Status: {clock.rag}.")
    return " ".join(parts)


def _overall(clock: EscalationClock) -> str:
    cite = "IRO Handbook ch.6"
    if clock.max_total != _HANDBOOK_TOTAL:
        cite = f'local setting escalation.max_total = "{clock.max_total}"'
    calendar = clock.rules.calendar()
    note = counted(calendar, clock.clock_start, clock.overall_due, clock.max_total)
    used = plural(clock.working_days_elapsed, "working day")
    state = "over the limit" if clock.breached_overall else "within the limit"
    return (
        f"The whole process must be completed within {clock.max_total} of "
        f"{dmy(clock.clock_start)}, by {dmy(clock.overall_due)} ({cite}){note}; {used} used, "
        f"{state}."
    )
