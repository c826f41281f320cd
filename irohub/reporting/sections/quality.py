"""Quality of planning and recording: reports before the review, care plans at the review,
decisions and records on time (the limits in force come from the rules, not the metric ids)."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import figures_table, percentages_table

SECTION_ID = "quality"
TITLE = "Quality of planning and recording"


def measures(inputs: ReportInputs) -> list[tuple[str, str]]:
    deadlines = inputs.rules.deadlines
    return [
        (f"Social worker's report shared at least {deadlines.pre_meeting_report} before",
         "quality.pre_meeting_report.on_time_pct"),
        ("Updated care or pathway plan available at the review",
         "quality.care_plan.available_at_review_pct"),
        (f"Decisions issued within {deadlines.decisions}", "quality.decisions.within_5wd_pct"),
        (f"Record (letter to the child) completed within {deadlines.record}",
         "quality.record.within_15wd_pct"),
        ("Advocacy offered (children aged 4 or over)", "quality.advocacy_offered.pct"),
    ]  # fmt: skip


def build(inputs: ReportInputs) -> Section:
    rates = percentages_table(
        "quality-rates", "Planning and recording around reviews", inputs.tables,
        measures(inputs), year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    days = figures_table(
        "record-days", "Working days from the review to the record", inputs.tables,
        [("Average working days to complete the record", "quality.record.mean_wd")],
        year=inputs.year, previous_year=inputs.previous_year, kind="number",
    )  # fmt: skip
    return section(inputs, SECTION_ID, TITLE, sentences=sentences(inputs), tables=[rates, days])


def sentences(inputs: ReportInputs) -> list[str]:
    f, deadlines = inputs.said, inputs.rules.deadlines
    report = _rate(
        f, "quality.pre_meeting_report.on_time_pct",
        f"the social worker's report was shared at least {deadlines.pre_meeting_report} before "
        "the review for {pct} of reviews",
    )  # fmt: skip
    plan = _rate(
        f, "quality.care_plan.available_at_review_pct",
        "an updated care or pathway plan was available for {pct} of reviews",
    )  # fmt: skip
    decisions = _rate(
        f, "quality.decisions.within_5wd_pct",
        f"decisions were issued within {deadlines.decisions} for {{pct}} of reviews",
    )  # fmt: skip
    record = _rate(
        f, "quality.record.within_15wd_pct",
        f"the record was completed within {deadlines.record} for {{pct}}",
    )  # fmt: skip
    mean = f.value("quality.record.mean_wd")
    average = None
    if say.known(mean):
        average = f"on average it took {say.number(round(mean, 1))} working days"
    return say.drafted(say.sentence(report, plan), say.sentence(decisions, record, average))


def _rate(f, metric_id: str, template: str) -> str | None:
    """The template with {pct} filled in, and the change on last year after it."""
    value, before = f.value(metric_id), f.previous(metric_id)
    if not say.known(value):
        return None
    text = template.replace("{pct}", say.percent(value, beside=before))
    change = say.compare_percent(value, before)
    return f"{text} ({change})" if change else text
