"""Plain-English reasons for statutory dates, shown verbatim on pages and in reports.

Only called when someone asks why (never in the timing hot path). Dates are written dd/mm/YYYY;
each reason names the rule that produced the date: the regulation when the council uses the
statutory timescale, or the local setting when it has chosen another one.
"""

from __future__ import annotations

from datetime import date

from irohub.statutory.calendar import CLOSURE_NAME, WorkingCalendar
from irohub.statutory.durations import Duration


def dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def join_words(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def non_working_note(calendar: WorkingCalendar, start: date, end: date) -> str:
    """ "; Good Friday and Easter Monday are not working days" for the days skipped, or ""."""
    low, high = min(start, end), max(start, end)
    named = []
    for day, name in calendar.non_working_days(low, high):
        label = f"a {name} on {dmy(day)}" if name == CLOSURE_NAME else name
        if label not in named:
            named.append(label)
    if not named:
        return ""
    verb = "is not a working day" if len(named) == 1 else "are not working days"
    return f"; {join_words(named)} {verb}"


def citation(key: str, chosen: Duration, statutory: Duration | None, regulation: str) -> str:
    """ "regulation 33(1)" when the council uses the statutory timescale, else the local key."""
    if statutory is None or chosen == statutory:
        return regulation
    return f'local setting {key} = "{chosen}"; {regulation} sets {statutory}'


def counted(calendar: WorkingCalendar, start: date, due: date, duration: Duration) -> str:
    """The note on skipped days, only where working days were counted."""
    return non_working_note(calendar, start, due) if duration.in_working_days else ""
