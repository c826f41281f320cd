"""Writes of the reporting app: the manager's narrative, each change audited in its transaction."""

from __future__ import annotations

from django.db import transaction

from irohub.audit.services import record
from irohub.reporting.models import ReportNarrative

_FIELDS = ("year", "section", "kind", "text", "order")


def _snapshot(entry: ReportNarrative) -> dict:
    return {name: getattr(entry, name) for name in _FIELDS}


def save_narrative(
    *,
    year: str,
    section: str,
    kind: str,
    text: str,
    order: int = 0,
    entry: ReportNarrative | None = None,
    by,
) -> ReportNarrative:
    """Add a paragraph, case study or quotation to a section of a year's report, or change
    `entry` (which must belong to that year and section)."""
    if kind not in ReportNarrative.Kind.values:
        raise ValueError(f"unknown narrative kind {kind!r}")
    if entry is not None and (entry.year, entry.section) != (year, section):
        raise ValueError("the text belongs to another section or year")
    with transaction.atomic():
        before = _snapshot(entry) if entry is not None else None
        entry = entry or ReportNarrative(year=year, section=section)
        entry.kind, entry.text, entry.order = kind, text.strip(), order
        entry.updated_by = by if getattr(by, "is_authenticated", False) else None
        entry.save()
        record(
            by=by,
            action="report_narrative_saved",
            target_type="report_narrative",
            target_id=entry.pk,
            before=before,
            after=_snapshot(entry),
        )
    return entry


def remove_narrative(*, entry: ReportNarrative, by) -> None:
    """Take a text out of the report; the audit event keeps what it said."""
    with transaction.atomic():
        before, pk = _snapshot(entry), entry.pk
        entry.delete()
        record(
            by=by,
            action="report_narrative_removed",
            target_type="report_narrative",
            target_id=pk,
            before=before,
        )
