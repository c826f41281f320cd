"""Publication mode: small numbers suppressed, no child identifier anywhere.

metrics.md §2.3 and interfaces.md §4, rules.md `publication.suppress_up_to` (default 5): in a
public output any count from 1 to 5 is shown as "c"; secondary suppression then hides enough
other figures that no "c" can be worked out from a total; a percentage or rate built on a
suppressed count is "c" too; 0 stays 0 (a true zero). Internal outputs are never suppressed.

The tables of a document and the JSON metrics go through the same algorithm (`protect`), so a
figure hidden in one is hidden in the other.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

from irohub.reporting.document import SUPPRESSED, Cell, ReportDocument, Section, Table, is_number
from irohub.reporting.render.extract import document_text, find_identifiers

DEFAULT_UP_TO = 5


@dataclass(frozen=True)
class Line:
    """Figures that add up to a total a reader can see (a row or column with its total)."""

    members: tuple[Hashable, ...]
    total: Hashable | None  # None: no total is shown, nothing can be worked out


def is_small(value: Cell, up_to: int = DEFAULT_UP_TO) -> bool:
    """A count the DfE rule hides: 1 to up_to (never 0, which is a true zero)."""
    return is_number(value) and 0 < value <= up_to


def protect(values: dict[Hashable, Cell], lines: Iterable[Line], *, up_to: int) -> set[Hashable]:
    """The positions to show as "c": the small counts, then secondary suppression until stable.

    A line whose total is shown must not have exactly one unknown figure, or subtraction would
    give it away; the smallest other non-zero figure of the line is hidden with it (the total
    itself only when no other figure is left). Hiding one figure can expose another line, hence
    the loop; it ends because each pass hides at least one more figure.
    """
    lines = list(lines)
    hidden = {p for p, v in values.items() if v == SUPPRESSED or is_small(v, up_to)}
    changed = True
    while changed:
        changed = False
        for line in lines:
            second = _second_figure(line, values, hidden)
            if second is not None:
                hidden.add(second)
                changed = True
    return hidden


def _second_figure(line: Line, values: dict, hidden: set) -> Hashable | None:
    total = values.get(line.total)
    if line.total is None or not (is_number(total) or total == SUPPRESSED):
        return None
    unknown = [p for p in (*line.members, line.total) if p in hidden]
    if len(unknown) != 1:
        return None
    shown = [p for p in line.members if p not in hidden and is_number(values[p]) and values[p] != 0]
    if shown:
        return min(shown, key=lambda p: values[p])  # ties: the first in reading order
    return line.total if line.total not in hidden else None


def suppress_table(table: Table, *, up_to: int = DEFAULT_UP_TO) -> Table:
    """A copy of the table for publication: counts 1..up_to as "c", secondary suppression
    against the total row and total column, percentages and rates on a hidden count as "c"."""
    kinds = table.column_kinds()
    counts = [j for j, kind in enumerate(kinds) if kind == "count"]
    values = {(i, j): row[j] for i, row in enumerate(table.rows) for j in counts}
    hidden = protect(values, _table_lines(table, counts), up_to=up_to)
    rows = [list(row) for row in table.rows]
    for i, j in hidden:
        rows[i][j] = SUPPRESSED
    for i, row in enumerate(rows):
        for j, kind in enumerate(kinds):
            if kind in ("pct", "rate") and _basis(i, j, counts) & hidden:
                row[j] = SUPPRESSED
    return replace(table, rows=rows, notes=list(table.notes), metric_ids=list(table.metric_ids))


def _table_lines(table: Table, counts: list[int]) -> list[Line]:
    last_row = len(table.rows) - 1 if table.total_row and table.rows else None
    last_column = len(table.columns) - 1
    total_column = last_column if table.total_column and last_column in counts else None
    body_columns = [j for j in counts if j != total_column]
    body_rows = [i for i in range(len(table.rows)) if i != last_row]
    lines = []
    for i in range(len(table.rows)):
        row_total = (i, total_column) if total_column is not None else None
        lines.append(Line(tuple((i, j) for j in body_columns), row_total))
    for j in counts:
        column_total = (last_row, j) if last_row is not None else None
        lines.append(Line(tuple((i, j) for i in body_rows), column_total))
    return lines


def _basis(i: int, j: int, counts: list[int]) -> set[tuple[int, int]]:
    """The count a percentage or rate rests on: the nearest count column to its left (all of
    the row's counts when none is to its left)."""
    left = [c for c in counts if c < j]
    return {(i, left[-1])} if left else {(i, c) for c in counts}


def suppress_section(section: Section, *, up_to: int = DEFAULT_UP_TO) -> Section:
    return replace(
        section,
        tables=[suppress_table(table, up_to=up_to) for table in section.tables],
        subsections=[suppress_section(child, up_to=up_to) for child in section.subsections],
    )


def publish_document(
    doc: ReportDocument, *, up_to: int = DEFAULT_UP_TO, identifiers: Iterable[str] = ()
) -> ReportDocument:
    """The public version: every table suppressed, the method note added, and the text
    checked for identifiers. Sentences are not rewritten: draft them from suppressed metrics."""
    note = method_note(up_to)
    public = replace(
        doc,
        sections=[suppress_section(section, up_to=up_to) for section in doc.sections],
        publication=True,
        method_notes=[*doc.method_notes, *([note] if note not in doc.method_notes else [])],
    )
    assert_no_identifiers(document_text(public), identifiers)
    return public


def method_note(up_to: int = DEFAULT_UP_TO) -> str:
    """The plain-English note on suppression for the report's "About the figures"."""
    return (
        f"To protect children's privacy, numbers from 1 to {up_to} are shown as “c”. Where a "
        "hidden number could be worked out from a total, another number in the same row or "
        "column is also shown as “c” (the next smallest), so none can be worked back. "
        "Percentages and rates based on a hidden number are shown as “c” too. A 0 is a true "
        "zero. No child's name or identifier appears in this report."
    )


class IdentifierLeak(ValueError):
    """An identifier was found in an output meant for the public."""


def assert_no_identifiers(text_or_bytes: str | bytes, identifiers: Iterable[str]) -> None:
    """Raise IdentifierLeak naming each identifier found and where. PDF, Word and Excel files
    are read as text (a byte search would miss compressed or split text); an identifier matches
    whole, not inside a longer word or number, regardless of case."""
    leaks = find_identifiers(text_or_bytes, identifiers)
    if leaks:
        found = "; ".join(f"{leak!r} in {where}" for leak, where in sorted(leaks.items())[:10])
        raise IdentifierLeak(f"{len(leaks)} identifier(s) in a public output: {found}")


def suppress_metrics(metrics: dict, *, up_to: int = DEFAULT_UP_TO) -> dict:
    """A suppressed copy of the report JSON's "metrics" object (interfaces.md §4): counts
    1..up_to as "c", breakdowns with secondary suppression against their published total,
    matrices against their row and column sums, percentages on a hidden count as "c"."""
    from irohub.reporting.publication_metrics import suppress_metrics as suppress

    return suppress(metrics, up_to=up_to)
