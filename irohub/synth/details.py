"""What the IRO service records about each review beyond the 903 row (review_details.csv).

Deadlines come from the rules in force (rules.md R3-R5: decisions 5 WD and the record 15 WD
after the review, the social worker's report 5 WD before). Their timeliness varies by year
around what the seeds report (pre-meeting reports 50-70% on time, Hounslow 48.6%; records
70-90% within 15 WD, Hounslow 71%). Nothing is dated after the as-at date.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from irohub.statutory.participation import age_on
from irohub.statutory.settings import RuleSettings

from .model import Child, Review

COVID = (date(2020, 3, 23), date(2021, 7, 19))  # reviews went virtual


class Recorder:
    def __init__(self, rng: random.Random, rules: RuleSettings, as_at: date):
        self.rng, self.rules, self.as_at = rng, rules, as_at
        self.cal = rules.calendar()
        self._year: dict[int, tuple[float, float]] = {}

    def year_quality(self, d: date) -> tuple[float, float]:
        """(share of SW reports on time, share of records on time) for the reporting year."""
        year = d.year if d.month >= 4 else d.year - 1
        if year not in self._year:
            rng = random.Random(f"quality:{year}:{self.rng.random()}")
            self._year[year] = (rng.uniform(0.5, 0.7), rng.uniform(0.7, 0.9))
        return self._year[year]

    def fill(self, r: Review, child: Child) -> None:
        rng, age = self.rng, age_on(child.dob, r.date)
        r.format = self._format(r.date)
        r.chaired_by = "iro"
        if age >= 12 and rng.random() < 0.07:
            r.chaired_by = "child" if rng.random() < 0.35 else "co_chaired"
        r.seen_before = rng.random() < (0.72 if age >= 4 else 0.45)
        r.seen_alone = (rng.random() < 0.6) if age >= 8 else False
        r.advocacy_offered = (rng.random() < 0.88) if age >= 4 else None
        r.care_plan_available = rng.random() < (0.62 if age >= 16 else 0.74)
        sw_on_time, record_on_time = self.year_quality(r.date)
        r.sw_report_date = self._sw_report(r.date, sw_on_time)
        r.decisions_date = self._after(r.date, self.rules.deadlines.decisions, 0.85, 1, 9)
        r.record_date = self._after(r.date, self.rules.deadlines.record, record_on_time, 16, 40)
        if r.record_date is not None:
            shared = r.record_date + timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 7)))
            r.record_shared_date = shared if shared <= self.as_at else None

    def _format(self, d: date) -> str:
        r = self.rng.random()
        if COVID[0] <= d <= COVID[1]:
            return "virtual" if r < 0.85 else "hybrid"
        if d < COVID[0]:
            return "in_person" if r < 0.96 else "virtual"
        return "in_person" if r < 0.56 else "virtual" if r < 0.84 else "hybrid"

    def _sw_report(self, review: date, on_time: float) -> date | None:
        r = self.rng.random()
        if r > 0.96:
            return None  # never shared
        due = self.cal.subtract(review, self.rules.deadlines.pre_meeting_report)
        if r < on_time:
            return self.cal.add_working_days(due, -self.rng.randint(0, 5))
        late = self.cal.add_working_days(due, self.rng.randint(1, 5))
        return min(late, review)

    def _after(
        self, review: date, limit, on_time: float, late_lo: int, late_hi: int
    ) -> date | None:
        """A date within `limit` (a Duration) of the review with chance `on_time`, else later."""
        due = self.cal.add(review, limit)
        span = max(1, self.cal.working_days_between(review, due))
        if self.rng.random() < on_time:
            d = self.cal.add_working_days(review, self.rng.randint(1, span))
        else:
            d = self.cal.add_working_days(due, self.rng.randint(1, max(1, late_hi - late_lo)))
        return d if d <= self.as_at else None
