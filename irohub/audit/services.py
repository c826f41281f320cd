"""The one way to write an audit event. Every service function calls `record` inside its own
transaction, so a change and its audit event are saved together or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from irohub.audit.models import AuditEvent


def record(
    *, by, action: str, target_type: str, target_id: Any, before=None, after=None
) -> AuditEvent:
    """Append one audit event. `by` is the acting user, or None for the system (imports, cron)."""
    return AuditEvent.objects.create(**_fields(by, action, target_type, target_id, before, after))


def record_many(*, by, action: str, target_type: str, target_ids: Iterable[Any]) -> int:
    """Append one event per target in one statement (imports touch thousands of rows)."""
    events = [AuditEvent(**_fields(by, action, target_type, tid, None, None)) for tid in target_ids]
    AuditEvent.objects.bulk_create(events, batch_size=2000)
    return len(events)


def viewed(*, by, target_type: str, target_id: Any) -> AuditEvent:
    """A person looked at a page that shows a child's record."""
    return record(by=by, action="viewed", target_type=target_type, target_id=target_id)


def _fields(by, action, target_type, target_id, before, after) -> dict:
    authenticated = by is not None and getattr(by, "is_authenticated", False)
    return {
        "actor_id": by.pk if authenticated else None,
        "actor_name": by.get_username() if authenticated else "system",
        "action": action,
        "target_type": target_type,
        "target_id": str(target_id),
        "before": before,
        "after": after,
    }
