"""The report as GOV.UK-styled HTML: a file of its own, or the body the site places in its pages.

Templates under reporting/templates/reporting/ are rendered by a private Django template engine,
so the output does not depend on the site's template settings or context processors, and the PDF
is made from exactly this HTML. The templates only print: every figure is formatted here.
"""

from __future__ import annotations

from pathlib import Path

from django.template import Context, Engine
from django.utils.safestring import mark_safe

from irohub.reporting.charts import chart_svg
from irohub.reporting.document import ReportDocument, validate
from irohub.reporting.render.cells import format_cell, format_date, is_numeric
from irohub.reporting.render.layout import (
    Block,
    PlacedSection,
    figure_caption,
    lay_out,
    table_caption,
)

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
_engine = Engine(dirs=[str(TEMPLATE_DIR)], autoescape=True)  # cached loader: debug is off

HEADINGS = {0: ("h2", "govuk-heading-l"), 1: ("h3", "govuk-heading-m")}
DEEPER_HEADING = ("h4", "govuk-heading-s")
SHORT_TABLE_ROWS = 25  # a table this short is never split across pages
QUOTE_MARK = "> "  # a narrative paragraph starting so is a quotation


def render_html(doc: ReportDocument, *, standalone: bool = True) -> str:
    """The whole HTML file (embedded CSS, no external requests), or only the report body."""
    validate(doc)
    placed = lay_out(doc)
    context = {
        "doc": _front_matter(doc),
        "sections": [_section(item) for item in placed],
        "contents": [_contents_entry(item) for item in placed],
    }
    name = "reporting/report.html" if standalone else "reporting/_body.html"
    return _engine.get_template(name).render(Context(context))


def stylesheet() -> str:
    """The report's own CSS: the site may serve it beside govuk-frontend for the figures."""
    return (TEMPLATE_DIR / "reporting" / "report.css").read_text(encoding="utf-8")


def _front_matter(doc: ReportDocument) -> dict:
    period = f"{format_date(doc.period_start)} to {format_date(doc.period_end)}"
    return {
        "title": doc.title,
        "council": doc.council,
        "year": doc.year,
        "period": period,
        "snapshot": format_date(doc.snapshot),
        "generated": format_date(doc.generated_on) if doc.generated_on else "",
        "generated_iso": doc.generated_on.isoformat() if doc.generated_on else "",
        "description": f"{doc.title}, {doc.council}, {period}.",
        "publication": doc.publication,
        "method_notes": list(doc.method_notes),
    }


def _contents_entry(item: PlacedSection) -> dict:
    return {
        "anchor": item.anchor,
        "number": item.number,
        "title": item.section.title,
        "depth": item.depth,
        "children": [_contents_entry(child) for child in item.children],
    }


def _section(item: PlacedSection) -> dict:
    tag, heading_class = HEADINGS.get(item.depth, DEEPER_HEADING)
    return {
        "anchor": item.anchor,
        "number": item.number,
        "title": item.section.title,
        "depth": str(item.depth),
        "tag": tag,
        "heading_class": heading_class,
        "sentences": item.section.sentences,
        "narrative": [_paragraph(text) for text in item.section.narrative],
        "blocks": [_block(block) for block in item.blocks],
        "children": [_section(child) for child in item.children],
    }


def _paragraph(text: str) -> dict:
    if text.startswith(QUOTE_MARK):
        return {"quote": True, "text": text[len(QUOTE_MARK) :]}
    return {"quote": False, "text": text}


def _block(block: Block) -> dict:
    if block.chart is None:
        return {"figure": None, "table": _table(block)}
    figure = {
        "anchor": f"figure-{block.figure_number}",
        "caption": figure_caption(block),
        "table_ref": f"Table {block.table_number}",
        # chart_svg escapes every text it writes (titles, labels) itself.
        "svg": mark_safe(chart_svg(block.chart, block.table)),
    }
    return {"figure": figure, "table": None}


def _table(block: Block) -> dict:
    table = block.table
    kinds = table.column_kinds()
    last = len(table.rows) - 1
    return {
        "anchor": f"table-{block.table_number}",
        "id": table.id,
        "caption": table_caption(block),
        "metric_ids": " ".join(table.metric_ids),
        "short": len(table.rows) <= SHORT_TABLE_ROWS,
        "head": [
            {"text": name, "numeric": is_numeric(kind)}
            for name, kind in zip(table.columns, kinds, strict=True)
        ],
        "rows": [
            {"total": table.total_row and index == last, "cells": _cells(row, kinds)}
            for index, row in enumerate(table.rows)
        ],
        "notes": table.notes,
    }


def _cells(row: list, kinds: list[str]) -> list[dict]:
    return [
        {"text": format_cell(value, kind), "numeric": is_numeric(kind)}
        for value, kind in zip(row, kinds, strict=True)
    ]
