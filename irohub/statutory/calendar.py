"""Working-day arithmetic for statutory deadlines.

A working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank
holiday in England and Wales (CPR 2010 reg 2(1); Banking and Financial Dealings Act 1971, which
also covers one-off proclaimed holidays such as 19/09/2022). Bank holidays come from the `holidays`
package (offline, includes the one-offs); a council adds its own closure days.

Speed matters because every review of every child is timed: the calendar keeps, for a range of
years, the running count of working days before each day and the list of working days, so adding
or counting working days is two array look-ups however far apart the dates are.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays

from irohub.statutory.durations import Duration

DIVISIONS: dict[str, str] = {
    "england-and-wales": "ENG",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
CLOSURE_NAME = "council closure day"

# GOV.UK's names for the bank holidays that the `holidays` package names differently.
_GOV_UK_NAMES = {
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Summer Bank Holiday": "Summer bank holiday",
}
_DEFAULT_YEARS = (1990, 2060)
_MARGIN_YEARS = 10
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _plain_name(name: str) -> str:
    parts = []
    for part in name.split("; "):
        part = part.replace(" (observed)", " (substitute day)")
        parts.append(_GOV_UK_NAMES.get(part, part))
    return " and ".join(parts)


@lru_cache(maxsize=16)
def _bank_holidays(division: str, first_year: int, last_year: int) -> dict[date, str]:
    """Bank holidays of a division for whole years, with GOV.UK-style names (cached: slow)."""
    found = holidays.country_holidays(
        "GB", subdiv=DIVISIONS[division], years=range(first_year, last_year + 1)
    )
    return {day: _plain_name(name) for day, name in found.items()}


def add_months(d: date, months: int) -> date:
    """Calendar months with the end-of-month clamp of dateutil.relativedelta (rules.md A3):
    30/11/2024 + 3 months = 28/02/2025; 31/08/2023 + 6 months = 29/02/2024."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    day = d.day
    if day > 28:
        last = _DAYS_IN_MONTH[month - 1]
        if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            last = 29
        day = min(day, last)
    return date(year, month, day)


def _check_date(value: object, what: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{what} must be a date, not {value!r}")
    return value


class WorkingCalendar:
    """Working days of England and Wales (or another division) less a council's closure days."""

    def __init__(self, closures: Iterable[date] = (), division: str = "england-and-wales"):
        if division not in DIVISIONS:
            known = ", ".join(DIVISIONS)
            raise ValueError(f"unknown calendar division {division!r}; use one of {known}")
        self.division = division
        self.closures = frozenset(_check_date(day, "a closure day") for day in closures)
        self._build(*_DEFAULT_YEARS)

    def __repr__(self) -> str:
        return f"WorkingCalendar(division={self.division!r}, closures={len(self.closures)})"

    # -- the index ---------------------------------------------------------------------------

    def _build(self, first_year: int, last_year: int) -> None:
        """Index every day of whole years: running working-day counts and named non-working days."""
        self._first_year, self._last_year = first_year, last_year
        names = dict(_bank_holidays(self.division, first_year, last_year))
        for day in self.closures:
            if first_year <= day.year <= last_year:
                names.setdefault(day, CLOSURE_NAME)
        base = date(first_year, 1, 1).toordinal()
        size = date(last_year, 12, 31).toordinal() - base + 1
        closed = {day.toordinal() - base for day in names if day.weekday() < 5}
        counts, working = array("l", [0]), array("l")
        weekday = date(first_year, 1, 1).weekday()
        for offset in range(size):
            if (weekday + offset) % 7 < 5 and offset not in closed:
                working.append(offset)
            counts.append(len(working))
        self._base, self._size, self._counts, self._working = base, size, counts, working
        weekday_closed = sorted((day, name) for day, name in names.items() if day.weekday() < 5)
        self._closed_days = [day for day, _ in weekday_closed]
        self._closed_names = [name for _, name in weekday_closed]

    def _cover(self, year: int) -> None:
        """Widen the index so it includes `year` with a margin (dates far in the past/future)."""
        first = max(1, min(self._first_year, year - _MARGIN_YEARS))
        last = min(9998, max(self._last_year, year + _MARGIN_YEARS))
        if (first, last) == (self._first_year, self._last_year):
            raise ValueError(f"{year} is outside the years a working calendar can count")
        self._build(first, last)

    def _offset(self, d: date) -> int:
        offset = d.toordinal() - self._base
        if offset < 0 or offset >= self._size:
            self._cover(d.year)
            offset = d.toordinal() - self._base
        return offset

    def _ensure(self, *days: date) -> None:
        for day in days:
            self._offset(day)

    # -- the public arithmetic ---------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        offset = self._offset(d)
        return self._counts[offset + 1] != self._counts[offset]

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after d (n < 0: before d). d itself is day 0, so n = 0 gives d."""
        if n == 0:
            return d
        offset = self._offset(d)
        index = self._counts[offset + 1] + n - 1 if n > 0 else self._counts[offset] + n
        if index < 0 or index >= len(self._working):
            # About 250 working days a year: widen by enough years, then count again.
            self._cover(d.year + (n // 250) + (1 if n > 0 else -1))
            return self.add_working_days(d, n)
        return date.fromordinal(self._working[index] + self._base)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after start up to and including end (negative when end is before start)."""
        self._ensure(start, end)
        first, last = start.toordinal() - self._base, end.toordinal() - self._base
        return self._counts[last + 1] - self._counts[first + 1]

    def non_working_days(self, start: date, end: date) -> list[tuple[date, str]]:
        """Weekday bank holidays and closure days after start up to and including end, named."""
        self._ensure(start, end)
        lo = bisect.bisect_right(self._closed_days, start)
        hi = bisect.bisect_right(self._closed_days, end)
        return list(zip(self._closed_days[lo:hi], self._closed_names[lo:hi], strict=True))

    def add(self, d: date, duration: Duration) -> date:
        """d plus a duration: working days (d is day 0), calendar days, or calendar months with
        the end-of-month clamp (rules.md A3)."""
        if duration.unit == "working_days":
            return self.add_working_days(d, duration.amount)
        if duration.unit == "days":
            return d + timedelta(days=duration.amount)
        return add_months(d, duration.amount)

    def subtract(self, d: date, duration: Duration) -> date:
        """d minus a duration, counted the same way as `add`."""
        if duration.unit == "working_days":
            return self.add_working_days(d, -duration.amount)
        if duration.unit == "days":
            return d - timedelta(days=duration.amount)
        return add_months(d, -duration.amount)
