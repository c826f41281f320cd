"""The page shown when a user name is locked after too many wrong passwords (django-axes).

Axes calls `locked_out` (AXES_LOCKOUT_CALLABLE) both for the attempt that reaches the limit and
for every attempt while the lock lasts; the lock runs from the latest wrong attempt.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def lock_minutes() -> int:
    return round(float(settings.AXES_COOLOFF_TIME) * 60)


def try_again_after(now: dt.datetime, minutes: int) -> str:
    """A clock time in GOV.UK style, such as "3:05pm" (local time)."""
    when = timezone.localtime(now + dt.timedelta(minutes=minutes))
    hour = when.hour % 12 or 12
    return f"{hour}:{when.minute:02d}{'am' if when.hour < 12 else 'pm'}"


def locked_out(request, original_response=None, credentials=None):
    minutes = lock_minutes()
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": minutes,
        "try_again_after": try_again_after(timezone.now(), minutes),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
