"""The Excel workbook, opened with openpyxl: one sheet per table, numbers as numbers."""

from __future__ import annotations

import io

import openpyxl
import pytest

from irohub.reporting.document import NOT_AVAILABLE, Table
from irohub.reporting.render import render_xlsx
from irohub.reporting.render.excel import HEADER_ROW

from .helpers import tables_of


@pytest.fixture(scope="module")
def book(rendered):
    return openpyxl.load_workbook(io.BytesIO(rendered["xlsx"]))


def _rows(sheet, table: Table) -> list[list]:
    first = HEADER_ROW + 1
    return [
        [cell.value for cell in row]
        for row in sheet.iter_rows(
            min_row=first, max_row=first + len(table.rows) - 1, max_col=len(table.columns)
        )
    ]


def test_a_contents_sheet_then_one_sheet_per_table(doc, book):
    assert book.sheetnames == ["Contents", *[t.id for t in tables_of(doc)]]


def test_values_equal_the_documents_figures_and_numbers_are_numeric(doc, book):
    for table in tables_of(doc):
        sheet = book[table.id]
        expected = [[NOT_AVAILABLE if v is None else v for v in row] for row in table.rows]
        assert _rows(sheet, table) == expected
        kinds = table.column_kinds()
        for row in _rows(sheet, table):
            for value, kind in zip(row, kinds, strict=True):
                if kind in ("count", "pct", "rate") and value != NOT_AVAILABLE:
                    assert isinstance(value, int | float) and not isinstance(value, bool)


def test_header_row_is_bold_and_frozen(doc, book):
    for table in tables_of(doc):
        sheet = book[table.id]
        header = [sheet.cell(HEADER_ROW, c + 1) for c in range(len(table.columns))]
        assert [cell.value for cell in header] == table.columns
        assert all(cell.font.bold for cell in header)
        assert sheet.freeze_panes == f"B{HEADER_ROW + 1}"


def test_number_formats_show_percentages_and_thousands(book):
    sheet = book["participation"]
    assert sheet.cell(HEADER_ROW + 2, 2).number_format == "#,##0"
    assert sheet.cell(HEADER_ROW + 2, 3).number_format == '0.0"%"'
    assert sheet.cell(HEADER_ROW + 2, 3).value == 65.0
    assert book["month-end"].cell(HEADER_ROW + 1, 3).number_format == "#,##0.0"


def test_titles_notes_and_sources_are_on_each_sheet(book):
    sheet = book["timeliness"]
    assert sheet["A1"].value == "Table 5: Reviews held on time by type of review"
    assert sheet["A1"].font.bold
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "Note: A review is on time when it is held on or before its due date." in texts
    assert "Source metrics: reviews.timeliness.first_pct, reviews.timeliness.all_pct" in texts


def test_contents_links_to_every_table(doc, book):
    contents = book["Contents"]
    links = {cell.value: cell.hyperlink.location for cell in contents["A"] if cell.hyperlink}
    assert links == {t.id: f"'{t.id}'!A1" for t in tables_of(doc)}
    notes = [row[0] for row in contents.iter_rows(values_only=True)]
    assert "Percentages are written as numbers of per cent: 85.1 means 85.1%." in notes


def test_suppressed_cells_and_dates(doc):
    table = Table(
        "dates",
        "Escalations by date opened",
        ["Escalation", "Opened", "Children"],
        [["First", "2024-05-02", 3], ["Second", "not known", "c"]],
        kinds=["label", "date", "count"],
    )
    doc.sections[0].tables.append(table)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    rows = _rows(book["dates"], table)
    assert rows[0][1].date().isoformat() == "2024-05-02"
    assert rows[1][1:] == ["not known", "c"]
