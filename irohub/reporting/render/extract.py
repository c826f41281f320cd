"""The readable text of a rendered report, read back from the file itself.

Used to check a public file for identifiers: compressed PDF streams and zipped Office XML hide
text from a plain byte search, so each format is opened the way a reader would open it.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Iterator

from irohub.reporting.document import ReportDocument, iter_sections

# Closing tags of paragraphs, cells and shared strings: text on either side is not one word.
_BLOCK_END = re.compile(r"</(?:w:p|w:tc|w:tr|a:p|si|c|row|is)>")
_TAG = re.compile(r"<[^>]+>")


def find_identifiers(output: str | bytes, identifiers: Iterable[str]) -> dict[str, str]:
    """Each identifier found in the output (as written there), with where it was first seen."""
    wanted = sorted({str(i).strip() for i in identifiers if str(i).strip()}, key=len, reverse=True)
    if not wanted:
        return {}
    pattern = re.compile(
        r"(?<![0-9A-Za-z])(?:" + "|".join(map(re.escape, wanted)) + r")(?![0-9A-Za-z])",
        re.IGNORECASE,
    )
    leaks: dict[str, str] = {}
    for where, text in output_texts(output):
        for match in pattern.finditer(text):
            leaks.setdefault(match.group(0), where)
    return leaks


def output_texts(output: str | bytes) -> Iterator[tuple[str, str]]:
    """(where, text) pairs covering everything a reader of the output could see."""
    if isinstance(output, str):
        yield "the HTML", output
        yield "the HTML text", html.unescape(_TAG.sub(" ", output))
    elif output.startswith(b"%PDF"):
        yield from _pdf_texts(output)
    elif output.startswith(b"PK"):
        yield from _office_texts(output)
    else:
        yield "the file", output.decode("utf-8", errors="replace")


def _pdf_texts(data: bytes) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader  # only needed when a PDF is checked

    reader = PdfReader(io.BytesIO(data))
    metadata = reader.metadata or {}
    yield "the PDF properties", "\n".join(str(value) for value in metadata.values())
    yield "the PDF bookmarks", "\n".join(_outline_titles(reader.outline))
    for number, page in enumerate(reader.pages, start=1):
        yield f"page {number} of the PDF", page.extract_text() or ""
        yield f"the links on page {number} of the PDF", "\n".join(_link_targets(page))


def _link_targets(page) -> Iterator[str]:
    for annotation in page.get("/Annots") or []:
        action = annotation.get_object().get("/A")
        if action is not None:
            yield str(action.get_object().get("/URI", ""))


def _outline_titles(outline) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield str(item.title)


def _office_texts(data: bytes) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                continue  # pictures: charts are drawn from tables that are checked as text
            xml = archive.read(name).decode("utf-8", errors="replace")
            yield f"{name} (markup)", html.unescape(xml)  # attributes: alt text, properties
            yield name, html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", xml)))


def document_text(doc: ReportDocument) -> str:
    """Every word of a document before it is rendered: titles, sentences, narrative, cells."""
    parts = [doc.title, doc.council, *doc.method_notes]
    for section, _ in iter_sections(doc.sections):
        parts += [section.title, *section.sentences, *section.narrative]
        for table in section.tables:
            parts += [table.title, *table.columns, *table.notes]
            parts += [str(cell) for row in table.rows for cell in row if cell is not None]
        for chart in section.charts:
            parts += [chart.title, chart.alt, *chart.series]
    return "\n".join(parts)
