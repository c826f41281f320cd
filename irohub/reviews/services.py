"""Writes that change reviews' derived data for many children at once."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from irohub.council import services as council
from irohub.reviews.derive import recompute


def apply_rules(text: str, *, by, as_at: date, source: str = "") -> int:
    """Load a rules file (council.services.load_rules) and recompute every child's derived dates
    under it, in one transaction; returns the number of children recomputed. Raises
    SettingsError (every `key: reason`) and changes nothing when the file is not valid."""
    with transaction.atomic():
        council.load_rules(text, by=by, source=source)
        return recompute(None, as_at=as_at)


def recompute_all(*, by, as_at: date) -> int:
    """Bring every child's live fields up to a date (run daily: "looked after now" and the next
    review due move on with the calendar)."""
    del by  # derived data only: nothing a person entered changes, so there is nothing to audit
    return recompute(None, as_at=as_at)
