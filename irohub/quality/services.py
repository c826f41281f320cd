"""Writes of quality assurance: case audits and dip samples with the IRO's, the manager's and
the moderated scores and grade. (Complaints are written by `irohub.voice.services`, which owns
them; targets and priorities by `irohub.council.services_targets`.)

Keyword-only, the acting user as `by`, one transaction with its audit event.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from irohub.audit.services import record
from irohub.quality.models import Audit

TARGET = "quality.audit"
ID_PATTERN = re.compile(r"AUD(\d+)")
SCORES = ("iro_score", "manager_score", "moderated_score")


def next_audit_id() -> str:
    """AUD and the next number after the highest AUD-number id (audits.csv uses AUD0001)."""
    ids = Audit.objects.filter(audit_id__startswith="AUD").values_list("audit_id", flat=True)
    numbers = [int(m.group(1)) for i in ids if (m := ID_PATTERN.fullmatch(i))]
    return f"AUD{max(numbers, default=0) + 1:04d}"


def _plain(audit: Audit) -> dict:
    return {
        "child": audit.child_id, "audit_date": str(audit.audit_date), "audit_type": audit.audit_type,
        **{s: None if getattr(audit, s) is None else str(getattr(audit, s)) for s in SCORES},
        "grade": audit.grade,
    }  # fmt: skip


def record_audit(
    *, child, audit_type: str, audit_date: date, today: date, by, iro_score: Decimal | None = None,
    manager_score: Decimal | None = None, moderated_score: Decimal | None = None,
    grade: str = "", findings: str = "",
) -> Audit:  # fmt: skip
    """Record a case audit, dip sample or moderation of a child's file."""
    if audit_date > today:
        raise ValidationError({"audit_date": "The date of the audit must be today or in the past"})
    if audit_type not in Audit.Type.values:
        raise ValidationError({"audit_type": "Choose the kind of audit"})
    fields = {"child": child, "audit_type": audit_type, "audit_date": audit_date,
              "iro_score": iro_score, "manager_score": manager_score,
              "moderated_score": moderated_score, "grade": grade, "findings": findings.strip()}  # fmt: skip
    with transaction.atomic():
        audit = _numbered(fields)
        record(by=by, action="recorded", target_type=TARGET, target_id=audit.audit_id,
               after=_plain(audit))  # fmt: skip
    return audit


def _numbered(fields: dict) -> Audit:
    for _attempt in range(5):  # two managers saving at once may pick the same number
        try:
            with transaction.atomic():
                return Audit.objects.create(audit_id=next_audit_id(), **fields)
        except IntegrityError:
            continue
    raise ValidationError({"audit_type": "The audit could not be numbered; try again"})


def update_audit(
    *, audit: Audit, iro_score: Decimal | None, manager_score: Decimal | None,
    moderated_score: Decimal | None, grade: str, findings: str, by,
) -> Audit:  # fmt: skip
    """Add the scores that come later (the manager's, the moderated one), the grade, findings."""
    with transaction.atomic():
        locked = Audit.objects.select_for_update().get(pk=audit.pk)
        before = _plain(locked)
        locked.iro_score, locked.manager_score = iro_score, manager_score
        locked.moderated_score, locked.grade, locked.findings = (
            moderated_score,
            grade,
            findings.strip(),
        )
        locked.save(update_fields=[*SCORES, "grade", "findings"])
        record(by=by, action="changed", target_type=TARGET, target_id=locked.audit_id,
               before=before, after=_plain(locked))  # fmt: skip
    return locked
