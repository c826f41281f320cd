"""Combine the rows of every file of a table (several years' extracts in sub-folders, say) into
one row per natural key. Files are taken oldest extract first, so a newer extract's row wins."""

from __future__ import annotations

from irohub.transfer.importing.parse import ParsedFile


def file_order(parsed: ParsedFile) -> tuple:
    # Files with no known year sort last: they are taken to be the newest data.
    return (parsed.year is None, parsed.year or 0, parsed.path)


def merge(files: list[ParsedFile]) -> list[dict]:
    """One row per key (the newest); keyless tables (feedback, complaints) keep every row."""
    ordered = sorted(files, key=file_order)
    if not ordered:
        return []
    spec = ordered[0].spec
    if not spec.key:
        return [dict(row, _year=f.year, _present=f.columns) for f in ordered for row in f.rows]
    rows: dict[tuple, dict] = {}
    for parsed in ordered:
        for row in parsed.rows:
            key = tuple(row[k] for k in spec.key)
            earlier = rows.get(key)
            merged = dict(row, _year=parsed.year, _present=parsed.columns)
            if earlier is not None and parsed.columns != earlier["_present"]:
                # A column only the earlier file had keeps its value.
                for name in earlier["_present"] - parsed.columns:
                    merged[name] = earlier[name]
                merged["_present"] = parsed.columns | earlier["_present"]
            rows[key] = merged
    return list(rows.values())


def present(row: dict, column: str) -> bool:
    return column in row["_present"]
