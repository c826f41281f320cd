"""Runs the admissions month by month and plans every child's periods of care.

Returns only the children looked after at some time on or after `window_start` (the first day of
the first collection year), with ids numbered in order of their first admission.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from irohub.statutory.participation import age_on

from .episodes import Planner
from .journeys import Journey
from .model import Child, Period
from .pathways import eighteenth, plan_period
from .places import Setting
from .population import ENTRY_AGE, UASC_AGE, People, poisson, wave

RATE = 0.25  # admissions a year per child in the target stock (non-UASC; mean stay ~3.5 years)
UASC_RATE = 0.045
SHORT_BREAK_RATE = 0.006
RETURN_HOME = ("E4A", "E4B", "E13", "E14", "E9", "E41")
CIN = {"N1": 58, "N2": 3, "N3": 4, "N4": 11, "N5": 15, "N6": 5, "N7": 1, "N8": 3}


@dataclass
class Cohort:
    rng: random.Random
    people: People
    planner: Planner
    target: int
    as_at: date
    records: list[tuple[Child, list[Period]]] = field(default_factory=list)
    sibling_groups: int = 0

    def run(self, sim_start: date, window_start: date) -> list[tuple[Child, list[Period]]]:
        month = date(sim_start.year, sim_start.month, 1)
        while month <= self.as_at:
            self._month(month)
            month += relativedelta(months=1)
        kept = [
            (c, ps)
            for c, ps in self.records
            if any(p.end is None or p.end >= window_start for p in ps)
        ]
        kept.sort(key=lambda r: (r[1][0].start, r[0].dob))
        for n, (child, periods) in enumerate(kept, 1):
            child.id = f"C{n:06d}"
            for p in periods:
                p.child = child.id
                for e in p.episodes:
                    e.child = child.id
        return kept

    def _day(self, month: date) -> date | None:
        last = (month + relativedelta(months=1)) - timedelta(days=1)
        d = month + timedelta(days=self.rng.randint(0, (last - month).days))
        return d if d <= self.as_at else None

    def _month(self, month: date) -> None:
        rng, n = self.rng, self.target
        for _ in range(poisson(rng, RATE * n / 12)):
            if d := self._day(month):
                self._admit(d)
        for _ in range(poisson(rng, UASC_RATE * n / 12 * wave(month.year, month.month))):
            if d := self._day(month):
                self._admit_uasc(d)
        for _ in range(poisson(rng, SHORT_BREAK_RATE * n / 12)):
            if d := self._day(month):
                self._short_breaks(d)

    def _cin(self) -> str:
        return self.rng.choices(*zip(*CIN.items(), strict=True))[0]

    def _admit(self, d: date) -> None:
        rng = self.rng
        age = rng.choices(*zip(*ENTRY_AGE, strict=True))[0]
        if age >= 10 and rng.random() < 0.09:
            child = self.people.child(d, age, sex="M" if rng.random() < 0.87 else "F")
            self._journey(child, d, "N6" if rng.random() < 0.7 else "N4", "remand")
            return
        first = self.people.child(d, age)
        group = [first]
        if age < 12 and rng.random() < 0.1:
            self.sibling_groups += 1
            for _ in range(rng.choice((1, 1, 1, 2))):
                sib_age = max(0, min(15, age + rng.choice((-3, -2, -1, 1, 2, 3, 4))))
                group.append(
                    self.people.child(
                        d,
                        sib_age,
                        ethnic=first.ethnic,
                        family=first.family_name,
                        home=first.home_post,
                    )
                )
            for c in group:
                c.sibling_group = f"SG{self.sibling_groups:05d}"
        cin = self._cin()
        for c in group:
            self._journey(c, d, cin, None)

    def _admit_uasc(self, d: date) -> None:
        age = self.rng.choices(*zip(*UASC_AGE, strict=True))[0]
        child = self.people.child(d, age, uasc=True)
        # in a surge many are transferred on under the National Transfer Scheme (E3)
        path = "nts" if wave(d.year, d.month) > 2 and self.rng.random() < 0.3 else "uasc"
        self._journey(child, d, "N8" if self.rng.random() < 0.95 else "N4", path)

    def _journey(self, child: Child, start: date, cin: str, path: str | None) -> None:
        periods: list[Period] = []
        while start is not None:
            p = plan_period(self.planner, child, start, cin, path)
            periods.append(p)
            start = self._return_date(child, p)
            path = "remand" if path == "remand" and self.rng.random() < 0.5 else None
        self.records.append((child, periods))

    def _return_date(self, child: Child, p: Period) -> date | None:
        """Some children who went home come back into care: a new period (rules.md P1-P2)."""
        rng = self.rng
        if p.end is None or p.episodes[-1].rec not in RETURN_HOME or rng.random() > 0.16:
            return None
        d = p.end + timedelta(days=int(rng.uniform(30, 900)))
        if d > self.as_at or age_on(child.dob, d) >= 17:
            return None
        return d

    def _short_breaks(self, d: date) -> None:
        """A disabled child's agreed series of short breaks (V3, reg 48): 1-3 nights every few weeks."""
        rng = self.rng
        child = self.people.child(d, rng.randint(5, 15))
        child.disabled = True
        end = min(
            d + timedelta(days=int(rng.uniform(300, 1500))),
            eighteenth(child.dob) - timedelta(days=1),
        )
        # a short-break unit outside Ofsted registration: R1 needs no URN (218) and V3 takes no
        # postcode or URN (214)
        carer = Setting("R1", rng.choice(("PR1", "PR5")), None, None, "shortbreak")
        periods, day = [], d
        while day < end and day <= self.as_at:
            j = Journey(child.id, day, "V3", "N2", carer, None, self.as_at, eighteenth(child.dob))
            j.leave(day + timedelta(days=rng.randint(1, 3)), "E4A", "E4A")
            j.period.short_break = True
            periods.append(j.period)
            day += timedelta(days=rng.randint(21, 42))
        self.records.append((child, periods))
