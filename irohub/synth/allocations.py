"""Which IRO holds which child, day by day (rules.md I1-I3).

An IRO is allocated within 5 working days of the start of a period of care (mostly); a child
keeps their IRO across periods while that IRO is in post; brothers and sisters share an IRO;
commissioned IROs take mostly 16-17 year olds (as Brent's do); otherwise the IRO with the
lightest caseload per FTE takes the child. When an IRO leaves, their children move on the next
day (`iro_left`, or `contract_change` when a commissioned contract ends); a new IRO takes a share
of the busiest caseload (`reallocation`).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from irohub.statutory.calendar import WorkingCalendar
from irohub.statutory.participation import age_on
from irohub.statutory.periods import PeriodOfCare

from .model import Allocation, Child
from .staff import PROVIDERS, Holder, Team

FAR = date.max


@dataclass
class Desk:
    holder: Holder
    active: dict[int, Allocation] = field(default_factory=dict)
    ends: list[tuple[date, int]] = field(default_factory=list)

    def load(self, d: date) -> int:
        while self.ends and self.ends[0][0] < d:
            self.active.pop(heapq.heappop(self.ends)[1], None)
        return len(self.active)

    def take(self, a: Allocation) -> None:
        self.active[id(a)] = a
        heapq.heappush(self.ends, (a.end or FAR, id(a)))


class Allocator:
    def __init__(self, rng: random.Random, team: Team, cal: WorkingCalendar, as_at: date):
        self.rng, self.cal, self.as_at = rng, cal, as_at
        self.desks = {h.iro.id: Desk(h) for h in team.holders}
        self.in_post: list[str] = []  # IRO ids in post at the current event, in id order
        self.allocations: list[Allocation] = []
        self.last_iro: dict[str, str] = {}
        self.group_iro: dict[str, str] = {}
        self.children: dict[str, Child] = {}

    def run(self, periods: list[tuple[PeriodOfCare, Child]]) -> list[Allocation]:
        events: list[tuple[date, int, object]] = []
        for desk in self.desks.values():
            iro = desk.holder.iro
            events.append((iro.start, 1, desk))
            if iro.end is not None:
                events.append((iro.end + timedelta(days=1), 0, desk))
        for period, child in periods:
            self.children[child.id] = child
            when = self._when(period)
            if when is not None:
                events.append((when, 2, (period, child)))
        events.sort(
            key=lambda e: (e[0], e[1], getattr(e[2], "holder", None) and e[2].holder.iro.id or "")
        )
        for d, day in itertools.groupby(events, key=lambda e: e[0]):
            day = list(day)
            for _d, kind, item in day:  # who is in post today, before anything happens
                if kind == 0:
                    self.in_post.remove(item.holder.iro.id)
                elif kind == 1:
                    bisect.insort(self.in_post, item.holder.iro.id)
            for _d, kind, item in day:
                if kind == 0:
                    self._leave(d, item)
                elif kind == 1:
                    self._join(d, item)
                else:
                    self._allocate(d, *item)
        self.allocations.sort(key=lambda a: (a.child, a.start))
        return self.allocations

    def _when(self, period: PeriodOfCare) -> date | None:
        r = self.rng.random()
        k = (
            0
            if r < 0.25
            else self.rng.randint(1, 3)
            if r < 0.7
            else self.rng.randint(4, 5)
            if r < 0.9
            else self.rng.randint(6, 15)
        )
        d = self.cal.add_working_days(period.start, k) if k else period.start
        if period.end is not None and d > period.end:
            d = period.start
        return d if d <= self.as_at else None

    def _candidates(self, d: date, exclude: str | None = None) -> list[Desk]:
        """The desks in post on d (events run in date order, so `in_post` is d's)."""
        return [self.desks[i] for i in self.in_post if i != exclude]

    def _choose(self, d: date, child: Child, exclude: str | None = None) -> Desk | None:
        desks = self._candidates(d, exclude)
        if not desks:
            return None
        for known in (self.last_iro.get(child.id), self.group_iro.get(child.sibling_group or "")):
            match = [k for k in desks if k.holder.iro.id == known]
            if match:
                return match[0]
        older = age_on(child.dob, d) >= 16
        commissioned = [k for k in desks if k.holder.commissioned]
        if commissioned and self.rng.random() < (0.75 if older else 0.04):
            desks = commissioned
        elif len(commissioned) < len(desks):
            desks = [k for k in desks if not k.holder.commissioned]
        return min(desks, key=lambda k: (k.load(d) / k.holder.iro.fte, self.rng.random()))

    def _give(self, desk: Desk, child: Child, start: date, end: date | None, reason: str) -> None:
        a = Allocation(child.id, desk.holder.iro.id, start, end, reason)
        self.allocations.append(a)
        desk.take(a)
        self.last_iro[child.id] = a.iro
        if child.sibling_group:
            self.group_iro[child.sibling_group] = a.iro

    def _allocate(self, d: date, period: PeriodOfCare, child: Child) -> None:
        desk = self._choose(d, child)
        if desk is None:  # long before the history: wait for the first IRO in post
            desk = self._next_to_join(d)
            d = max(d, desk.holder.iro.start)
        if period.end is None or d <= period.end:
            self._give(desk, child, d, period.end, "initial")

    def _leave(self, d: date, desk: Desk) -> None:
        """The IRO's last day was yesterday: each of their children moves on today."""
        contract_end = desk.holder.commissioned and desk.holder.iro.end in {e for _, e in PROVIDERS}
        reason = "contract_change" if contract_end else "iro_left"
        moving = [a for a in desk.active.values() if a.end is None or a.end >= d]
        desk.active.clear()
        desk.ends.clear()
        for a in sorted(moving, key=lambda a: (a.child, a.start)):
            child = self.children[a.child]
            self.last_iro.pop(child.id, None)
            new = self._choose(d, child, exclude=desk.holder.iro.id)
            old_end, a.end = a.end, d - timedelta(days=1)
            if new is None:
                new = self._next_to_join(d)
            start = max(d, new.holder.iro.start)
            if old_end is None or start <= old_end:
                self._give(new, child, start, old_end, reason)

    def _next_to_join(self, d: date) -> Desk:
        later = [k for k in self.desks.values() if k.holder.iro.start >= d]
        return min(later or self.desks.values(), key=lambda k: k.holder.iro.start)

    def _join(self, d: date, desk: Desk) -> None:
        """A new IRO takes a share of the busiest caseload, when it is well above average."""
        others = [k for k in self._candidates(d, desk.holder.iro.id) if not k.holder.commissioned]
        if desk.holder.commissioned or not others:
            return
        busiest = max(others, key=lambda k: k.load(d) / k.holder.iro.fte)
        mean = sum(k.load(d) for k in others) / sum(k.holder.iro.fte for k in others)
        if busiest.load(d) / busiest.holder.iro.fte < 1.15 * mean:
            return
        movable = sorted(
            (
                a
                for a in busiest.active.values()
                if a.start < d and self.children[a.child].sibling_group is None
            ),
            key=lambda a: (a.start, a.child),
        )
        for a in movable[: max(1, len(movable) // 8)]:
            busiest.active.pop(id(a))
            old_end, a.end = a.end, d - timedelta(days=1)
            self._give(desk, self.children[a.child], d, old_end, "reallocation")
