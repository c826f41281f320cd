"""Validate what the parse step cannot see file by file: references to a child, IRO, escalation
or review that exists neither in the import nor in the database, and each DfE extract's year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from irohub.children.models import Child
from irohub.escalations.models import STANDARD_THEMES, Escalation
from irohub.reviews.bulk import MAX_IN
from irohub.reviews.models import Review
from irohub.staff.models import IRO
from irohub.transfer.importing import values as v
from irohub.transfer.importing.parse import ParsedFile

WHERE = {
    "child": "header.csv or the database",
    "iro": "iros.csv or the database",
    "escalation": "escalations.csv or the database",
}


@dataclass(frozen=True)
class Context:
    """What cell parsers check codes against."""

    codes: dict
    escalation_themes: frozenset[str]
    escalation_stages: tuple[str, ...]

    @classmethod
    def build(cls, codes, rules) -> Context:
        own = tuple(getattr(rules.escalation, "themes", ()) or ())
        return cls(
            codes=codes,
            escalation_themes=frozenset(STANDARD_THEMES) | frozenset(own),
            escalation_stages=tuple(stage.code for stage in rules.escalation.stages),
        )


def by_table(files: list[ParsedFile]) -> dict[str, list[ParsedFile]]:
    tables: dict[str, list[ParsedFile]] = defaultdict(list)
    for parsed in files:
        tables[parsed.spec.table].append(parsed)
    return tables


def set_extract_years(files: list[ParsedFile]) -> None:
    """A DfE extract's collection year: from its folder or file name, else from the latest date
    in its folder's episodes and reviews. Later extracts then win over earlier ones."""
    latest: dict[PurePosixPath, int] = {}
    for parsed in files:
        if parsed.spec.ssda903 and parsed.year is None:
            folder = PurePosixPath(parsed.path).parent
            for row in parsed.rows:
                for name in ("DECOM", "DEC", "REVIEW"):
                    day = row.get(name)
                    if day is not None:
                        latest[folder] = max(latest.get(folder, 0), v.collection_year(day))
    for parsed in files:
        if parsed.spec.ssda903 and parsed.year is None:
            parsed.year = latest.get(PurePosixPath(parsed.path).parent)


DEFINED_BY = {"child": ("header", "CHILD"), "iro": ("iros", "iro_id"),
              "escalation": ("escalations", "escalation_id")}  # fmt: skip
STORED = {"child": (Child, "child_id"), "iro": (IRO, "iro_id"),
          "escalation": (Escalation, "escalation_id")}  # fmt: skip


def check_code_years(files: list[ParsedFile], ctx: Context, errors: list[str]) -> None:
    """Year-versioned codes (PLACE) must be valid in some collection year the row spans, from its
    start (DECOM) to the extract's year: an episode begun as Z1 in 2024-25 is rightly re-coded
    Z11 in the 2025-26 extract (DfE rule 503D), but K3 cannot start before 2023-24."""
    for parsed in files:
        spec = parsed.spec
        columns = [c for c in spec.columns if c.year_versioned and c.name in parsed.columns]
        for row in parsed.rows if columns and spec.year_column else ():
            first = v.collection_year(row[spec.year_column])
            last = max(first, parsed.year or first)
            for column in columns:
                code = row[column.name]
                entry = ctx.codes[column.year_versioned].get(code)
                if code and entry and not any(entry.valid_in(y) for y in range(first, last + 1)):
                    errors.append(
                        f"{parsed.path}:{row['_line']}: {column.name}: code not valid in "
                        f"collection year {v.year_name(first)} ({code})"
                    )


def check_references(tables: dict[str, list[ParsedFile]], errors: list[str]) -> None:
    """Every reference must name a row of the import or the database. References into a file
    that could not be read at all are not checked (its own errors say enough), nor references
    to rows already reported as unreadable."""
    known, unreadable = {}, set()
    for kind, (table, column) in DEFINED_BY.items():
        files = tables.get(table, ())
        if any(f.broken for f in files):
            unreadable.add(kind)
        model, field_name = STORED[kind]
        known[kind] = (
            _ids(tables, table, column)
            | {raw for f in files for raw in f.failed}
            | set(model.objects.values_list(field_name, flat=True))
        )
    for files in tables.values():
        for parsed in files:
            for column, kind in parsed.spec.refs.items():
                if column not in parsed.columns or kind in unreadable:
                    continue
                for row in parsed.rows:
                    value = row[column]
                    if value and value not in known[kind]:
                        errors.append(
                            f"{parsed.path}:{row['_line']}: {column}: no such {kind} in "
                            f"{WHERE[kind]} ({value})"
                        )
    if "child" not in unreadable:
        _check_review_details(tables, known["child"], errors)


def _ids(tables, table: str, column: str) -> set[str]:
    return {row[column] for parsed in tables.get(table, ()) for row in parsed.rows}


def _check_review_details(tables, children: set[str], errors: list[str]) -> None:
    """A review's details must belong to a review in reviews.csv or the database; only reviews
    that never appear in the DfE return (reg 48 short breaks, local extra reviews) may be new.
    Children whose reviews.csv rows could not be read are not checked again."""
    reviews = tables.get("reviews", ())
    if any(f.broken for f in reviews):
        return
    skip = {child for f in reviews for child in f.failed} | {
        (r["CHILD"], r["REVIEW"]) for f in reviews for r in f.rows
    }
    details = [
        (parsed.path, row)
        for parsed in tables.get("review_details", ())
        for row in parsed.rows
        if row["child_id"] in children
        and row["child_id"] not in skip
        and (row["child_id"], row["review_date"]) not in skip
        and row.get("statutory_basis") not in ("reg48", "local")
    ]
    stored = _stored_reviews({row["child_id"] for _, row in details})
    for path, row in details:
        if (row["child_id"], row["review_date"]) not in stored:
            errors.append(
                f"{path}:{row['_line']}: review_date: no review of this child on this date in "
                f"reviews.csv or the database ({row['child_id']}, {row['review_date']:%d/%m/%Y})"
            )


def _stored_reviews(children: set[str]) -> set[tuple]:
    if not children:
        return set()
    reviews = Review.objects.all()
    if len(children) <= MAX_IN:  # else one read of every review beats a huge IN list
        reviews = reviews.filter(child__child_id__in=children)
    return set(reviews.values_list("child__child_id", "review_date"))
