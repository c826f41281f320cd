"""The annual report: one computation of every core metric, then the sections in the councils'
order, each opening with sentences drafted from the figures, then the manager's own words.

    doc = build_report(ReportingPeriod.for_year("2024-25"), publication=True, as_at=date(...))
    render(doc, "pdf")   # irohub.reporting.render

In publication mode every table goes through `publication.suppress_table`, sentences are drafted
from the suppressed JSON figures, the method note is added and the whole document is checked for
every child's identifier (publication.publish_document).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from irohub.reporting.contract import CORE_METRIC_IDS, compute_core
from irohub.reporting.document import ReportDocument
from irohub.reporting.metrics.base import MetricResult, ReportingPeriod
from irohub.reporting.sections import (
    advocacy,
    audits,
    children,
    children_flow,
    escalations,
    feedback,
    midway,
    next_year,
    participation,
    placements,
    progress,
    purpose,
    quality,
    reviews,
    risks,
    service,
    summary,
    timeliness,
)
from irohub.reporting.sections.base import ReportInputs
from irohub.reporting.sections.figures import Figures
from irohub.statutory.settings import RuleSettings

# The top-level sections in the order the councils' reports use.
SECTIONS = (
    summary, purpose, service, children, reviews, participation, quality, midway, escalations,
    advocacy, feedback, audits, progress, risks, next_year,
)  # fmt: skip
# Every section a manager can write for (subsections too), with a title that does not change
# from year to year, for the narrative pages.
NARRATIVE_SECTIONS: dict[str, str] = {
    summary.SECTION_ID: summary.TITLE,
    purpose.SECTION_ID: "Purpose and legal context",
    service.SECTION_ID: service.TITLE,
    children.SECTION_ID: children.TITLE,
    children.SNAPSHOT_ID: "Children in care on the snapshot date",
    children_flow.SECTION_ID: children_flow.TITLE,
    placements.SECTION_ID: placements.TITLE,
    reviews.SECTION_ID: reviews.TITLE,
    reviews.HELD_ID: "Reviews held",
    timeliness.SECTION_ID: timeliness.TITLE,
    participation.SECTION_ID: participation.TITLE,
    quality.SECTION_ID: quality.TITLE,
    midway.SECTION_ID: midway.TITLE,
    escalations.SECTION_ID: escalations.TITLE,
    advocacy.SECTION_ID: advocacy.TITLE,
    feedback.SECTION_ID: feedback.TITLE,
    audits.SECTION_ID: audits.TITLE,
    progress.SECTION_ID: "Progress on the year's priorities and targets",
    risks.SECTION_ID: risks.TITLE,
    next_year.SECTION_ID: "Priorities for next year",
}
DEFAULT_COUNCIL = "The council"


@dataclass
class AnnualReport:
    """One computation of a year's report: the JSON and every format are made from it."""

    period: ReportingPeriod
    rules: RuleSettings
    as_at: date
    results: dict[str, MetricResult]

    @classmethod
    def compute(
        cls, period: ReportingPeriod, *, as_at: date, rules: RuleSettings | None = None
    ) -> AnnualReport:
        rules = rules or _rules_in_force()
        return cls(period, rules, as_at, compute_core(period, rules=rules, as_at=as_at))

    def json(self, *, publication: bool) -> dict[str, Any]:
        from irohub.reporting.contract import report_json

        return report_json(
            self.period, publication=publication, as_at=self.as_at, rules=self.rules,
            results=self.results,
        )  # fmt: skip

    def document(self, *, publication: bool, generated_on: date | None = None) -> ReportDocument:
        return assemble(self, publication=publication, generated_on=generated_on)


def build_report(
    period: ReportingPeriod,
    *,
    publication: bool,
    as_at: date,
    rules: RuleSettings | None = None,
    generated_on: date | None = None,
) -> ReportDocument:
    """The year's report as a ReportDocument, ready for any renderer."""
    report = AnnualReport.compute(period, as_at=as_at, rules=rules)
    return report.document(publication=publication, generated_on=generated_on)


def assemble(
    report: AnnualReport, *, publication: bool, generated_on: date | None = None
) -> ReportDocument:
    from irohub.reporting import selectors

    inputs = _inputs(report, publication=publication)
    doc = ReportDocument(
        title=f"Independent Reviewing Officer annual report {report.period.label}",
        council=report.rules.council.name or DEFAULT_COUNCIL,
        year=report.period.label,
        period_start=report.period.start,
        period_end=report.period.end,
        snapshot=report.period.snapshot,
        sections=[module.build(inputs) for module in SECTIONS],
        method_notes=method_notes(report),
        generated_on=generated_on,
    )
    if not publication:
        return doc
    from irohub.reporting.publication import publish_document

    return publish_document(
        doc,
        up_to=report.rules.publication.suppress_up_to,
        identifiers=selectors.child_identifiers(),
    )


def _inputs(report: AnnualReport, *, publication: bool) -> ReportInputs:
    from irohub.reporting import selectors

    metrics = {mid: report.results[mid].to_json() for mid in CORE_METRIC_IDS}
    said = metrics
    if publication:
        from irohub.reporting.publication import suppress_metrics

        said = suppress_metrics(metrics, up_to=report.rules.publication.suppress_up_to)
    period = report.period
    years = [period.label, ReportingPeriod.for_year(period.start.year + 1, report.rules).label]
    return ReportInputs(
        period=period,
        rules=report.rules,
        as_at=report.as_at,
        tables=Figures(metrics),
        said=Figures(said),
        publication=publication,
        narratives=selectors.narratives_for(period.label),
        priorities=selectors.priorities_for(years),
    )


def method_notes(report: AnnualReport) -> list[str]:
    """How the figures were made, in words a councillor can check."""
    rules = report.rules
    notes = [
        f"The reporting year runs from {_day(report.period.start)} to "
        f"{_day(report.period.end)}. Children are counted as in care on a date when a period "
        "of care has started on or before it and not ended on or before it, as the Department "
        "for Education counts them; children in short-break care (regulation 48) are counted "
        "separately and left out of the other figures.",
        "Ages are in completed years on the date counted. Percentages are rounded half-up to "
        "one decimal place; each is of the number shown beside it, and where there is nothing "
        "to count it is shown as a dash, never as 0%.",
        f"Reviews are on time when held within {rules.reviews.first} of coming into care (the "
        f"first), {rules.reviews.second} of the first (the second) and {rules.reviews.subsequent} "
        "of the one before (later reviews). Timeliness for all reviews is every review on time "
        "over every review held, not an average of the three rates.",
    ]
    missing = [mid for mid, result in report.results.items() if result.extra.get("missing")]
    if missing:
        notes.append("Not yet computed, so left out: " + ", ".join(missing) + ".")
    return notes


def _day(day: date) -> str:
    from irohub.reporting.render.cells import format_date

    return format_date(day)


def _rules_in_force() -> RuleSettings:
    from irohub.council.selectors import current_rules

    return current_rules()
