"""Writes to the council-wide data: the rules in force and reference codes. Each write is audited
in its own transaction."""

from __future__ import annotations

from django.db import transaction

from irohub.audit.services import record
from irohub.council import selectors
from irohub.council.models import CouncilRules, ReferenceCode
from irohub.statutory.settings import load_rules as parse_rules


def load_rules(text: str, *, by, source: str = "") -> CouncilRules:
    """Validate a rules file (interfaces.md §2) and make it the rules in force.

    Raises `irohub.statutory.settings.SettingsError` listing every `key: reason` when the text is
    not valid; then nothing is saved and the rules in force stay as they were. Derived dates depend
    on the rules: callers that change them recompute (irohub.reviews.services.apply_rules).
    """
    new_rules = parse_rules(text)
    before = selectors.current_rules().to_dict()
    with transaction.atomic():
        row = CouncilRules.objects.create(
            text=text,
            source=source[:300],
            loaded_by=by if getattr(by, "is_authenticated", False) else None,
            loaded_by_name=by.get_username() if getattr(by, "is_authenticated", False) else "",
        )
        record(
            by=by,
            action="rules_loaded",
            target_type="council_rules",
            target_id=row.pk,
            before=before,
            after=new_rules.to_dict(),
        )
    selectors.forget_rules()
    return row


def save_reference_code(*, by, code: ReferenceCode) -> ReferenceCode:
    """Add or change one reference code (admin), with its audit event."""
    fields = ("list_name", "code", "label", "group", "valid_from_year", "valid_to_year")
    before = None
    if code.pk:
        old = ReferenceCode.objects.filter(pk=code.pk).values(*fields).first()
        before = old
    with transaction.atomic():
        code.save()
        record(
            by=by,
            action="reference_code_saved",
            target_type="reference_code",
            target_id=f"{code.list_name}:{code.code}",
            before=before,
            after={f: getattr(code, f) for f in fields},
        )
    return code
