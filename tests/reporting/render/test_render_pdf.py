"""The PDF, opened with pypdf: the same tables and figures as the HTML, paged for A4."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from irohub.reporting.render import pdf as pdf_module
from irohub.reporting.render.layout import lay_out

from .helpers import tables_of


@pytest.fixture(scope="module")
def reader(rendered) -> PdfReader:
    return PdfReader(io.BytesIO(rendered["pdf"]))


@pytest.fixture(scope="module")
def text(reader) -> str:
    """All pages' text with runs of white space made single spaces (lines wrap anywhere)."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_is_a_sane_number_of_a4_pages(reader):
    assert 4 <= len(reader.pages) <= 16
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_every_table_title_is_printed_with_its_number(doc, text):
    for number, table in enumerate(tables_of(doc), start=1):
        assert f"Table {number}: {table.title}" in text


def test_a_sample_of_cells_is_printed(text):
    for figure in ["798", "679", "85.1%", "68.8%", "147", "44.7%", "59.6", "Care or pathway plan"]:
        assert figure in text
    assert "PN1 attended and spoke 519 65.0% 76.0%" in text  # a whole row, in order


def test_figures_captions_and_the_sections_are_present(doc, text):
    assert "Figure 6: Escalations by theme" in text
    for item in lay_out(doc):
        assert f"{item.number} {item.section.title}" in text


def test_pages_are_numbered(reader, text):
    assert f"Page 1 of {len(reader.pages)}" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text


def test_document_properties_and_bookmarks(reader):
    assert reader.metadata.title.startswith("Independent Reviewing Officer annual report 2024-25")
    assert reader.metadata.author == "Northbrook Borough Council"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Independent Reviewing Officer annual report 2024-25" in titles


def test_chart_text_is_real_text(text):
    # Axis labels of the SVG charts survive into the PDF as text, not outlines.
    assert "Age band" in text and "Ethnic group" in text


def test_nothing_is_ever_fetched():
    with pytest.raises(ValueError, match="self-contained"):
        pdf_module._FetchNothing().fetch("https://example.org/logo.png")
