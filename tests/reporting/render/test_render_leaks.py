"""No child identifier in a public file: the check reads the PDF, Word and Excel files back as
text, where a byte search would miss compressed streams and zipped XML."""

from __future__ import annotations

import io

import pytest

from irohub.reporting.publication import IdentifierLeak, assert_no_identifiers
from irohub.reporting.render import render
from irohub.reporting.render.sample import sample_document

CHILD_ID = "LCS5009549"


@pytest.fixture(scope="module")
def leaky_outputs():
    """A published report whose audit table lists a child's case number (as Hounslow's did)."""
    doc = sample_document()
    doc.sections[3].tables[1].rows[0][0] = f"Informal ({CHILD_ID})"
    doc.sections[3].tables[1].notes.append(f"Case {CHILD_ID} was audited.")
    doc.publication = True
    return {fmt: render(doc, fmt) for fmt in ("html", "pdf", "docx", "xlsx")}


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "xlsx"])
def test_an_identifier_is_found_in_every_format(leaky_outputs, fmt):
    with pytest.raises(IdentifierLeak, match=CHILD_ID) as caught:
        assert_no_identifiers(leaky_outputs[fmt], ["C0000001", CHILD_ID.lower()])
    assert "1 identifier(s)" in str(caught.value)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_check_reads_text_that_a_byte_search_would_miss(leaky_outputs, fmt):
    assert CHILD_ID.encode() not in leaky_outputs[fmt]  # compressed streams, zipped XML


def test_clean_outputs_pass_and_ids_inside_longer_tokens_do_not_count():
    doc = sample_document()
    doc.publication = True
    for fmt in ("html", "pdf", "docx", "xlsx"):
        assert_no_identifiers(render(doc, fmt), ["C0042137", "9876543", " ", ""])  # blanks ignored
    assert_no_identifiers("reference XC0042137Z", ["C0042137"])
    with pytest.raises(IdentifierLeak):
        assert_no_identifiers("child (c0042137).", ["C0042137"])


def test_pypdf_reads_the_pdf_properties_too():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Title": f"Report on {CHILD_ID}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(IdentifierLeak, match="PDF properties"):
        assert_no_identifiers(buffer.getvalue(), [CHILD_ID])


def test_link_targets_in_a_pdf_are_read_too():
    from pypdf import PdfWriter
    from pypdf.annotations import Link

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_annotation(0, Link(rect=(10, 10, 100, 30), url=f"https://example.org/{CHILD_ID}"))
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(IdentifierLeak, match="links on page 1"):
        assert_no_identifiers(buffer.getvalue(), [CHILD_ID])
