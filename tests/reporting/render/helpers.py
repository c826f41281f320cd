"""What the renderers' outputs must contain, computed from the document itself."""

from __future__ import annotations

from irohub.reporting.document import ReportDocument, all_tables, iter_sections
from irohub.reporting.render.cells import format_cell


def expected_cells(table) -> list[list[str]]:
    """The table as every format must print it: the header, then each row formatted."""
    kinds = table.column_kinds()
    body = [[format_cell(v, k) for v, k in zip(row, kinds, strict=True)] for row in table.rows]
    return [list(table.columns), *body]


def charts_of(doc: ReportDocument):
    return [chart for section, _ in iter_sections(doc.sections) for chart in section.charts]


def tables_of(doc: ReportDocument):
    return all_tables(doc)
