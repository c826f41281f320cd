"""Every write to an escalation: raise it, step it up the council's ladder, conclude it.

Each is keyword-only, takes the acting user as `by`, runs in one transaction with its audit
event, and refuses (ValidationError keyed by form field) what the dispute-resolution process
does not allow: a date before the stage it follows, a date after `today`, a stage the ladder
lacks, a change to a concluded escalation. The stages come from the rules in force
(`escalation.stages`, rules.md §1.12 E2); the clocks are never stored, they are worked out from
these dates by `irohub.statutory.escalations.escalation_clock`.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from irohub.audit.services import record
from irohub.escalations import ladder
from irohub.escalations.models import Escalation, EscalationStage, EscalationTheme
from irohub.statutory.settings import RuleSettings

TARGET = "escalations.escalation"
ID_PATTERN = re.compile(r"ESC(\d+)")
Outcome = Escalation.Outcome


def _plain(escalation: Escalation) -> dict:
    stages = EscalationStage.objects.filter(escalation=escalation).order_by("started_date", "id")
    return {
        "child": escalation.child_id,
        "iro": escalation.iro_id,
        "opened_date": str(escalation.opened_date),
        "closed_date": str(escalation.closed_date) if escalation.closed_date else None,
        "outcome": escalation.outcome,
        "good_practice": escalation.good_practice,
        "themes": sorted(escalation.themes.values_list("theme", flat=True)),
        "stages": [[s.stage, str(s.started_date), str(s.ended_date or "")] for s in stages],
    }


def next_escalation_id() -> str:
    """ESC and the next number after the highest ESC-number id (imports use the same shape,
    e.g. ESC00042), zero-padded to five digits."""
    ids = Escalation.objects.filter(escalation_id__startswith="ESC").values_list(
        "escalation_id", flat=True
    )
    numbers = [int(m.group(1)) for i in ids if (m := ID_PATTERN.fullmatch(i))]
    return f"ESC{max(numbers, default=0) + 1:05d}"


def _check_raise(kind: str, themes, opened: date, today: date, rules: RuleSettings) -> None:
    errors = {}
    if kind not in ladder.KINDS:
        errors["kind"] = "Choose an informal challenge, a formal challenge or a good-practice alert"
    allowed = {code for code, _ in ladder.themes(rules)}
    if kind != ladder.GOOD_PRACTICE and not themes:
        errors["themes"] = "Choose at least one theme"
    elif set(themes) - allowed:
        errors["themes"] = f"Unknown theme: {', '.join(sorted(set(themes) - allowed))}"
    if opened > today:
        errors["opened"] = "The date raised must be today or in the past"
    if kind in (ladder.INFORMAL, ladder.FORMAL) and ladder.first_stage(rules, kind) is None:
        errors["kind"] = "The council's rules have no stages for a challenge"
    if errors:
        raise ValidationError(errors)


def raise_escalation(
    *, child, iro, kind: str, themes, summary: str, opened: date, today: date,
    rules: RuleSettings, by,
) -> Escalation:  # fmt: skip
    """Raise a challenge (informal or formal) or record a good-practice alert for a child.

    A challenge opens at the first stage for its kind and its clocks start that day (rules.md
    E1, E4). A good-practice alert is not a challenge: it has no stages or clock and is recorded
    as concluded the day it is raised (metrics count it apart).
    """
    _check_raise(kind, themes, opened, today, rules)
    first = ladder.first_stage(rules, kind)
    with transaction.atomic():
        escalation = _numbered(
            child=child, iro=iro, opened_date=opened, summary=summary.strip(),
            closed_date=opened if kind == ladder.GOOD_PRACTICE else None,
            good_practice=kind == ladder.GOOD_PRACTICE,
            raised_by=by if getattr(by, "is_authenticated", False) else None,
        )  # fmt: skip
        EscalationTheme.objects.bulk_create(
            EscalationTheme(escalation=escalation, theme=t) for t in sorted(set(themes))
        )
        if first is not None:
            EscalationStage.objects.create(
                escalation=escalation, stage=first.code, started_date=opened
            )
        record(by=by, action="raised", target_type=TARGET, target_id=escalation.escalation_id,
               after={**_plain(escalation), "kind": kind})  # fmt: skip
    return escalation


def _numbered(**fields) -> Escalation:
    """Create the escalation with the next ESC number; two people raising at once may pick the
    same number, so a clash is retried (inside a savepoint) with the number after it."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Escalation.objects.create(escalation_id=next_escalation_id(), **fields)
        except IntegrityError:
            continue
    raise ValidationError({"kind": "The escalation could not be numbered; try again"})


def _current_stage(escalation: Escalation) -> EscalationStage | None:
    return (
        EscalationStage.objects.select_for_update()
        .filter(escalation=escalation, ended_date__isnull=True)
        .order_by("-started_date", "-id")
        .first()
    )


def _locked_open(escalation: Escalation) -> Escalation:
    current = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if current.closed_date is not None:
        raise ValidationError({"on": "This escalation has already been concluded"})
    return current


def _check_date(on: date, after: date, today: date, what: str) -> None:
    if on > today:
        raise ValidationError({"on": f"The date {what} must be today or in the past"})
    if on < after:
        raise ValidationError(
            {"on": f"The date {what} must be on or after {after.day} {after:%B %Y}"}
        )


def step_up(*, escalation: Escalation, stage: str, on: date, today: date, rules: RuleSettings,
            by) -> Escalation:  # fmt: skip
    """Move an open challenge up to a later stage of the ladder on `on`: the stage it was at
    ends that day and the new stage's clock starts (rules.md E2)."""
    with transaction.atomic():
        locked = _locked_open(escalation)
        before = _plain(locked)
        current = _current_stage(locked)
        code = current.stage if current else ""
        if stage not in {s.code for s in ladder.later_stages(rules, code)}:
            raise ValidationError({"stage": "Choose a later stage of the process"})
        _check_date(on, current.started_date if current else locked.opened_date, today,
                    "it stepped up")  # fmt: skip
        if current is not None:
            current.ended_date = on
            current.save(update_fields=["ended_date"])
        EscalationStage.objects.create(escalation=locked, stage=stage, started_date=on)
        record(by=by, action="stepped_up", target_type=TARGET, target_id=locked.escalation_id,
               before=before, after=_plain(locked))  # fmt: skip
    return locked


def conclude(*, escalation: Escalation, outcome: str, on: date, notes: str, today: date,
             rules: RuleSettings, by) -> Escalation:  # fmt: skip
    """Conclude an open challenge with its outcome on `on`. A referral to Cafcass is recorded
    as such: outcome `cafcass_referral` and, when the ladder has one, its Cafcass stage
    starting (and ending) that day, the IRO's duty under CA 1989 s25B(3)."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Choose how the escalation ended"})
    with transaction.atomic():
        locked = _locked_open(escalation)
        before = _plain(locked)
        current = _current_stage(locked)
        _check_date(on, current.started_date if current else locked.opened_date, today,
                    "it ended")  # fmt: skip
        if current is not None:
            current.ended_date = on
            current.save(update_fields=["ended_date"])
        cafcass = ladder.cafcass_stage(rules)
        if outcome == Outcome.CAFCASS_REFERRAL and cafcass is not None:
            EscalationStage.objects.update_or_create(
                escalation=locked, stage=cafcass.code,
                defaults={"started_date": on, "ended_date": on},
            )  # fmt: skip
        locked.closed_date, locked.outcome, locked.outcome_notes = on, outcome, notes.strip()
        locked.save(update_fields=["closed_date", "outcome", "outcome_notes"])
        record(by=by, action="concluded", target_type=TARGET, target_id=locked.escalation_id,
               before=before, after=_plain(locked))  # fmt: skip
    return locked
