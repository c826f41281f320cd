"""Summary of key messages: each section's headline sentence, and the key figures with last
year's beside them. Written from the same figures as the sections, so they cannot disagree."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section
from irohub.reporting.sections import children, escalations, participation, progress, reviews
from irohub.reporting.sections import service as iro_service
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import figures_table, percentages_table

SECTION_ID = "summary"
TITLE = "Summary of key messages"
KEY_COUNTS = [
    ("Children in care at the end of the year", "cohort.cla_snapshot.count"),
    ("Children in care at any time in the year", "cohort.cla_any_time.count"),
    ("Admissions to care", "flow.admissions.count"),
    ("Discharges from care", "flow.discharges.count"),
    ("Reviews held", "reviews.held.count"),
    ("Children reviewed", "reviews.children_reviewed.count"),
    ("Escalations raised", "escalation.raised.count"),
]
KEY_RATES = [
    ("Reviews on time", "reviews.timeliness.all_pct"),
    ("Children aged 4 or over who spoke for themselves at their review",
     "participation.direct.pct_4plus"),
    ("Children aged 4 or over who took part in any way", "participation.any.pct_4plus"),
    ("Records completed on time", "quality.record.within_15wd_pct"),
    ("Children due a midway review who had one", "midway.coverage.pct"),
]  # fmt: skip


def build(inputs: ReportInputs) -> Section:
    counts = figures_table(
        "key-counts", "Key figures", inputs.tables, KEY_COUNTS,
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    rates = percentages_table(
        "key-rates", "Key percentages", inputs.tables, KEY_RATES,
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=key_messages(inputs), tables=[counts, rates]
    )


def key_messages(inputs: ReportInputs) -> list[str]:
    return say.drafted(
        children.headline(inputs),
        reviews.headline(inputs),
        participation.headline(inputs),
        iro_service.caseload_sentence(inputs),
        escalations.headline(inputs),
        progress.target_summary(inputs),
    )
