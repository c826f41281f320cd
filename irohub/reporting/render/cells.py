"""How one figure is written in a document: the same text in HTML, PDF and Word."""

from __future__ import annotations

from datetime import date

from irohub.reporting.document import NOT_AVAILABLE, NUMERIC_KINDS, SUPPRESSED, Cell, is_number


def format_cell(value: Cell, kind: str) -> str:
    """The printed form of a cell: 1,234 / 85.1% / 50.0 / 31 March 2025; None as "–"."""
    if value is None:
        return NOT_AVAILABLE
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, str):
        return _format_text(value, kind)
    if kind in ("label", "text"):
        return str(value)  # a year or a code in a label column takes no thousands separator
    return _format_number(value, kind)


def format_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def is_numeric(kind: str) -> bool:
    """Numeric columns are right-aligned so that units line up."""
    return kind in NUMERIC_KINDS


def _format_text(value: str, kind: str) -> str:
    if kind == "date" and value != SUPPRESSED:
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def _format_number(value: int | float, kind: str) -> str:
    if kind == "pct":
        return f"{value:,.1f}%"
    if kind == "rate":
        return f"{value:,.1f}"
    if isinstance(value, int) or (kind == "count" and float(value).is_integer()):
        return f"{int(value):,}"
    # Two decimal places at most (FTE 7.45), without trailing zeros.
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def chart_number(value: Cell, kind: str) -> str:
    """The label written on a bar: as in the table beside it, with "c" where suppressed."""
    if not is_number(value):
        return SUPPRESSED if value == SUPPRESSED else NOT_AVAILABLE
    return _format_number(value, kind)
