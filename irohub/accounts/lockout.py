"""The page shown when a user name is locked after too many wrong passwords (django-axes).

Axes calls `locked_out` (AXES_LOCKOUT_CALLABLE) for the attempt that reaches the limit and for
every attempt while the lock lasts. The lock ends a fixed time after the last counted mistake
(AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off), which is the time the page gives.
"""

from __future__ import annotations

import datetime as dt

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def lock_minutes() -> int:
    return round(float(settings.AXES_COOLOFF_TIME) * 60)


def try_again_after(last_mistake: dt.datetime, minutes: int) -> str:
    """A clock time in GOV.UK style, such as "3:05pm" (local time)."""
    when = timezone.localtime(last_mistake + dt.timedelta(minutes=minutes))
    hour = when.hour % 12 or 12
    return f"{hour}:{when.minute:02d}{'am' if when.hour < 12 else 'pm'}"


def last_mistake(username: str | None) -> dt.datetime:
    """When the latest counted wrong attempt for this user name was (now, if none is stored)."""
    latest = None
    if username:
        latest = AccessAttempt.objects.filter(username=username).aggregate(Max("attempt_time"))
        latest = latest["attempt_time__max"]
    return latest or timezone.now()


def locked_out(request, original_response=None, credentials=None):
    username = (credentials or {}).get("username") or request.POST.get("username")
    minutes = lock_minutes()
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": minutes,
        "try_again_after": try_again_after(last_mistake(username), minutes),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
