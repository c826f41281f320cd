"""The order and numbering every format shares: section numbers, Table N, Figure N.

Each chart is placed immediately before the table it draws, so a reader who cannot see the chart
meets the same figures next; tables no chart draws follow in their own order. Computing this once
keeps "Table 7" the same table in the HTML, the PDF, the Word file and the Excel contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from irohub.reporting.document import Chart, ReportDocument, Section, Table


@dataclass(frozen=True)
class Block:
    """A numbered table, or a numbered chart of a table."""

    table: Table
    table_number: int
    chart: Chart | None = None
    figure_number: int | None = None


@dataclass
class PlacedSection:
    section: Section
    number: str  # "3", "3.2"
    depth: int  # 0 for a top-level section
    anchor: str  # unique id for links
    blocks: list[Block] = field(default_factory=list)
    children: list[PlacedSection] = field(default_factory=list)


@dataclass
class _Counters:
    tables: int = 0
    figures: int = 0
    anchors: set[str] = field(default_factory=set)


def lay_out(doc: ReportDocument) -> list[PlacedSection]:
    """Number every section, table and figure in reading order."""
    return _place(doc.sections, prefix="", depth=0, counters=_Counters())


def flatten(placed: list[PlacedSection]) -> list[PlacedSection]:
    """All placed sections in reading order."""
    result = []
    for item in placed:
        result.append(item)
        result.extend(flatten(item.children))
    return result


def _place(sections: list[Section], *, prefix: str, depth: int, counters) -> list[PlacedSection]:
    placed = []
    for index, section in enumerate(sections, start=1):
        number = f"{prefix}{index}"
        item = PlacedSection(section, number, depth, _anchor(section.id, counters.anchors))
        item.blocks = _blocks(section, counters)
        item.children = _place(
            section.subsections, prefix=f"{number}.", depth=depth + 1, counters=counters
        )
        placed.append(item)
    return placed


def _blocks(section: Section, counters: _Counters) -> list[Block]:
    blocks = []
    for table in section.tables:
        counters.tables += 1
        for chart in (c for c in section.charts if c.table_id == table.id):
            counters.figures += 1
            blocks.append(Block(table, counters.tables, chart, counters.figures))
        blocks.append(Block(table, counters.tables))
    return blocks


def _anchor(section_id: str, used: set[str]) -> str:
    """A valid, unique HTML id from the section id."""
    base = "section-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", section_id).strip("-") or "untitled")
    anchor, suffix = base, 2
    while anchor in used:
        anchor, suffix = f"{base}-{suffix}", suffix + 1
    used.add(anchor)
    return anchor


def table_caption(block: Block) -> str:
    return f"Table {block.table_number}: {block.table.title}"


def figure_caption(block: Block) -> str:
    return f"Figure {block.figure_number}: {block.chart.title}"
