"""The annual report as plain data: what the assembly writes and every renderer reads.

No Django and no database here, so a renderer can be tested with a document built by hand. The
figures arrive already computed (and, in publication mode, already suppressed): renderers only
format them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

Cell = int | float | str | None  # None renders as "–" (not available); "c" = suppressed

SUPPRESSED = "c"
NOT_AVAILABLE = "–"

KINDS = ("label", "count", "pct", "rate", "number", "date", "text")
NUMERIC_KINDS = frozenset({"count", "pct", "rate", "number"})
CHART_KINDS = ("bar", "hbar", "stacked_bar", "grouped_bar", "line")

# Excel refuses these in sheet names, and a sheet name has at most 31 characters.
_SHEET_FORBIDDEN = set("[]:*?/\\")
SHEET_NAME_MAX = 31


def is_number(value: Cell) -> bool:
    """True for a real figure (bool is an int in Python but never a figure)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass
class Table:
    id: str  # stable slug, also the Excel sheet name source (<=31 chars, unique)
    title: str
    columns: list[str]  # header row; first column is the row label
    rows: list[list[Cell]]
    kinds: list[str] | None = None  # per column, one of KINDS; inferred when None
    total_row: bool = False  # last row is a total (for secondary suppression)
    notes: list[str] = field(default_factory=list)
    metric_ids: list[str] = field(default_factory=list)  # where the figures come from
    total_column: bool = False  # last column is a row total (for secondary suppression)

    def column_kinds(self) -> list[str]:
        """The kinds as given, or inferred: label first, counts for whole numbers, else number/text."""
        if self.kinds is not None:
            return list(self.kinds)
        return ["label"] + [self._infer_kind(i) for i in range(1, len(self.columns))]

    def _infer_kind(self, index: int) -> str:
        values = [row[index] for row in self.rows if index < len(row)]
        figures = [v for v in values if is_number(v)]
        if any(isinstance(v, str) and v != SUPPRESSED for v in values):
            return "text"
        if figures and all(isinstance(v, int) for v in figures):
            return "count"
        return "number"

    def body_rows(self) -> list[list[Cell]]:
        """The rows without the total row."""
        return self.rows[:-1] if self.total_row and self.rows else list(self.rows)


@dataclass
class Chart:
    id: str
    title: str
    kind: str  # one of CHART_KINDS
    table_id: str  # EVERY chart draws a table of the same section, always shown beside it
    series: list[str]  # the table columns plotted (the label column is the x axis)
    alt: str = ""  # short text alternative; default derived from the title


@dataclass
class Section:
    id: str
    title: str
    sentences: list[str] = field(default_factory=list)  # drafted from the figures
    narrative: list[str] = field(default_factory=list)  # the manager's own paragraphs; "> " = quote
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class ReportDocument:
    title: str
    council: str
    year: str  # "2024-25"
    period_start: date
    period_end: date
    snapshot: date
    sections: list[Section]
    publication: bool = False
    method_notes: list[str] = field(default_factory=list)  # incl. the suppression note if public
    generated_on: date | None = None


class DocumentError(ValueError):
    """The document cannot be rendered as it stands; the message lists every problem."""


def iter_sections(sections: list[Section], depth: int = 0) -> Iterator[tuple[Section, int]]:
    """Every section and subsection in reading order, with its depth (0 = top level)."""
    for section in sections:
        yield section, depth
        yield from iter_sections(section.subsections, depth + 1)


def all_tables(doc: ReportDocument) -> list[Table]:
    return [table for section, _ in iter_sections(doc.sections) for table in section.tables]


def validate(doc: ReportDocument) -> None:
    """Raise DocumentError naming every broken table, chart and id before anything is drawn."""
    problems: list[str] = []
    seen_sections: set[str] = set()
    seen_tables: dict[str, str] = {}
    seen_charts: set[str] = set()
    for section, _ in iter_sections(doc.sections):
        if section.id in seen_sections:
            problems.append(f"section id {section.id!r} is used twice")
        seen_sections.add(section.id)
        for table in section.tables:
            problems += _table_problems(table, seen_tables)
        problems += _chart_problems(section, seen_charts)
    if problems:
        raise DocumentError("; ".join(problems))


def _table_problems(table: Table, seen: dict[str, str]) -> list[str]:
    problems = []
    name = f"table {table.id!r}"
    sheet = table.id.lower()
    if sheet in seen:
        problems.append(f"{name} has the same id (sheet name) as table {seen[sheet]!r}")
    seen[sheet] = table.id
    if not table.id or len(table.id) > SHEET_NAME_MAX or _SHEET_FORBIDDEN & set(table.id):
        problems.append(f"{name}: the id must be 1-31 characters without []:*?/\\")
    width = len(table.columns)
    if table.kinds is not None and len(table.kinds) != width:
        problems.append(f"{name} has {len(table.kinds)} kinds for {width} columns")
    if table.kinds is not None and set(table.kinds) - set(KINDS):
        problems.append(f"{name} has unknown kinds {sorted(set(table.kinds) - set(KINDS))}")
    for number, row in enumerate(table.rows, start=1):
        if len(row) != width:
            problems.append(f"{name} row {number} has {len(row)} cells for {width} columns")
    return problems


def _chart_problems(section: Section, seen: set[str]) -> list[str]:
    problems = []
    tables = {table.id: table for table in section.tables}
    for chart in section.charts:
        name = f"chart {chart.id!r}"
        if chart.id in seen:
            problems.append(f"{name} is used twice")  # it prefixes the ids inside its SVG
        seen.add(chart.id)
        if chart.kind not in CHART_KINDS:
            problems.append(f"{name} has unknown kind {chart.kind!r}")
        table = tables.get(chart.table_id)
        if table is None:
            problems.append(f"{name} draws table {chart.table_id!r}, not in section {section.id!r}")
            continue
        missing = [s for s in chart.series if s not in table.columns[1:]]
        if missing or not chart.series:
            problems.append(f"{name} plots columns {missing or '(none)'} not in its table")
    return problems
