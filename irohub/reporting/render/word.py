"""The report as an editable Word document (python-docx), the form committee papers take.

Real Heading 1-3 styles (so Word's navigation pane and contents work), real tables with a header
row that repeats across pages, each chart as a PNG with alt text and a caption, followed by its
table. Numbering of sections, tables and figures is the same as in the HTML and PDF.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from irohub.reporting.charts import alt_text, chart_png
from irohub.reporting.document import ReportDocument, validate
from irohub.reporting.render import word_parts as parts
from irohub.reporting.render.cells import format_cell, format_date, is_numeric
from irohub.reporting.render.html import QUOTE_MARK, SHORT_TABLE_ROWS
from irohub.reporting.render.layout import (
    Block,
    PlacedSection,
    figure_caption,
    flatten,
    lay_out,
    table_caption,
)

FONT = "Arial"
PICTURE_WIDTH = Cm(16)
HEADER_FILL = "F3F2F1"  # GOV.UK light grey


def render_docx(doc: ReportDocument) -> bytes:
    validate(doc)
    placed = flatten(lay_out(doc))
    word = Document()
    _set_up(word, doc)
    _front_matter(word, doc)
    _contents(word, placed)
    for item in placed:
        _section(word, item)
    _about(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up(word, doc: ReportDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, not the template's Letter
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    for name in (
        "Normal",
        "Title",
        "Subtitle",
        "Caption",
        "Quote",
        "TOC Heading",
        "Heading 1",
        "Heading 2",
        "Heading 3",
    ):
        style = word.styles[name]
        style.font.name = FONT
        if name.startswith(("Heading", "Title", "TOC")):
            style.font.color.rgb = parts.BLACK
    word.styles["Normal"].font.size = Pt(11)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    parts.simple_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    parts.simple_field(footer, "NUMPAGES", "1")
    _properties(word, doc)


def _properties(word, doc: ReportDocument) -> None:
    properties = word.core_properties
    properties.title = doc.title
    properties.author = doc.council
    properties.last_modified_by = "irohub"
    properties.subject = f"Reporting year {doc.year}"
    properties.comments = "Published version" if doc.publication else "Internal version"


def _front_matter(word, doc: ReportDocument) -> None:
    word.add_paragraph(doc.title, style="Title")
    word.add_paragraph(doc.council, style="Subtitle")
    period = f"{format_date(doc.period_start)} to {format_date(doc.period_end)}"
    facts = [
        ("Reporting year", f"{doc.year}: {period}"),
        ("Children in care counted on", format_date(doc.snapshot)),
    ]
    if doc.generated_on:
        facts.append(("Produced on", format_date(doc.generated_on)))
    for label, value in facts:
        paragraph = word.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if doc.publication:
        word.add_paragraph(
            "Published version. Small numbers are shown as “c” to protect children’s privacy; "
            "see About the figures."
        )
    else:
        warning = word.add_paragraph().add_run(
            "Internal version: small numbers are not suppressed. Do not publish this version."
        )
        warning.bold = True


def _contents(word, placed: list[PlacedSection]) -> None:
    """A Word contents field whose shown result already lists the sections (no update needed)."""
    word.add_paragraph("Contents", style="TOC Heading")
    entries = [(item.depth, f"{item.number} {item.section.title}") for item in placed]
    entries.append((0, "About the figures"))
    for index, (depth, entry) in enumerate(entries):
        paragraph = word.add_paragraph()
        if index == 0:
            parts.field_start(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
        paragraph.paragraph_format.left_indent = Cm(0.6 * depth)
        paragraph.add_run(entry)
        if index == len(entries) - 1:
            parts.field_end(paragraph)


def _section(word, item: PlacedSection) -> None:
    word.add_heading(f"{item.number} {item.section.title}", level=min(item.depth + 1, 3))
    for sentence in item.section.sentences:
        word.add_paragraph(sentence)
    for text in item.section.narrative:
        if text.startswith(QUOTE_MARK):
            word.add_paragraph(text[len(QUOTE_MARK) :], style="Quote")
        else:
            word.add_paragraph(text)
    for block in item.blocks:
        if block.chart is None:
            _table(word, block)
        else:
            _figure(word, block)


def _figure(word, block: Block) -> None:
    picture = word.add_paragraph()
    picture.paragraph_format.keep_with_next = True
    shape = picture.add_run().add_picture(
        io.BytesIO(chart_png(block.chart, block.table)), width=PICTURE_WIDTH
    )
    parts.describe_picture(
        shape, title=block.chart.title, description=alt_text(block.chart, block.table)
    )
    caption = word.add_paragraph(
        f"{figure_caption(block)} (figures in Table {block.table_number})", style="Caption"
    )
    caption.paragraph_format.keep_with_next = True  # the chart stays with its table


def _table(word, block: Block) -> None:
    table = block.table
    kinds = table.column_kinds()
    caption = word.add_paragraph(table_caption(block), style="Caption")
    caption.paragraph_format.keep_with_next = True
    grid = word.add_table(rows=len(table.rows) + 1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    parts.describe_table(grid, table_caption(block))
    keep = len(table.rows) <= SHORT_TABLE_ROWS
    rows = grid.rows
    parts.repeat_as_header(rows[0])
    for cell, name, kind in zip(rows[0].cells, table.columns, kinds, strict=True):
        _write(cell, name, bold=True, numeric=is_numeric(kind), keep=True)
        parts.shade(cell, HEADER_FILL)
    last = len(table.rows)
    for number, (row, values) in enumerate(zip(rows[1:], table.rows, strict=True), start=1):
        parts.keep_row_whole(row)
        bold = table.total_row and number == last
        for column, (cell, value, kind) in enumerate(zip(row.cells, values, kinds, strict=True)):
            text = format_cell(value, kind)
            _write(
                cell,
                text,
                bold=bold or column == 0,
                numeric=is_numeric(kind),
                keep=keep and number < last,
            )
    for note in table.notes:
        word.add_paragraph(note).runs[0].font.size = Pt(9)


def _write(cell, text: str, *, bold: bool, numeric: bool, keep: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text).bold = bold
    if numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if keep:  # a short table is kept on one page
        paragraph.paragraph_format.keep_with_next = True


def _about(word, doc: ReportDocument) -> None:
    word.add_heading("About the figures", level=1)
    for note in doc.method_notes:
        word.add_paragraph(note)
    word.add_paragraph("A dash (–) means the figure is not available. A 0 is a true zero.")
