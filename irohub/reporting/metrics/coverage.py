"""How far back the data reach, so a previous-year figure is shown only when it is real."""

from __future__ import annotations

from datetime import date

from irohub.children.models import Episode


def data_reaches(day: date) -> bool:
    """True when the episode history starts on or before `day` (a year before the earliest
    episode there is no data, and a 0 there would be a false figure)."""
    earliest = Episode.objects.order_by("decom").values_list("decom", flat=True).first()
    return earliest is not None and earliest <= day
