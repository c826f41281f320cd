"""Word features python-docx has no call for: fields, repeating header rows, alt text.

Each helper writes the few WordprocessingML elements Word itself writes for the feature.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

BLACK = RGBColor(0x0B, 0x0C, 0x0C)


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name), value)
    return element


def field_start(paragraph: Paragraph, instruction: str) -> None:
    """Open a complex field; what follows until field_end is its shown (cached) result."""
    run = paragraph.add_run()._r
    run.append(_element("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _element("w:instrText", **{"xml:space": "preserve"})
    instr.text = f" {instruction} "
    run.append(instr)
    run.append(_element("w:fldChar", **{"w:fldCharType": "separate"}))


def field_end(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", **{"w:fldCharType": "end"}))


def simple_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field Word recomputes as it lays out the page (PAGE, NUMPAGES)."""
    field = _element("w:fldSimple", **{"w:instr": instruction})
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def repeat_as_header(row) -> None:
    """The row repeats at the top of each page the table runs onto, and is read as headers."""
    properties = row._tr.get_or_add_trPr()
    properties.append(_element("w:tblHeader", **{"w:val": "true"}))


def keep_row_whole(row) -> None:
    row._tr.get_or_add_trPr().append(_element("w:cantSplit", **{"w:val": "true"}))


def shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    properties.append(_element("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def describe_picture(shape, *, title: str, description: str) -> None:
    """Alternative text for screen readers (Word's "Alt Text" pane shows the description)."""
    doc_pr = shape._inline.docPr
    doc_pr.set("title", title)
    doc_pr.set("descr", description)


def describe_table(table, caption: str) -> None:
    """Header row and column flagged for Word's table style, and the table's own alt text
    (its caption), which screen readers announce on entering the table."""
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        properties.append(look)
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:firstColumn"), "1")
    look.set(qn("w:val"), "04A0")
    look.addnext(_element("w:tblCaption", **{"w:val": caption}))  # schema order: after tblLook
