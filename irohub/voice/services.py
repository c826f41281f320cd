"""Writes of the voice app: advocacy and independent-visitor referrals, and complaints about
the IRO service. (Feedback has its own module, `irohub.voice.feedback`.)

Each is keyword-only with the acting user as `by`, in one transaction with its audit event;
what the record cannot be (a date in the future, a second referral of the same kind on the same
day) is refused with a ValidationError keyed by form field.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from irohub.audit.services import record
from irohub.voice.models import AdvocacyIssue, AdvocacyReferral, Complaint

REFERRAL = "voice.advocacyreferral"
COMPLAINT = "voice.complaint"


def _plain(referral: AdvocacyReferral) -> dict:
    return {
        "child": referral.child_id,
        "kind": referral.kind,
        "referral_date": str(referral.referral_date),
        "provider": referral.provider,
        "hours": str(referral.hours) if referral.hours is not None else None,
        "closed_date": str(referral.closed_date) if referral.closed_date else None,
        "issues": sorted(referral.issues.values_list("theme", flat=True)),
    }


def _check_dates(referral_date: date, closed_date: date | None, today: date) -> None:
    if referral_date > today:
        raise ValidationError({"referral_date": "The date referred must be today or in the past"})
    if closed_date is not None and closed_date > today:
        raise ValidationError({"closed_date": "The date closed must be today or in the past"})
    if closed_date is not None and closed_date < referral_date:
        raise ValidationError(
            {"closed_date": "The date closed must be on or after the date referred"}
        )


def _set_issues(referral: AdvocacyReferral, issues) -> None:
    wanted = {issue.strip().lower() for issue in issues if issue.strip()}
    referral.issues.exclude(theme__in=wanted).delete()
    have = set(referral.issues.values_list("theme", flat=True))
    AdvocacyIssue.objects.bulk_create(
        AdvocacyIssue(referral=referral, theme=theme) for theme in sorted(wanted - have)
    )


def record_referral(
    *, child, kind: str, referral_date: date, provider: str = "", issues=(),
    hours: Decimal | None = None, closed_date: date | None = None, today: date, by,
) -> AdvocacyReferral:  # fmt: skip
    """Record a referral to advocacy (issue-based or child protection) or to the independent
    visitor scheme, with the issues the child raised and the hours delivered so far."""
    if kind not in AdvocacyReferral.Kind.values:
        raise ValidationError({"kind": "Choose the kind of referral"})
    _check_dates(referral_date, closed_date, today)
    if AdvocacyReferral.objects.filter(
        child=child, referral_date=referral_date, kind=kind
    ).exists():
        raise ValidationError(
            {"referral_date": "This child already has a referral of this kind on that date"}
        )
    with transaction.atomic():
        referral = AdvocacyReferral.objects.create(
            child=child, kind=kind, referral_date=referral_date, provider=provider.strip(),
            hours=hours, closed_date=closed_date,
        )  # fmt: skip
        _set_issues(referral, issues)
        record(by=by, action="recorded", target_type=REFERRAL, target_id=referral.pk,
               after=_plain(referral))  # fmt: skip
    return referral


def update_referral(
    *, referral: AdvocacyReferral, provider: str, issues, hours: Decimal | None,
    closed_date: date | None, today: date, by,
) -> AdvocacyReferral:  # fmt: skip
    """Change what is known later: the provider, the issues, hours delivered, the closing date."""
    _check_dates(referral.referral_date, closed_date, today)
    with transaction.atomic():
        locked = AdvocacyReferral.objects.select_for_update().get(pk=referral.pk)
        before = _plain(locked)
        locked.provider, locked.hours, locked.closed_date = provider.strip(), hours, closed_date
        locked.save(update_fields=["provider", "hours", "closed_date"])
        _set_issues(locked, issues)
        record(by=by, action="changed", target_type=REFERRAL, target_id=locked.pk,
               before=before, after=_plain(locked))  # fmt: skip
    return locked


def record_complaint(
    *, received_date: date, stage: int | None, outcome: str = "", summary: str = "",
    today: date, by,
) -> Complaint:  # fmt: skip
    """Record a formal complaint about the IRO service (stage 1, 2 or 3 of the complaints
    procedure). It is marked as recorded here, so an import of complaints.csv never removes it."""
    if received_date > today:
        raise ValidationError({"received_date": "The date received must be today or in the past"})
    if stage is not None and stage not in (1, 2, 3):
        raise ValidationError({"stage": "Choose stage 1, 2 or 3"})
    with transaction.atomic():
        complaint = Complaint.objects.create(
            received_date=received_date, stage=stage, outcome=outcome.strip(),
            summary=summary.strip(), source=Complaint.Source.WEB,
        )  # fmt: skip
        record(by=by, action="recorded", target_type=COMPLAINT, target_id=complaint.pk,
               after={"received_date": str(received_date), "stage": stage, "outcome": outcome})  # fmt: skip
    return complaint


def update_complaint(*, complaint: Complaint, stage: int | None, outcome: str, by) -> Complaint:
    """Record that a complaint moved to a later stage, or its outcome."""
    if stage is not None and stage not in (1, 2, 3):
        raise ValidationError({"stage": "Choose stage 1, 2 or 3"})
    with transaction.atomic():
        locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
        before = {"stage": locked.stage, "outcome": locked.outcome}
        locked.stage, locked.outcome = stage, outcome.strip()
        locked.save(update_fields=["stage", "outcome"])
        record(by=by, action="changed", target_type=COMPLAINT, target_id=locked.pk,
               before=before, after={"stage": stage, "outcome": locked.outcome})  # fmt: skip
    return locked
