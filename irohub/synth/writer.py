"""`write()`: the council as an import folder (interfaces.md §1), byte for byte deterministic.

The SSDA903 years go in `ssda903/<year>/` sub-folders; the irohub tables, `child_names.csv` and
`rules.toml` at the top. irohub files use ISO dates and Y/N flags.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from .model import Council, Iro, Review
from .ssda903 import EPISODES, HEADER, REVIEWS, UASC, Return, collection_years, year_label

COLUMNS = {
    "iros": (
        "iro_id",
        "name",
        "email",
        "employment_type",
        "provider",
        "fte",
        "sex",
        "ethnicity",
        "start_date",
        "end_date",
    ),
    "allocations": ("child_id", "iro_id", "start_date", "end_date", "change_reason"),
    "review_details": (
        "child_id",
        "review_date",
        "iro_id",
        "statutory_basis",
        "additional",
        "first_part_date",
        "format",
        "chaired_by",
        "seen_before",
        "seen_alone",
        "advocacy_offered",
        "sw_report_date",
        "care_plan_available",
        "decisions_date",
        "record_date",
        "record_shared_date",
        "late_reason",
    ),
    "contacts": ("child_id", "iro_id", "contact_date", "contact_type"),
    "escalations": (
        "escalation_id",
        "child_id",
        "iro_id",
        "opened_date",
        "themes",
        "closed_date",
        "outcome",
        "good_practice",
    ),
    "escalation_stages": ("escalation_id", "stage", "started_date", "ended_date"),
    "advocacy": ("child_id", "referral_date", "kind", "provider", "hours", "issues", "closed_date"),
    "feedback": (
        "response_date",
        "respondent",
        "age_band",
        "knows_iro_role",
        "felt_listened_to",
        "questions_answered",
        "life_getting_better",
        "comment",
    ),
    "audits": (
        "audit_id",
        "child_id",
        "audit_date",
        "audit_type",
        "iro_score",
        "manager_score",
        "moderated_score",
        "grade",
    ),
    "complaints": ("received_date", "stage", "outcome"),
    "flags": ("child_id", "flag", "start_date", "end_date"),
    "population": ("year", "dimension", "category", "count"),
    "service": ("year", "item", "value"),
    "targets": ("year", "metric_id", "target", "direction"),
    "child_names": ("child_id", "given_name", "family_name"),
}


def cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "Y" if v else "N"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:g}"
    return str(v)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict]) -> None:
    """UTF-8, comma separated, a header row, LF line ends: the same bytes on every machine."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([cell(row.get(c)) for c in columns])


def write_903(council: Council, folder: Path) -> list[Path]:
    written = []
    for year in collection_years(council):
        r = Return(council, year)
        sub = folder / "ssda903" / year_label(year)
        sub.mkdir(parents=True, exist_ok=True)
        for name, cols, rows in (
            ("header", HEADER, r.header),
            ("episodes", EPISODES, r.episodes),
            ("reviews", REVIEWS, r.reviews),
            ("uasc", UASC, r.uasc),
        ):
            write_csv(sub / f"{name}.csv", cols, rows)
            written.append(sub / f"{name}.csv")
    return written


def irohub_tables(council: Council) -> dict[str, list[dict]]:
    """Every irohub table of the folder as rows keyed by column."""
    tables = {k: v for k, v in council.tables.items() if k in COLUMNS}
    tables["iros"] = [iro_row(i) for i in council.iros]
    tables["allocations"] = [
        {
            "child_id": a.child,
            "iro_id": a.iro,
            "start_date": a.start,
            "end_date": a.end,
            "change_reason": a.reason,
        }
        for a in council.allocations
    ]
    tables["review_details"] = [review_row(r) for r in council.reviews]
    tables["child_names"] = [
        {"child_id": c.id, "given_name": c.given_name, "family_name": c.family_name}
        for c in sorted(council.children, key=lambda c: c.id)
    ]
    return tables


def iro_row(i: Iro) -> dict:
    return {
        "iro_id": i.id,
        "name": i.name,
        "email": i.email,
        "employment_type": i.employment_type,
        "provider": i.provider,
        "fte": i.fte,
        "sex": i.sex,
        "ethnicity": i.ethnicity,
        "start_date": i.start,
        "end_date": i.end,
    }


REVIEW_FIELDS = {  # review_details column: Review attribute
    "child_id": "child",
    "review_date": "date",
    "iro_id": "iro",
    "statutory_basis": "basis",
    "additional": "additional",
    "first_part_date": "first_part_date",
    "format": "format",
    "chaired_by": "chaired_by",
    "seen_before": "seen_before",
    "seen_alone": "seen_alone",
    "advocacy_offered": "advocacy_offered",
    "sw_report_date": "sw_report_date",
    "care_plan_available": "care_plan_available",
    "decisions_date": "decisions_date",
    "record_date": "record_date",
    "record_shared_date": "record_shared_date",
    "late_reason": "late_reason",
}


def review_row(r: Review) -> dict:
    return {column: getattr(r, attribute) for column, attribute in REVIEW_FIELDS.items()}


def write(council: Council, folder: str | Path) -> list[Path]:
    """Write every file of the import folder; returns the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = write_903(council, folder)
    for name, rows in irohub_tables(council).items():
        write_csv(folder / f"{name}.csv", COLUMNS[name], rows)
        written.append(folder / f"{name}.csv")
    (folder / "rules.toml").write_text(council.rules_text, encoding="utf-8")
    written.append(folder / "rules.toml")
    return written
