"""Reads of the quality pages: audits of the children the person may see, and complaints."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from irohub.quality.models import Audit
from irohub.staff.visibility import visible_children
from irohub.voice.models import Complaint


def audits(user, *, on: date, audit_type: str = "") -> QuerySet[Audit]:
    found = Audit.objects.filter(child__in=visible_children(user, on=on)).select_related("child")
    if audit_type in Audit.Type.values:
        found = found.filter(audit_type=audit_type)
    return found.order_by("-audit_date", "-audit_id")


def complaints() -> QuerySet[Complaint]:
    """Complaints about the service carry no child: whoever manages quality sees them all."""
    return Complaint.objects.order_by("-received_date", "-id")
