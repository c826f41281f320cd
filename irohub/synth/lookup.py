"""Quick look-ups shared by the activity generators: who is in care when, and their IRO."""

from __future__ import annotations

import bisect
import random
from datetime import date

from irohub.statutory.periods import PeriodOfCare

from .model import Allocation


class IroOn:
    """The IRO allocated to a child on a date (the first allocation if none had started)."""

    def __init__(self, allocations: list[Allocation]):
        self.by_child: dict[str, list[Allocation]] = {}
        for a in sorted(allocations, key=lambda a: (a.child, a.start)):
            self.by_child.setdefault(a.child, []).append(a)
        self.starts = {c: [a.start for a in allocs] for c, allocs in self.by_child.items()}

    def __call__(self, child: str, on: date) -> str | None:
        allocs = self.by_child.get(child)
        if not allocs:
            return None
        i = bisect.bisect_right(self.starts[child], on) - 1
        return allocs[max(i, 0)].iro


class InCare:
    """Random children looked after on a date, drawn from full-time periods of care."""

    def __init__(self, periods: list[PeriodOfCare], as_at: date):
        self.periods = [p for p in periods if not p.short_break]
        self.as_at = as_at

    def pick(self, rng: random.Random, on: date, tries: int = 200) -> PeriodOfCare | None:
        for _ in range(tries):
            p = rng.choice(self.periods)
            if p.start <= on and (p.end is None or p.end > on):
                return p
        return None

    def during(self, start: date, end: date) -> list[PeriodOfCare]:
        return [p for p in self.periods if p.start <= end and (p.end is None or p.end >= start)]
