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
from itertools import pairwise

from irohub.reporting.document import ReportDocument, iter_sections

# Closing tags of paragraphs, cells and shared strings: text on either side is not one word.
_BLOCK_END = re.compile(r"</(?:w:p|w:tc|w:tr|a:p|si|c|row|is)>")
_TAG = re.compile(r"<[^>]+>")


def find_identifiers(output: str | bytes, identifiers: Iterable[str]) -> dict[str, str]:
    """Each identifier found in the output (as written there), with where it was first seen."""
    index = _identifier_index(identifiers)
    if not index:
        return {}
    leaks: dict[str, str] = {}
    for where, text in output_texts(output):
        for found in _matches(text, index):
            leaks.setdefault(found, where)
    return leaks


# An identifier is matched whole, case-insensitively, bounded by anything but an ASCII letter or
# digit. The text is cut into runs of letters and digits once and each run looked up in a
# dictionary: one regular expression of every child's id, UPN and name (tens of thousands of
# alternatives on a large council) took minutes on a report.
_WORD = re.compile(r"[0-9A-Za-z]+")


def _identifier_index(identifiers: Iterable[str]) -> dict[str, list[tuple[list[str], list[str]]]]:
    """First word (lower case) -> [(words, separators between them)] of each identifier."""
    index: dict[str, list[tuple[list[str], list[str]]]] = {}
    for identifier in {str(i).strip() for i in identifiers if str(i).strip()}:
        words = list(_WORD.finditer(identifier))
        if not words or words[0].start() > 0 or words[-1].end() < len(identifier):
            continue  # nothing a reader could see as a word (blanks, punctuation)
        gaps = [_gap(identifier[a.end() : b.start()]) for a, b in pairwise(words)]
        index.setdefault(words[0].group(0).lower(), []).append(
            ([w.group(0).lower() for w in words], gaps)
        )
    return index


def _gap(text: str) -> str:
    """A separator between words; any run of white space counts as one space (wrapped text)."""
    return re.sub(r"\s+", " ", text)


def _matches(text: str, index) -> Iterator[str]:
    words = list(_WORD.finditer(text))
    lowered = [w.group(0).lower() for w in words]
    for n, first in enumerate(lowered):
        for wanted, gaps in index.get(first, ()):
            end = n + len(wanted)
            if end > len(words) or lowered[n:end] != wanted:
                continue
            between = [_gap(text[a.end() : b.start()]) for a, b in pairwise(words[n:end])]
            if between == gaps:
                yield text[words[n].start() : words[end - 1].end()]


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
