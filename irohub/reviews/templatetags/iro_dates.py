"""Dates as the IRO pages write them, "29 April 2024": {% load iro_dates %}{{ day|long_date }}.

Django's `date` filter re-reads the format machinery for every call; a caseload or a long record
writes hundreds of dates, so this plain formatter keeps those pages fast. Blank for no date.
"""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()

MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@register.filter
def long_date(day) -> str:
    if not isinstance(day, dt.date):
        return ""
    return f"{day.day} {MONTHS[day.month]} {day.year}"
