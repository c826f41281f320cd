"""Escalations (dispute resolution): how many, how far they went, what about, how they ended
and whether they were resolved within the overall limit (IRO Handbook ch.6, rules
`escalation.max_total`)."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import (
    bar_chart,
    breakdown_table,
    figures_table,
    percentages_table,
)

SECTION_ID = "escalations"
TITLE = "Escalations and resolving disputes"


def build(inputs: ReportInputs) -> Section:
    f, limit = inputs.tables, inputs.rules.escalation.max_total
    stage_order = [stage.code for stage in inputs.rules.escalation.stages]
    stages = breakdown_table(
        "escalation-stages", "Escalations by the highest stage reached",
        f.counts("escalation.max_stage.count"), label="Stage", count_header="Escalations",
        labels=labels.stage(inputs.rules), order=stage_order,
        metric_ids=["escalation.max_stage.count"],
    )  # fmt: skip
    themes = _most_first(f.counts("escalation.by_theme.count"))
    by_theme = breakdown_table(
        "escalation-themes", "What escalations were about", themes, label="Theme",
        count_header="Escalations", labels=labels.theme, order=list(themes),
        with_share=False, total=False, metric_ids=["escalation.by_theme.count"],
        notes=["An escalation can be about more than one theme."],
    )  # fmt: skip
    outcomes = breakdown_table(
        "escalation-outcomes", "How concluded escalations ended",
        f.counts("escalation.outcome.count"), label="Outcome", count_header="Escalations",
        labels=labels.outcome, metric_ids=["escalation.outcome.count"],
    )  # fmt: skip
    resolved = percentages_table(
        "escalation-resolved", f"Escalations resolved within {limit}", f,
        [(f"Concluded within {limit}", "escalation.resolved_within_20wd.pct")],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[key_counts(inputs), stages, by_theme, outcomes, resolved],
        charts=[bar_chart(by_theme, "escalation-themes-chart", "What escalations were about",
                          kind="hbar")],
    )  # fmt: skip


def _most_first(counts: dict) -> dict:
    """Most frequent first (hidden "c" figures last), then by name."""
    return dict(
        sorted(counts.items(), key=lambda kv: (-kv[1] if say.known(kv[1]) else 1, str(kv[0])))
    )


def key_counts(inputs: ReportInputs):
    return figures_table(
        "escalation-key", "Escalations: key figures", inputs.tables,
        [
            ("Escalations raised", "escalation.raised.count"),
            ("Children whose case was escalated", "escalation.children.count"),
            ("Resolved at the informal stage", "escalation.informal.count"),
            ("Went on to a formal stage", "escalation.formal.count"),
            ("Still open at the end of the year", "escalation.open.count"),
            ("Referred to Cafcass", "escalation.cafcass_referral.count"),
            ("Good practice alerts", "escalation.good_practice_alerts.count"),
        ],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(headline(inputs), resolved_sentence(inputs), theme_sentence(inputs))


def headline(inputs: ReportInputs) -> str | None:
    """'IROs raised 27 escalations for 24 children, 7 fewer than in 2023-24; 20 were resolved
    informally.'"""
    f = inputs.said
    raised, children = f.value("escalation.raised.count"), f.value("escalation.children.count")
    if not say.known(raised):
        return None
    text = f"IROs raised {say.subject(raised, 'escalation')}"
    if say.known(children) and raised:
        text += f" for {say.count_of(children, 'child')}"
    change = say.compare_count(
        raised, f.previous("escalation.raised.count"), year=inputs.previous_year
    )
    text += f", {change}" if change else ""
    formal = f.value("escalation.formal.count")
    went_on = None
    if say.known(formal) and raised:
        went_on = (
            "none went on to a formal stage"
            if formal == 0
            else (f"{say.number(formal)} went on to a formal stage")
        )
    return say.sentence(text, went_on)


def resolved_sentence(inputs: ReportInputs) -> str | None:
    f, metric_id = inputs.said, "escalation.resolved_within_20wd.pct"
    value, before = f.value(metric_id), f.previous(metric_id)
    if not say.known(value):
        return None
    text = (
        f"{say.percent(value, beside=before)} of the escalations concluded in the year were "
        f"resolved within {inputs.rules.escalation.max_total}"
    )
    change = say.compare_percent(value, before)
    cafcass = f.value("escalation.cafcass_referral.count")
    referral = None
    if say.known(cafcass):
        referral = (
            "no case was referred to Cafcass"
            if cafcass == 0
            else f"{say.count_of(cafcass, 'case')} {say.was_were(cafcass)} referred to Cafcass"
        )
    return say.sentence(f"{text}, {change}" if change else text, referral)


def theme_sentence(inputs: ReportInputs) -> str | None:
    themes = [k for k, n in _most_first(inputs.said.counts("escalation.by_theme.count")).items()
              if say.known(n) and n]  # fmt: skip
    if not themes:
        return None
    named = [labels.theme(k).lower() for k in themes[:3]]
    if len(named) == 1:
        return say.sentence(f"the most frequent concern was: {named[0]}")
    return say.sentence(f"the most frequent concerns were: {'; '.join(named)}")
