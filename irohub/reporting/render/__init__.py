"""Renderers: a ReportDocument in, a file out. No database access anywhere in this package.

The heavy libraries (WeasyPrint, python-docx, openpyxl) are imported only when their format is
asked for, so importing this package, or rendering HTML for a page, stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable

from irohub.reporting.document import ReportDocument

FORMATS = ("html", "pdf", "docx", "xlsx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render_html(doc: ReportDocument, *, standalone: bool = True) -> str:
    """GOV.UK-styled HTML; standalone embeds the CSS, otherwise only the report body."""
    from irohub.reporting.render.html import render_html as html

    return html(doc, standalone=standalone)


def render_pdf(doc: ReportDocument) -> bytes:
    """WeasyPrint's print of the standalone HTML."""
    from irohub.reporting.render.pdf import render_pdf as pdf

    return pdf(doc)


def render_docx(doc: ReportDocument) -> bytes:
    """An editable Word document with real headings, tables and chart pictures."""
    from irohub.reporting.render.word import render_docx as docx

    return docx(doc)


def render_xlsx(doc: ReportDocument) -> bytes:
    """A workbook: a contents sheet, then one sheet per table."""
    from irohub.reporting.render.excel import render_xlsx as xlsx

    return xlsx(doc)


_RENDERERS = {"html": render_html, "pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx}


def render(doc: ReportDocument, fmt: str, *, identifiers: Iterable[str] = ()) -> bytes | str:
    """Render in one of FORMATS. A published document is checked, as the last step before it is
    handed back to be written, for every identifier given (child ids, names): a leak raises."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}"
        ) from None
    output = renderer(doc)
    if doc.publication:
        from irohub.reporting.publication import assert_no_identifiers

        assert_no_identifiers(output, identifiers)
    return output
