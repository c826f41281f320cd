"""Local review standards stricter than regulation 33 for flagged children (rules.md §1.7).

Medway, for example, reviews children under a Deprivation of Liberty order, or in unregistered
placements, every 3 months. No statute requires this, so it is a separate measure: while a flag
is active, every review of the child (statutory or local) must follow the previous one, or the
flag's start, within the overlay's interval. Statutory compliance is never changed by it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from irohub.statutory.durations import Duration
from irohub.statutory.explain import counted, dmy, plural
from irohub.statutory.participation import birthday
from irohub.statutory.periods import PeriodOfCare
from irohub.statutory.settings import LocalOverlay, RuleSettings


class _Dated(Protocol):
    date: date


@dataclass(frozen=True)
class FlagPeriod:
    """A time when a child had a flag (flags.csv): `dol_order`, `unregistered_placement`, ..."""

    flag: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class LocalReview:
    date: date
    due_date: date
    in_time: bool
    days_late: int
    clock_from: date
    flag: str
    interval: Duration

    def explain(self) -> str:
        timing = "in time" if self.in_time else f"{plural(self.days_late, 'day')} late"
        return (
            f"Review held on {dmy(self.date)}, {timing} against the local standard for "
            f"{self.flag}: due by {dmy(self.due_date)}, within {self.interval} of "
            f"{dmy(self.clock_from)} (local setting reviews.local_overlays; this does not change "
            "statutory compliance)."
        )


@dataclass(frozen=True)
class LocalTimetable:
    """One flag's local-standard timetable within one period of care."""

    flag: str
    interval: Duration
    start: date
    end: date | None
    reviews: tuple[LocalReview, ...]
    next_due: date | None
    next_from: date | None
    missed: tuple[date, ...]
    as_at: date
    note: str = ""

    def explain_next_due(self) -> str:
        if self.next_due is None:
            return (
                f"No review is due under the local standard for {self.flag}: the flag or the "
                f"period of care had ended by {dmy(self.as_at)}."
            )
        return (
            f"Next review due by {dmy(self.next_due)} under the local standard for {self.flag}: "
            f"within {self.interval} of {dmy(self.next_from)} (local setting "
            f"reviews.local_overlays){self.note}. This does not change statutory compliance."
        )


def local_overlay_timetable(
    period: PeriodOfCare,
    reviews: Iterable[_Dated],
    flags: Iterable[FlagPeriod],
    *,
    rules: RuleSettings,
    as_at: date,
    dob: date | None = None,
) -> list[LocalTimetable]:
    """One LocalTimetable per configured overlay and flag period that overlaps the period of care.

    Any review (reg33, reg48 or local) counts; `flags` are the child's flag periods.
    """
    flags = list(flags)  # read once per overlay
    held = sorted(r.date for r in reviews if r.date <= as_at and period.covers(r.date))
    last_day = period.end
    if dob is not None:
        adult_eve = birthday(dob, 18) - timedelta(days=1)
        last_day = adult_eve if last_day is None else min(last_day, adult_eve)
    result = []
    for overlay in rules.reviews.local_overlays:
        for flag_start, flag_end in _flag_periods(flags, overlay.flag):
            start = max(period.start, flag_start)
            end = _earliest(flag_end, last_day)
            if start <= as_at and (end is None or start <= end):
                result.append(_one(overlay, start, end, held, rules, as_at))
    return result


def _flag_periods(flags: Iterable[FlagPeriod], name: str) -> list[tuple[date, date | None]]:
    spans = sorted((f.start, f.end or date.max) for f in flags if f.flag == name)
    return [(start, None if end == date.max else end) for start, end in spans]


def _earliest(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else min(a, b)


def _one(overlay: LocalOverlay, start, end, held, rules, as_at) -> LocalTimetable:
    calendar, interval = rules.calendar(), overlay.interval
    assessed, clock = [], start
    for day in held:
        if day <= start or (end is not None and day > end):
            continue
        due = calendar.add(clock, interval)
        late = (day - due).days
        assessed.append(
            LocalReview(day, due, late <= 0, max(late, 0), clock, overlay.flag, interval)
        )
        clock = day
    due = calendar.add(clock, interval)
    missed = _passed(calendar, due, interval, as_at if end is None else min(as_at, end))
    live = end is None or end > as_at
    return LocalTimetable(
        flag=overlay.flag,
        interval=interval,
        start=start,
        end=end,
        reviews=tuple(assessed),
        next_due=due if live and (end is None or due <= end) else None,
        next_from=clock if live else None,
        missed=missed,
        as_at=as_at,
        note=counted(calendar, clock, due, interval),
    )


def _passed(calendar, due: date, interval: Duration, limit: date) -> tuple[date, ...]:
    """Due dates before `limit` with no review, each running on from the one before."""
    missed = []
    while due < limit:
        missed.append(due)
        following = calendar.add(due, interval)
        if following <= due:
            break  # a zero-length interval would never move on
        due = following
    return tuple(missed)
