"""The PDF, Word and Excel files of the synthetic council's report, opened as a reader would
(pypdf, python-docx, openpyxl), carry the figures of the report JSON in their tables."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from irohub.reporting.document import Table, all_tables
from irohub.reporting.render.cells import format_cell
from irohub.reporting.render.excel import HEADER_ROW, sheet_name
from irohub.reporting.render.layout import flatten as flatten_sections
from irohub.reporting.render.layout import lay_out
from irohub.reporting.sections.tables import month_label

# The outputs are made once per session (conftest.annual_outputs); the mark makes pytest-django
# set up the test database for it.
pytestmark = pytest.mark.django_db


def expectations(outputs) -> list[tuple[str, str, str, object]]:
    """(table id, row label, column, figure) straight from the JSON, never from the document."""
    metrics, year, before = outputs.json["metrics"], outputs.period.label, "2024-25"
    found = []
    for month, count in metrics["reviews.by_month.count"]["value"].items():
        found.append(("reviews-month", month_label(month), "Reviews", count))
    codes = metrics["participation.code.count"]["value"]
    for code, count in codes.items():
        found.append(("participation-codes", code, "Reviews", count))
        found.append(("participation-codes", code, "Per cent of all reviews",
                      metrics["participation.code.pct_all"]["value"][code]))  # fmt: skip
    for code, pct in metrics["participation.code.pct_4plus"]["value"].items():
        found.append(("participation-codes", code, "Per cent of reviews of 4+", pct))
    pooled = metrics["reviews.timeliness.all_pct"]
    found += [
        ("timeliness-type", "All reviews", "Out of", pooled["denominator"]),
        ("timeliness-type", "All reviews", "Number", pooled["numerator"]),
        ("timeliness-type", "All reviews", year, pooled["value"]),
        ("timeliness-type", "All reviews", before, pooled["previous"]),
        ("key-counts", "Reviews held", year, metrics["reviews.held.count"]["value"]),
        ("key-counts", "Reviews held", before, metrics["reviews.held.count"]["previous"]),
        ("cla-key", "In care on 31 March 2026", year,
         metrics["cohort.cla_snapshot.count"]["value"]),
    ]  # fmt: skip
    for band, count in metrics["cohort.cla_snapshot.by_age_band"]["value"].items():
        found.append(("cla-age", band, "Children", count))
    return found


def _table(outputs, table_id: str) -> Table:
    return next(t for t in all_tables(outputs.docs[False]) if t.id == table_id)


def _text(outputs, table_id: str, column: str, value) -> str:
    table = _table(outputs, table_id)
    return format_cell(value, table.column_kinds()[table.columns.index(column)])


def test_the_expected_tables_are_in_the_report(annual_outputs):
    ids = {t.id for t in all_tables(annual_outputs.docs[False])}
    wanted = {table_id for table_id, *_ in expectations(annual_outputs)}
    assert wanted <= ids, wanted - ids
    assert len(expectations(annual_outputs)) > 40


def test_excel_sheets_hold_the_json_figures_as_numbers(annual_outputs):
    book = load_workbook(io.BytesIO(annual_outputs.files["xlsx", False]))
    for table_id, row_label, column, figure in expectations(annual_outputs):
        sheet = book[sheet_name(_table(annual_outputs, table_id))]
        header = [cell.value for cell in sheet[HEADER_ROW]]
        rows = {r[0]: r for r in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)}
        cell = rows[row_label][header.index(column)]
        assert cell == (figure if figure is not None else "–"), (table_id, row_label, column)


def _word_tables(data: bytes) -> dict[str, list[list[str]]]:
    """Each Word table under the caption just before it ("Table 7: Reviews held each month")."""
    word = Document(io.BytesIO(data))
    tables, caption = {}, ""
    paragraphs = {p._element: p for p in word.paragraphs}
    by_element = {t._element: t for t in word.tables}
    for element in word.element.body.iterchildren():
        if element in paragraphs and paragraphs[element].text.startswith("Table "):
            caption = paragraphs[element].text.split(": ", 1)[1]
        elif element in by_element:
            rows = [[cell.text for cell in row.cells] for row in by_element[element].rows]
            tables[caption] = rows
    return tables


def test_word_tables_print_the_json_figures(annual_outputs):
    tables = _word_tables(annual_outputs.files["docx", False])
    for table_id, row_label, column, figure in expectations(annual_outputs):
        rows = tables[_table(annual_outputs, table_id).title]
        header, body = rows[0], {row[0]: row for row in rows[1:]}
        printed = body[row_label][header.index(column)]
        assert printed == _text(annual_outputs, table_id, column, figure), (table_id, row_label)


@pytest.fixture(scope="module")
def pdf_text(annual_outputs) -> str:
    reader = PdfReader(io.BytesIO(annual_outputs.files["pdf", False]))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_tables_print_the_json_figures(annual_outputs, pdf_text):
    numbers = _numbers(annual_outputs)
    for table_id, row_label, column, figure in expectations(annual_outputs):
        title = f"Table {numbers[table_id]}: {_table(annual_outputs, table_id).title}"
        start = pdf_text.index(title)
        end = pdf_text.find("Table ", start + len(title))
        block = " ".join(pdf_text[start : end if end > 0 else None].split())
        row = _pdf_row(block, _table(annual_outputs, table_id), row_label)
        expected = re.escape(_text(annual_outputs, table_id, column, figure))
        assert re.search(rf"(^|\s){expected}(\s|$)", row), (table_id, row_label, column, row)


def _pdf_row(block: str, table: Table, row_label: str) -> str:
    """The text of one row: from its label to the next row's label (cells may wrap)."""
    labels = [str(row[0]) for row in table.rows]
    start = block.index(f" {row_label} ") + 1
    following = labels[labels.index(row_label) + 1 :]
    end = block.find(f" {following[0]} ", start) if following else -1
    return block[start : end if end > 0 else None]


def _numbers(outputs) -> dict[str, int]:
    placed = flatten_sections(lay_out(outputs.docs[False]))
    return {b.table.id: b.table_number for item in placed for b in item.blocks}


def test_every_core_metric_value_of_the_summary_is_in_every_format(annual_outputs, pdf_text):
    """The headline sentence says what the JSON says, in the HTML, PDF and Word alike."""
    metrics = annual_outputs.json["metrics"]
    held = metrics["reviews.held.count"]["value"]
    children = metrics["reviews.children_reviewed.count"]["value"]
    sentence = f"{held} reviews were held for {children} children"
    word = Document(io.BytesIO(annual_outputs.files["docx", False]))
    assert sentence in annual_outputs.files["html", False]
    assert sentence in " ".join(pdf_text.split())
    assert any(sentence in p.text for p in word.paragraphs)
