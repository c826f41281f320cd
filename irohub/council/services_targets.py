"""Writes of the year's target register, priorities and entered service facts (targets.csv,
service.csv and the annual report's priorities, kept in irohub's pages instead).

Each is keyword-only with the acting user as `by`, in one transaction with its audit event. The
figures they feed are computed by the metrics (`targets.register`, `advocacy.hours.contracted`,
`iv.target`, `iv.hours`), never here.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from irohub.audit.services import record
from irohub.council.models import Priority, ServiceFact, Target

# Entered facts (interfaces.md §1.2 service.csv) the pages offer, with what each one means.
FACTS = {
    "advocacy_hours_contracted": "Advocacy hours contracted for the year",
    "iv_target": "Independent visitor contract target (children matched)",
    "iv_hours": "Independent visitor hours delivered",
    "establishment_fte": "IRO establishment (full-time equivalent posts)",
    "support_fte": "Business support (full-time equivalent)",
}


def _target(row: Target) -> dict:
    return {"year": row.year, "metric_id": row.metric_id, "target": str(row.target),
            "direction": row.direction}  # fmt: skip


def save_target(*, year: str, metric_id: str, target: Decimal, direction: str, by) -> Target:
    """Set the year's target for a metric (one per metric and year: a second save changes it)."""
    with transaction.atomic():
        before = Target.objects.filter(year=year, metric_id=metric_id).first()
        before = _target(before) if before else None
        row, _ = Target.objects.update_or_create(
            year=year, metric_id=metric_id, defaults={"target": target, "direction": direction}
        )
        record(by=by, action="target_saved", target_type="council.target",
               target_id=f"{year}:{metric_id}", before=before, after=_target(row))  # fmt: skip
    return row


def remove_target(*, target: Target, by) -> None:
    with transaction.atomic():
        before = _target(target)
        Target.objects.filter(pk=target.pk).delete()
        record(by=by, action="target_removed", target_type="council.target",
               target_id=f"{before['year']}:{before['metric_id']}", before=before)  # fmt: skip


def _priority(row: Priority) -> dict:
    return {"year": row.year, "position": row.position, "title": row.title, "status": row.status,
            "evidence_metric_id": row.evidence_metric_id, "narrative": row.narrative}  # fmt: skip


def save_priority(*, year: str, title: str, status: str, evidence_metric_id: str = "",
                  narrative: str = "", position: int | None = None,
                  priority: Priority | None = None, by) -> Priority:  # fmt: skip
    """Add a priority for the year (at the end unless a position is given), or change one."""
    with transaction.atomic():
        before = _priority(priority) if priority else None
        row = priority or Priority(year=year)
        if position is None and priority is None:
            last = Priority.objects.filter(year=year).order_by("-position").first()
            position = (last.position + 1) if last else 1
        if position is not None:
            row.position = position
        row.title, row.status = title.strip(), status
        row.evidence_metric_id, row.narrative = evidence_metric_id, narrative.strip()
        row.save()
        record(by=by, action="priority_saved", target_type="council.priority", target_id=row.pk,
               before=before, after=_priority(row))  # fmt: skip
    return row


def remove_priority(*, priority: Priority, by) -> None:
    with transaction.atomic():
        before = _priority(priority)
        pk = priority.pk
        Priority.objects.filter(pk=pk).delete()
        record(by=by, action="priority_removed", target_type="council.priority", target_id=pk,
               before=before)  # fmt: skip


def save_service_facts(*, year: str, values: dict[str, Decimal | None], by) -> None:
    """Set the year's entered facts; a blank value removes the fact (the metric is then null,
    "not entered", never 0)."""
    with transaction.atomic():
        rows = ServiceFact.objects.select_for_update().filter(year=year, item__in=list(values))
        before = {row.item: str(row.value) for row in rows}
        for item, value in values.items():
            if value is None:
                ServiceFact.objects.filter(year=year, item=item).delete()
            else:
                ServiceFact.objects.update_or_create(
                    year=year, item=item, defaults={"value": value}
                )
        after = {item: str(value) for item, value in values.items() if value is not None}
        if before != after:
            record(by=by, action="service_facts_saved", target_type="council.servicefact",
                   target_id=year, before=before, after=after)  # fmt: skip
