"""The report's tables as an Excel workbook (openpyxl), for analysts.

A contents sheet (what the report is, links to every table, the notes on method), then one
sheet per table: its title, a bold header row that stays in view (frozen), the figures as real
numbers with number formats (a percentage stays 85.1 as in the report JSON, shown "85.1%"), and
the table's notes and source metrics underneath.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from irohub.reporting.document import NOT_AVAILABLE, ReportDocument, Table, is_number, validate
from irohub.reporting.render.cells import format_cell, format_date, is_numeric
from irohub.reporting.render.layout import Block, PlacedSection, flatten, lay_out, table_caption

NUMBER_FORMATS = {
    "count": "#,##0",
    "pct": '0.0"%"',  # the number stays the percentage itself, as in the JSON
    "rate": "#,##0.0",
    "number": "#,##0.##",
    "date": "d mmmm yyyy",
}
CONTENTS = "Contents"
HEADER_ROW = 4  # title, section, blank line, then the header
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="F3F2F1")
RULE = Border(bottom=Side(style="thin", color="0B0C0C"))
RIGHT = Alignment(horizontal="right")
PCT_NOTE = "Percentages are written as numbers of per cent: 85.1 means 85.1%."


def render_xlsx(doc: ReportDocument) -> bytes:
    validate(doc)
    tables = [
        (item, block)
        for item in flatten(lay_out(doc))
        for block in item.blocks
        if block.chart is None
    ]
    book = Workbook()
    _contents(book.active, doc, tables)
    for item, block in tables:
        _table_sheet(book.create_sheet(sheet_name(block.table)), block, item)
    book.properties.title = doc.title
    book.properties.creator = doc.council
    if doc.generated_on:
        book.properties.created = datetime.combine(doc.generated_on, time())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_name(table: Table) -> str:
    """The table id (validated: unique, at most 31 characters); "Contents" is taken."""
    return f"{table.id[:29]}-t" if table.id.lower() == CONTENTS.lower() else table.id


def _contents(sheet, doc: ReportDocument, tables: list[tuple[PlacedSection, Block]]) -> None:
    sheet.title = CONTENTS
    _front(sheet, doc)
    sheet.append([])
    sheet.append(["Sheet", "Table", "Section"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for item, block in tables:
        name = sheet_name(block.table)
        sheet.append([name, table_caption(block), f"{item.number} {item.section.title}"])
        link = sheet.cell(sheet.max_row, 1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{name}'!A1")  # in the workbook
        link.style = "Hyperlink"
    sheet.append([])
    sheet.append(["About the figures"])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for note in [*doc.method_notes, PCT_NOTE, "A dash (–) means the figure is not available."]:
        sheet.append([note])
    _widths(sheet, {1: 28, 2: 70, 3: 40})


def _front(sheet, doc: ReportDocument) -> None:
    period = f"{format_date(doc.period_start)} to {format_date(doc.period_end)}"
    sheet.append([doc.title])
    sheet["A1"].font = TITLE
    sheet.append([doc.council])
    sheet.append([f"Reporting year {doc.year}: {period}"])
    sheet.append([f"Children in care counted on {format_date(doc.snapshot)}"])
    if doc.generated_on:
        sheet.append([f"Produced on {format_date(doc.generated_on)}"])
    if doc.publication:
        sheet.append(["Published version: small numbers shown as “c”."])
    else:
        sheet.append(["Internal version: small numbers are not suppressed. Do not publish."])
    sheet.cell(sheet.max_row, 1).font = BOLD


def _table_sheet(sheet, block: Block, item: PlacedSection) -> None:
    table = block.table
    kinds = table.column_kinds()
    sheet.append([table_caption(block)])
    sheet["A1"].font = TITLE
    sheet.append([f"Section {item.number} {item.section.title}"])
    sheet.append([])
    sheet.append(list(table.columns))
    for column, kind in enumerate(kinds, start=1):
        cell = sheet.cell(HEADER_ROW, column)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, RULE
        if is_numeric(kind):
            cell.alignment = RIGHT
    for number, row in enumerate(table.rows, start=1):
        sheet.append([_value(value, kind) for value, kind in zip(row, kinds, strict=True)])
        _style_row(sheet, kinds, bold=table.total_row and number == len(table.rows))
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)  # header row and row labels stay in view
    sheet.append([])
    for note in table.notes:
        sheet.append([f"Note: {note}"])
    if table.metric_ids:
        sheet.append([f"Source metrics: {', '.join(table.metric_ids)}"])
    _widths(sheet, _column_widths(table, kinds))


def _value(value, kind: str):
    """Numbers stay numbers; "c" and "–" (None) are text; ISO dates become dates."""
    if value is None:
        return NOT_AVAILABLE
    if kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _style_row(sheet, kinds: list[str], *, bold: bool) -> None:
    for column, kind in enumerate(kinds, start=1):
        cell = sheet.cell(sheet.max_row, column)
        if kind in NUMBER_FORMATS and (is_number(cell.value) or isinstance(cell.value, date)):
            cell.number_format = NUMBER_FORMATS[kind]
        if is_numeric(kind):
            cell.alignment = RIGHT
        if bold or column == 1:
            cell.font = BOLD


def _column_widths(table: Table, kinds: list[str]) -> dict[int, int]:
    widths = {}
    for column, (name, kind) in enumerate(zip(table.columns, kinds, strict=True), start=1):
        texts = [name] + [format_cell(row[column - 1], kind) for row in table.rows]
        widths[column] = min(max(len(text) for text in texts) + 3, 60)
    return widths


def _widths(sheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
