"""The council's dispute-resolution ladder as the pages use it: where a challenge starts, where
it may step up to, and which stage is the referral to Cafcass.

The ladder is the rules in force (`escalation.stages`, rules.md §1.12 E2; default informal 5
working days, formal 10, then Cafcass). Nothing here reads the database or the clock.
"""

from __future__ import annotations

from irohub.escalations.models import STANDARD_THEMES
from irohub.statutory.settings import EscalationStage, RuleSettings

INFORMAL, FORMAL, GOOD_PRACTICE = "informal", "formal", "good_practice"
KINDS = {
    INFORMAL: "Informal challenge",
    FORMAL: "Formal challenge",
    GOOD_PRACTICE: "Good-practice alert",
}
CAFCASS = "cafcass"

# What each standard theme means, in the words of interfaces.md §1.2.
THEME_LABELS = {
    "care_plan_unavailable": "No updated care or pathway plan for the review",
    "placement_planning": "Placement planning meetings not held",
    "plo_drift": "Drift in pre-proceedings or court actions",
    "finance": "Outstanding payments",
    "education": "No or poor education provision (PEP)",
    "transition": "Unclear transition or pathway planning, housing at 18",
    "sdq": "Strengths and difficulties questionnaires not done",
    "reg24": "Connected-person assessments out of time",
    "paperwork": "Review paperwork incomplete",
    "uasc": "Age assessments or transfers of unaccompanied children",
    "contact": "Family time and siblings",
    "placement": "Suitability or stability of the placement",
    "exploitation": "Risk of exploitation not addressed",
    "visits": "Social worker visits out of time",
    "health": "Health",
    "decisions": "Review decisions not carried out",
    "other": "Something else",
}


def themes(rules: RuleSettings) -> list[tuple[str, str]]:
    """(code, label) of every theme an escalation may have: the standard list, then the
    council's own (`escalation.themes`)."""
    codes = dict.fromkeys((*STANDARD_THEMES, *rules.escalation.themes))
    return [(code, theme_label(code)) for code in codes]


def theme_label(code: str) -> str:
    return THEME_LABELS.get(code) or code.replace("_", " ").capitalize()


def is_cafcass(stage: EscalationStage) -> bool:
    """The referral to Cafcass (CA 1989 s25B(3)) ends the local process; it is found by its code
    or name, as the escalation metrics find it."""
    return CAFCASS in stage.code.lower() or CAFCASS in stage.name.lower()


def stage(rules: RuleSettings, code: str) -> EscalationStage | None:
    return next((s for s in rules.escalation.stages if s.code == code), None)


def steps(rules: RuleSettings) -> list[EscalationStage]:
    """The stages a challenge moves through before any referral to Cafcass."""
    return [s for s in rules.escalation.stages if not is_cafcass(s)]


def cafcass_stage(rules: RuleSettings) -> EscalationStage | None:
    return next((s for s in rules.escalation.stages if is_cafcass(s)), None)


def first_stage(rules: RuleSettings, kind: str) -> EscalationStage | None:
    """Where a challenge of this kind starts: an informal challenge at the first informal stage
    (else the first stage), a formal one at the first formal stage. Alerts have no stage."""
    ladder = steps(rules)
    if kind == GOOD_PRACTICE or not ladder:
        return None
    wanted = [s for s in ladder if s.informal == (kind == INFORMAL)]
    return wanted[0] if wanted else ladder[0]


def later_stages(rules: RuleSettings, code: str) -> list[EscalationStage]:
    """The stages a challenge at `code` may step up to (any later one: a manager may skip)."""
    ladder = steps(rules)
    codes = [s.code for s in ladder]
    if code not in codes:
        return ladder
    return ladder[codes.index(code) + 1 :]
