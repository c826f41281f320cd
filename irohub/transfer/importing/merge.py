"""Combine the rows of every file of a table (several years' extracts in sub-folders, say) into
one row per natural key. Files are taken oldest extract first, so a newer extract's row wins."""

from __future__ import annotations

from operator import itemgetter

from irohub.transfer.importing.parse import ParsedFile


def file_order(parsed: ParsedFile) -> tuple:
    # Files with no known year sort last: they are taken to be the newest data.
    return (parsed.year is None, parsed.year or 0, parsed.path)


def merge(files: list[ParsedFile]) -> list[dict]:
    """One row per key (the newest); keyless tables (feedback, complaints) keep every row.
    Rows are marked in place with their extract's year and the columns their file had."""
    ordered = sorted(files, key=file_order)
    if not ordered:
        return []
    key_columns = ordered[0].spec.key
    key_of = itemgetter(*key_columns) if key_columns else None
    rows: dict = {}
    kept: list[dict] = []
    for parsed in ordered:
        year, columns = parsed.year, parsed.columns
        for row in parsed.rows:
            row["_year"], row["_present"] = year, columns
        if not key_columns:
            kept.extend(parsed.rows)
            continue
        for row in parsed.rows:
            key = key_of(row)
            earlier = rows.get(key)
            if earlier is not None and earlier["_present"] is not columns:
                _keep_columns_only_earlier_had(row, earlier)
            rows[key] = row
    return kept if not key_columns else list(rows.values())


def _keep_columns_only_earlier_had(row: dict, earlier: dict) -> None:
    missing = earlier["_present"] - row["_present"]
    for name in missing:
        row[name] = earlier[name]
    if missing:
        row["_present"] = row["_present"] | earlier["_present"]


def present(row: dict, column: str) -> bool:
    return column in row["_present"]
