"""The Word document, opened with python-docx: real headings, tables, pictures, editable."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from irohub.reporting.charts import alt_text
from irohub.reporting.render.layout import flatten, lay_out

from .helpers import charts_of, expected_cells, tables_of


@pytest.fixture(scope="module")
def word(rendered):
    return docx.Document(io.BytesIO(rendered["docx"]))


def _styled(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


def test_sections_use_real_heading_styles(doc, word):
    placed = flatten(lay_out(doc))
    top = [f"{p.number} {p.section.title}" for p in placed if p.depth == 0]
    assert _styled(word, "Heading 1") == [*top, "About the figures"]
    assert _styled(word, "Heading 2") == ["2.1 Unaccompanied children"]
    assert _styled(word, "Title") == [doc.title]


def test_every_table_is_a_word_table_with_exactly_the_documents_cells(doc, word):
    assert len(word.tables) == len(tables_of(doc))
    for grid, table in zip(word.tables, tables_of(doc), strict=True):
        cells = [[cell.text for cell in row.cells] for row in grid.rows]
        assert cells == expected_cells(table)


def test_header_rows_repeat_and_are_bold(word):
    for grid in word.tables:
        header = grid.rows[0]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)


def test_numbers_are_right_aligned(doc, word):
    grid, table = word.tables[0], tables_of(doc)[0]
    assert table.column_kinds() == ["label", "count", "pct"]
    row = grid.rows[1].cells
    assert row[0].paragraphs[0].alignment is None
    assert all(cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for cell in row[1:])


def test_each_chart_is_a_picture_with_alt_text_and_a_caption(doc, word):
    charts = charts_of(doc)
    shapes = word.inline_shapes
    assert len(shapes) == len(charts)
    tables = {t.id: t for t in tables_of(doc)}
    for shape, chart in zip(shapes, charts, strict=True):
        assert shape._inline.docPr.get("descr") == alt_text(chart, tables[chart.table_id])
        assert abs(shape.width - Cm(16)) < Cm(0.01)
    captions = _styled(word, "Caption")
    assert "Figure 1: Children in care by age band (figures in Table 1)" in captions
    assert "Table 1: Children in care on 31 March 2025 by age band" in captions


def test_each_chart_comes_just_before_its_table(word):
    body = word.element.body
    order = []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            order.append("table")
        elif child.xpath(".//w:drawing"):
            order.append("chart")
    assert order[:3] == ["chart", "table", "chart"]
    assert all(order[i + 1] == "table" for i, kind in enumerate(order) if kind == "chart")


def test_page_is_a4_with_numbered_pages(word):
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_contents_is_a_word_field_already_listing_the_sections(word):
    xml = word.element.body.xml
    assert 'TOC \\o "1-3"' in xml
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Contents")
    assert texts[start + 1 : start + 4] == [
        "1 Summary of key messages",
        "2 The children in care",
        "2.1 Unaccompanied children",
    ]


def test_sentences_narrative_and_quotes_are_kept(doc, word):
    texts = [p.text for p in word.paragraphs]
    for sentence in doc.sections[2].sentences:
        assert sentence in texts
    assert _styled(word, "Quote") == [
        "My IRO listens to me and makes sure things happen. (young person, 15)"
    ]


def test_properties_name_the_council_and_the_version(word):
    assert word.core_properties.author == "Northbrook Borough Council"
    assert word.core_properties.comments == "Internal version"


def test_tables_carry_their_caption_as_alt_text(doc, word):
    for number, (grid, table) in enumerate(zip(word.tables, tables_of(doc), strict=True), start=1):
        caption = grid._tbl.tblPr.find(qn("w:tblCaption"))
        assert caption.get(qn("w:val")) == f"Table {number}: {table.title}"
