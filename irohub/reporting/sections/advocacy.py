"""Advocacy and independent visitors: referrals, children supported, hours against the contract,
the issues children raised, and independent visitors against their target."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section, Table
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import bar_chart, breakdown_table, figures_table

SECTION_ID = "advocacy"
TITLE = "Advocacy and independent visitors"
SUPPORTED = "advocacy.children_supported.count"


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    counts = [
        ("Children referred for advocacy", "advocacy.referrals.count"),
        ("Children matched with an independent visitor", "iv.matched.count"),
    ]
    if not isinstance(f.value(SUPPORTED), dict):
        counts.insert(1, ("Children supported by an advocate", SUPPORTED))
    key = figures_table(
        "advocacy-key", "Advocacy and independent visitors: children", f, counts,
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    supported = breakdown_table(
        "advocacy-supported", "Children supported by type of advocacy", f.counts(SUPPORTED),
        label="Type", count_header="Children", labels=labels.advocacy_kind,
        metric_ids=[SUPPORTED], total=False, with_share=False,
    ) if isinstance(f.value(SUPPORTED), dict) else None  # fmt: skip
    issues = breakdown_table(
        "advocacy-issues", "Issues children raised with their advocates",
        f.counts("advocacy.issues.by_theme"), label="Issue", count_header="Issues",
        with_share=False, total=False, metric_ids=["advocacy.issues.by_theme"],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[key, supported, hours_table(inputs), issues],
        charts=[bar_chart(issues, "advocacy-issues-chart", "Issues raised with advocates",
                          kind="hbar")],
    )  # fmt: skip


def hours_table(inputs: ReportInputs) -> Table | None:
    return figures_table(
        "advocacy-hours", "Hours and contract targets", inputs.tables,
        [
            ("Advocacy hours delivered", "advocacy.hours.delivered"),
            ("Advocacy hours contracted", "advocacy.hours.contracted"),
            ("Independent visitor hours", "iv.hours"),
            ("Independent visitor target (children)", "iv.target"),
        ],
        year=inputs.year, previous_year=inputs.previous_year, kind="number",
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(referral_sentence(inputs), hours_sentence(inputs), iv_sentence(inputs))


def referral_sentence(inputs: ReportInputs) -> str | None:
    f = inputs.said
    referred = f.value("advocacy.referrals.count")
    if not say.known(referred):
        return None
    text = f"{say.subject(referred, 'child')} {say.was_were(referred)} referred for advocacy"
    change = say.compare_count(
        referred, f.previous("advocacy.referrals.count"), year=inputs.previous_year
    )
    return say.sentence(f"{text}, {change}" if change else text)


def hours_sentence(inputs: ReportInputs) -> str | None:
    f = inputs.said
    delivered, contracted = (
        f.value("advocacy.hours.delivered"),
        f.value("advocacy.hours.contracted"),
    )
    if not say.known(delivered):
        return None
    text = f"advocates delivered {say.number(round(delivered, 1))} hours"
    if say.known(contracted):
        text += f" against {say.number(round(contracted, 1))} contracted"
    return say.sentence(text)


def iv_sentence(inputs: ReportInputs) -> str | None:
    f = inputs.said
    matched, target = f.value("iv.matched.count"), f.value("iv.target")
    if not say.known(matched):
        return None
    text = (
        f"{say.subject(matched, 'child')} {say.was_were(matched)} matched with an "
        "independent visitor"
    )
    if say.known(target):
        text += f", against a target of {say.number(target)}"
    hours = f.value("iv.hours")
    visited = (
        f"visitors spent {say.number(round(hours, 1))} hours with children"
        if say.known(hours)
        else None
    )
    return say.sentence(text, visited)
