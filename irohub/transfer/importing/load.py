"""Load: write a validated import in one transaction, table by table in dependency order, then
recompute the derived dates of every child whose history changed."""

from __future__ import annotations

from datetime import date

from irohub.children.models import Child
from irohub.reviews.derive import Pending, recompute
from irohub.staff.models import IRO
from irohub.transfer.importing import load_activity as activity
from irohub.transfer.importing import load_care as care
from irohub.transfer.importing import load_council as council
from irohub.transfer.importing.load_people import load_children, load_header_years, load_iros
from irohub.transfer.importing.merge import merge
from irohub.transfer.importing.result import ImportResult
from irohub.transfer.importing.upsert import scoped


def load_all(files_by_table: dict, result: ImportResult, *, rules, as_at: date) -> None:
    tables = {name: merge(files) for name, files in files_by_table.items()}
    counts, touched = result.counts, set()
    for name, loader in (
        ("population", council.load_population),
        ("service", council.load_service),
        ("targets", council.load_targets),
        ("iros", load_iros),
    ):
        if name in tables:
            counts[name] = loader(tables[name])
    if tables.keys() & {"header", "uasc", "child_names"}:
        counts["children"] = load_children(tables, touched)
    ids = _ids(tables)
    if "header" in files_by_table:
        counts["header_years"] = load_header_years(files_by_table["header"], ids.children)
    # New episodes and reviews wait for the derive step, which inserts them with their period,
    # type and due date already set (one write per row instead of an insert and an update).
    pending = Pending()
    _load_care(tables, ids, counts, touched, pending)
    _load_activity(tables, ids, counts, rules)
    pks = None if result.rules_changed else {ids.children[c] for c in touched}
    result.touched_children = len(ids.children) if pks is None else len(pks)
    if pks is None or pks:
        recompute(pks, as_at=as_at, rules=rules, pending=pending)


def _ids(tables: dict) -> care.Ids:
    children = {r[c] for t, c in _CHILD_COLUMNS for r in tables.get(t, ())}
    iros = {r[c] for t, c in _IRO_COLUMNS for r in tables.get(t, ()) if r.get(c)}
    return care.Ids(
        dict(scoped(Child.objects, "child_id", children).values_list("child_id", "pk")),
        dict(scoped(IRO.objects, "iro_id", iros).values_list("iro_id", "pk")),
    )


_CHILD_COLUMNS = (
    ("header", "CHILD"),
    ("episodes", "CHILD"),
    ("reviews", "CHILD"),
    ("uasc", "CHILD"),
    ("allocations", "child_id"),
    ("review_details", "child_id"),
    ("contacts", "child_id"),
    ("escalations", "child_id"),
    ("advocacy", "child_id"),
    ("audits", "child_id"),
    ("flags", "child_id"),
    ("child_names", "child_id"),
)
_IRO_COLUMNS = (
    ("allocations", "iro_id"),
    ("review_details", "iro_id"),
    ("contacts", "iro_id"),
    ("escalations", "iro_id"),
)


def _load_care(tables, ids, counts, touched, pending) -> None:
    if "episodes" in tables:
        counts["episodes"] = care.load_episodes(tables["episodes"], ids, touched, pending.episodes)
    if tables.keys() & {"reviews", "review_details"}:
        counts["reviews"] = care.load_reviews(
            tables.get("reviews", []), tables.get("review_details", []), ids, touched,
            pending.reviews,
        )  # fmt: skip
    if "allocations" in tables:
        counts["allocations"] = care.load_allocations(tables["allocations"], ids, touched)
    if "contacts" in tables:
        counts["contacts"] = care.load_contacts(tables["contacts"], ids)
    if "flags" in tables:
        counts["flags"] = care.load_flags(tables["flags"], ids)


def _load_activity(tables, ids, counts, rules) -> None:
    if "escalations" in tables:
        counts["escalations"], counts["escalation_themes"] = activity.load_escalations(
            tables["escalations"], ids
        )
    if "escalation_stages" in tables:
        counts["escalation_stages"] = activity.load_stages(tables["escalation_stages"])
    if "advocacy" in tables:
        counts["advocacy"], counts["advocacy_issues"] = activity.load_advocacy(
            tables["advocacy"], ids
        )
    if "audits" in tables:
        counts["audits"] = activity.load_audits(tables["audits"], ids)
    year_of = reporting_year_of(rules)
    if "feedback" in tables:
        counts["feedback"] = activity.load_feedback(tables["feedback"], year_of)
    if "complaints" in tables:
        counts["complaints"] = activity.load_complaints(tables["complaints"], year_of)


def reporting_year_of(rules):
    """date -> the reporting year label ("2024-25") under the rules' year start (default 1 April)."""
    month, day = (int(x) for x in str(rules.reporting.year_start).split("-"))

    def year_of(d: date) -> str:
        start = d.year if (d.month, d.day) >= (month, day) else d.year - 1
        return f"{start}-{(start + 1) % 100:02d}"

    return year_of
