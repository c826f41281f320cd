"""Tables the sections share: a breakdown with its shares, percentages with their counts and last
year's figure, a month-by-band matrix with totals both ways, a monthly series.

A builder returns None when it has nothing to show, and the section leaves the table out.
Percentages printed beside counts are the metric's own where it has them; otherwise each count
over the table's total, rounded half-up as every metric is (metrics.base.pct).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from irohub.reporting.document import Cell, Chart, Table, is_number
from irohub.reporting.metrics.base import pct
from irohub.reporting.sections.figures import Figures

Labeller = Callable[[str], str]


def plain(key: str) -> str:
    """'late_referral' -> 'Late referral'."""
    text = str(key).replace("_", " ")
    return text[:1].upper() + text[1:]


def month_label(key: str) -> str:
    """'2024-04' -> 'Apr 2024'."""
    try:
        year, month = (int(part) for part in str(key).split("-"))
        return f"{date(year, month, 1):%b %Y}"
    except ValueError:
        return str(key)


def ordered(keys: Iterable[str], order: Iterable[str] | None) -> list[str]:
    """The keys in the given order first, then any others as they came."""
    keys = list(keys)
    first = [key for key in (order or []) if key in keys]
    return first + [key for key in keys if key not in first]


def number_or_none(value: Any) -> Cell:
    return value if is_number(value) or value is None else None


def breakdown_table(
    table_id: str,
    title: str,
    counts: dict[str, Any],
    *,
    label: str,
    count_header: str = "Number",
    labels: Labeller = plain,
    order: Iterable[str] | None = None,
    shares: dict[str, Any] | None = None,
    with_share: bool = True,
    total: bool = True,
    metric_ids: list[str] | None = None,
    notes: list[str] | None = None,
) -> Table | None:
    """[label, count, %] per category, with a total row (the categories add up to it)."""
    if not counts:
        return None
    keys = ordered(counts, order)
    base = sum(counts[k] for k in keys if is_number(counts[k]))
    rows: list[list[Cell]] = []
    for key in keys:
        row: list[Cell] = [labels(key), number_or_none(counts[key])]
        if with_share:
            given = (shares or {}).get(key)
            row.append(given if is_number(given) else _share(counts[key], base))
        rows.append(row)
    if total:
        rows.append(["Total", base, *([pct(base, base)] if with_share else [])])
    columns = [label, count_header, *(["Per cent"] if with_share else [])]
    kinds = ["label", "count", *(["pct"] if with_share else [])]
    return Table(
        table_id, title, columns, rows, kinds=kinds, total_row=total,
        metric_ids=list(metric_ids or []), notes=list(notes or []),
    )  # fmt: skip


def _share(count: Any, base: int | float) -> Cell:
    return pct(count, base) if is_number(count) else None


def percentages_table(
    table_id: str,
    title: str,
    figures: Figures,
    measures: list[tuple[str, str]],
    *,
    year: str,
    previous_year: str,
    notes: list[str] | None = None,
) -> Table | None:
    """One row per percentage metric: [measure, out of, number, % this year, % last year].
    The numerator sits just left of its percentage, so publication hides the one with the other."""
    rows: list[list[Cell]] = []
    for label, metric_id in measures:
        value = figures.value(metric_id)
        if value is None and figures.denominator(metric_id) is None:
            continue
        rows.append(
            [
                label,
                number_or_none(figures.denominator(metric_id)),
                number_or_none(figures.numerator(metric_id)),
                number_or_none(value),
                number_or_none(figures.previous(metric_id)),
            ]
        )
    if not rows:
        return None
    columns = ["Measure", "Out of", "Number", year, previous_year]
    return Table(
        table_id, title, columns, rows, kinds=["label", "count", "count", "pct", "pct"],
        metric_ids=[metric_id for _, metric_id in measures], notes=list(notes or []),
    )  # fmt: skip


def figures_table(
    table_id: str,
    title: str,
    figures: Figures,
    measures: list[tuple[str, str]],
    *,
    year: str,
    previous_year: str,
    kind: str = "count",
) -> Table | None:
    """One row per single-figure metric of one kind: [measure, this year, last year]."""
    rows = [
        [label, number_or_none(figures.value(mid)), number_or_none(figures.previous(mid))]
        for label, mid in measures
        if figures.value(mid) is not None or figures.previous(mid) is not None
    ]
    if not rows:
        return None
    return Table(
        table_id, title, ["Measure", year, previous_year], rows, kinds=["label", kind, kind],
        metric_ids=[mid for _, mid in measures],
    )  # fmt: skip


def matrix_table(
    table_id: str,
    title: str,
    matrix: dict[str, dict[str, Any]],
    *,
    rows_label: str,
    columns: list[str],
    row_keys: list[str],
    labels: Labeller = month_label,
    metric_ids: list[str] | None = None,
) -> Table | None:
    """Rows (months) by columns (age bands) with a total column and a total row."""
    if not matrix:
        return None
    extra = [c for c in dict.fromkeys(k for r in matrix.values() for k in r) if c not in columns]
    columns = [*columns, *extra]
    keys = ordered(matrix, row_keys)
    rows: list[list[Cell]] = []
    for key in keys:
        cells = [matrix.get(key, {}).get(column, 0) for column in columns]
        rows.append([labels(key), *cells, sum(c for c in cells if is_number(c))])
    sums = [sum(row[j] for row in rows if is_number(row[j])) for j in range(1, len(columns) + 2)]
    rows.append(["Total", *sums])
    return Table(
        table_id, title, [rows_label, *columns, "Total"], rows,
        kinds=["label"] + ["count"] * (len(columns) + 1), total_row=True, total_column=True,
        metric_ids=list(metric_ids or []),
    )  # fmt: skip


def bar_chart(table: Table | None, chart_id: str, title: str, *, kind: str = "bar") -> Chart | None:
    """A chart of a table's first figure column (its total row is left out of the drawing)."""
    if table is None or len(table.body_rows()) < 2:
        return None
    return Chart(chart_id, title, kind, table.id, [table.columns[1]])


def chart_of(
    table: Table | None, chart_id: str, title: str, *, kind: str, series: list[str]
) -> Chart | None:
    if table is None or len(table.body_rows()) < 2:
        return None
    return Chart(chart_id, title, kind, table.id, [s for s in series if s in table.columns[1:]])
