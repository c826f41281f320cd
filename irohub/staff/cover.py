"""Cover: a manager lets an IRO see a colleague's caseload, or one child, for a time.

An IRO sees only the children allocated to them (IRO Handbook: the child's own IRO); while a
colleague is away a manager grants cover, which `irohub.staff.visibility` honours only between
the grant's dates. Every grant and every early end is audited.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet

from irohub.audit.services import record
from irohub.staff.models import IRO, CoverGrant

TARGET = "staff.covergrant"


def _plain(grant: CoverGrant) -> dict:
    return {
        "covering_iro": grant.covering_iro_id,
        "covered_iro": grant.covered_iro_id,
        "child": grant.child_id,
        "start_date": str(grant.start_date),
        "end_date": str(grant.end_date) if grant.end_date else None,
        "ended_on": str(grant.ended_on) if grant.ended_on else None,
        "reason": grant.reason,
    }


def _check(covering_iro, covered_iro, child, start: date, end: date | None) -> None:
    errors = {}
    if (covered_iro is None) == (child is None):
        errors["covered_iro"] = "Choose either a colleague's caseload or one child to cover"
    elif covered_iro is not None and covered_iro.pk == covering_iro.pk:
        errors["covered_iro"] = "An IRO cannot cover their own caseload"
    if end is not None and end < start:
        errors["end_date"] = "The end date must be the same as or after the start date"
    if errors:
        raise ValidationError(errors)


def grant(
    *,
    covering_iro: IRO,
    start: date,
    reason: str,
    by,
    covered_iro: IRO | None = None,
    child=None,
    end: date | None = None,
) -> CoverGrant:
    """Let `covering_iro` see `covered_iro`'s whole caseload, or one `child`, from `start` to
    `end` inclusive (None: until ended). Raises ValidationError (by field) for a grant that
    names neither or both, covers an IRO's own caseload, or ends before it starts."""
    _check(covering_iro, covered_iro, child, start, end)
    with transaction.atomic():
        made = CoverGrant.objects.create(
            covering_iro=covering_iro,
            covered_iro=covered_iro,
            child=child,
            start_date=start,
            end_date=end,
            reason=reason.strip(),
            granted_by=by if getattr(by, "is_authenticated", False) else None,
        )
        record(by=by, action="granted", target_type=TARGET, target_id=made.pk, after=_plain(made))
    return made


def end(*, grant: CoverGrant, on: date, by) -> CoverGrant:
    """End a grant early: from `on` the covering IRO no longer sees the children. Ending a
    grant that has already ended (or whose dates are over) changes nothing and is not audited."""
    with transaction.atomic():
        current = CoverGrant.objects.select_for_update().get(pk=grant.pk)
        over = current.ended_on is not None or (
            current.end_date is not None and current.end_date < on
        )
        if over:
            return current
        before = _plain(current)
        current.ended_on = on
        current.ended_by = by if getattr(by, "is_authenticated", False) else None
        current.save(update_fields=["ended_on", "ended_by"])
        record(by=by, action="ended", target_type=TARGET, target_id=current.pk, before=before,
               after=_plain(current))  # fmt: skip
    return current


def active_on(day: date) -> Q:
    """The condition for grants that apply on `day` (CoverGrant.active_on, in SQL)."""
    return (
        Q(start_date__lte=day)
        & (Q(end_date__isnull=True) | Q(end_date__gte=day))
        & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))
    )


def grants(*, on: date, include_past: bool = False) -> QuerySet[CoverGrant]:
    """Grants for the managers' page: those in force or still to come on `on` (and the past
    ones too when asked), with their IROs and child in the same query."""
    found = CoverGrant.objects.select_related("covering_iro", "covered_iro", "child", "granted_by")
    if not include_past:
        found = found.filter(Q(end_date__isnull=True) | Q(end_date__gte=on)).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=on)
        )
    return found.order_by("start_date", "id")
