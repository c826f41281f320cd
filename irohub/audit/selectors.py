"""Reads of the audit trail. Only people with VIEW_AUDIT reach these through the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from irohub.audit.models import AuditEvent


def who_viewed(target_type: str, target_id: Any) -> QuerySet[AuditEvent]:
    """Every time someone opened the record (newest first): the "viewed" events for it."""
    return AuditEvent.objects.filter(
        target_type=target_type, target_id=str(target_id), action="viewed"
    ).order_by("-at", "-id")


def events(
    *,
    target_type: str = "",
    target_id: str = "",
    actor: str = "",
    action: str = "",
) -> QuerySet[AuditEvent]:
    """Audit events, newest first, narrowed by whichever filters are given (blank: any).

    `actor` matches the user name as it was when the event was written.
    """
    found = AuditEvent.objects.all()
    if target_type:
        found = found.filter(target_type=target_type)
    if target_id:
        found = found.filter(target_id=str(target_id))
    if actor:
        found = found.filter(actor_name__iexact=actor)
    if action:
        found = found.filter(action=action)
    return found.order_by("-at", "-id")


def target_types() -> list[str]:
    """The kinds of thing the trail mentions, for the filter's choices."""
    return list(
        AuditEvent.objects.order_by("target_type").values_list("target_type", flat=True).distinct()
    )
