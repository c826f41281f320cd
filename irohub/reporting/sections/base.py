"""What every section builder is given, and how a section gets the manager's own words.

A section builder is a function `build(inputs) -> Section`. It reads figures only through
`inputs.tables` (tables) and `inputs.said` (sentences); see figures.py for why there are two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from irohub.reporting.document import Chart, Section, Table
from irohub.reporting.metrics.base import ReportingPeriod
from irohub.reporting.render.cells import format_date
from irohub.reporting.sections.figures import Figures
from irohub.reporting.selectors import NarrativeText, PriorityRow
from irohub.statutory.settings import RuleSettings

QUOTE_MARK = "> "  # the renderers print a paragraph starting so as a quotation
CASE_STUDY_LABEL = "Case study: "


@dataclass
class ReportInputs:
    period: ReportingPeriod
    rules: RuleSettings
    as_at: date
    tables: Figures
    said: Figures
    publication: bool = False
    narratives: dict[str, list[NarrativeText]] = field(default_factory=dict)
    priorities: dict[str, list[PriorityRow]] = field(default_factory=dict)

    @property
    def year(self) -> str:
        return self.period.label

    @property
    def previous_year(self) -> str:
        return self.period.previous(self.rules).label

    @property
    def next_year(self) -> str:
        return ReportingPeriod.for_year(self.period.start.year + 1, self.rules).label

    @cached_property
    def iro_label(self):
        """'IRO 1'... numbered once for every table of the report."""
        from irohub.reporting.sections.labels import anonymous_iros

        return anonymous_iros(
            self.tables.breakdown("iro.caseload.by_iro"),
            self.tables.breakdown("reviews.by_iro.count"),
        )

    @property
    def snapshot_words(self) -> str:
        """'31 March 2025'."""
        return format_date(self.period.snapshot)


def section(
    inputs: ReportInputs,
    section_id: str,
    title: str,
    *,
    sentences: list[str] | None = None,
    tables: list[Table | None] | None = None,
    charts: list[Chart | None] | None = None,
    subsections: list[Section] | None = None,
) -> Section:
    """A section with the manager's texts for it; tables that could not be made (None) and the
    charts of those tables are left out."""
    kept = [table for table in tables or [] if table is not None]
    ids = {table.id for table in kept}
    return Section(
        id=section_id,
        title=title,
        sentences=list(sentences or []),
        narrative=narrative_paragraphs(inputs.narratives.get(section_id, [])),
        tables=kept,
        charts=[chart for chart in charts or [] if chart is not None and chart.table_id in ids],
        subsections=list(subsections or []),
    )


def narrative_paragraphs(texts: list[NarrativeText]) -> list[str]:
    """The manager's texts as paragraphs: narrative first, then case studies, then quotations
    (the order councils print them in), each text split at its blank lines."""
    order = {"narrative": 0, "case_study": 1, "quote": 2}
    paragraphs: list[str] = []
    for entry in sorted(texts, key=lambda entry: order.get(entry.kind, 0)):
        parts = [" ".join(p.split()) for p in entry.text.replace("\r\n", "\n").split("\n\n")]
        parts = [p for p in parts if p]
        if not parts:
            continue
        if entry.kind == "case_study":
            parts[0] = CASE_STUDY_LABEL + parts[0]
        if entry.kind == "quote":
            parts = [QUOTE_MARK + p for p in parts]
        paragraphs.extend(parts)
    return paragraphs
