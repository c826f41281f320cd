"""Reviews that follow the statutory timetable, with realistic lateness and participation.

Each review is drafted from the previous one with the durations in the council's rules (first
`reviews.first` after the start, then `reviews.second`, then `reviews.subsequent`; reg 48 short
breaks `short_break_first`/`short_break_subsequent`), then timed by `irohub.statutory`'s
`review_timetable`, whose due dates and in-time flags are the ones kept, so the file and the rules
engine always agree. Most reviews are held a little before they fall due; first reviews are late
more often (late referrals), as Hounslow's figures show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from irohub.statutory.participation import age_on, valid_codes
from irohub.statutory.periods import PeriodOfCare
from irohub.statutory.reviews import ReviewHeld, review_timetable
from irohub.statutory.settings import RuleSettings

from .model import Review

LATE = {1: 0.22, 2: 0.09, 3: 0.05}  # chance a review is held late, by place in the sequence
LATE_REASONS = {
    "late_referral": 24,
    "professional_unavailable": 20,
    "parent_unavailable": 9,
    "child_unavailable": 10,
    "rescheduled": 16,
    "iro_capacity": 10,
    "recording_error": 5,
    "other": 6,
}
# participation codes for children aged 4+ by age (Brent 24/25: PN1 76%, PN5 16% of 4+)
PN_BY_AGE = {
    4: {"PN1": 44, "PN2": 3, "PN3": 6, "PN4": 2, "PN5": 20, "PN6": 15, "PN7": 10},
    8: {"PN1": 70, "PN2": 3, "PN3": 1, "PN4": 1, "PN5": 15, "PN6": 6, "PN7": 4},
    12: {"PN1": 77, "PN2": 2, "PN3": 0.5, "PN4": 0.5, "PN5": 13, "PN6": 4, "PN7": 3},
}


def pick(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), list(table.values()))[0]


class Reviewer:
    def __init__(self, rng: random.Random, rules: RuleSettings, as_at: date):
        self.rng, self.rules, self.as_at = rng, rules, as_at
        self.cal = rules.calendar()

    def duration(self, short_break: bool, sequence: int):
        r = self.rules.reviews
        if short_break:
            return r.short_break_first if sequence == 1 else r.short_break_subsequent
        return (r.first, r.second, r.subsequent)[min(sequence, 3) - 1]

    def _held(self, clock: date, due: date, sequence: int) -> tuple[date, bool]:
        """When the review is held: early (additional), a little before due, or late."""
        rng = self.rng
        if sequence > 1 and rng.random() < 0.035:
            d = clock + (due - clock) * rng.uniform(0.3, 0.75)
            return self._working(d, back=True), True
        if rng.random() < LATE[min(sequence, 3)]:
            late = int(rng.choice((1, 2, 3, 5, 7, 10, 14, 21, 30, 45)) * rng.uniform(0.6, 1.4)) + 1
            return self._working(due + timedelta(days=late), back=False), False
        early = rng.randint(0, 4) if sequence == 1 else rng.choice((0, 1, 3, 5, 7, 10, 14, 21))
        return self._working(due - timedelta(days=early), back=True), False

    def _working(self, d: date, back: bool) -> date:
        step = timedelta(days=-1 if back else 1)
        while not self.cal.is_working_day(d):
            d += step
        return d

    def draft(self, period: PeriodOfCare, last_day: date) -> list[ReviewHeld]:
        """Reviews held from the period's start up to `last_day` (its end, as-at or the day
        before the 18th birthday: no review is due after 18, rules.md P5)."""
        held: list[ReviewHeld] = []
        clock, sequence = period.start, 1
        basis = "reg48" if period.short_break else "reg33"
        while True:
            due = self.cal.add(clock, self.duration(period.short_break, sequence))
            d, additional = self._held(clock, due, sequence)
            if d <= clock:
                d = clock + timedelta(days=7)
            if d > last_day:
                return held
            part = d - timedelta(days=self.rng.randint(3, 15)) if self.rng.random() < 0.03 else None
            if part is not None and part <= clock:
                part = None
            held.append(ReviewHeld(d, additional=additional, basis=basis, first_part_date=part))
            clock, sequence = d, sequence + 1

    def reviews(self, period: PeriodOfCare, dob: date, last_day: date) -> list[Review]:
        held = self.draft(period, last_day)
        table = review_timetable(period, held, rules=self.rules, as_at=self.as_at, dob=dob)
        by_date = {getattr(a, "completed", a.date): a for a in table.reviews}
        out = []
        for h in held:
            code = None if period.short_break else self.code(dob, h.date)
            r = Review(
                period.child,
                h.date,
                code,
                None,
                "",
                True,
                h.additional,
                h.basis,
                first_part_date=h.first_part_date,
            )
            a = by_date.get(h.date)  # None for an additional review the rules leave out
            if a is not None:
                r.due, r.review_type, r.in_time = a.due_date, a.review_type, a.in_time
            if not r.in_time:
                reason = (
                    "late_referral"
                    if r.review_type == "first" and self.rng.random() < 0.4
                    else None
                )
                r.late_reason = reason or pick(self.rng, LATE_REASONS)
            out.append(r)
        return out

    def code(self, dob: date, on: date) -> str:
        codes = valid_codes(dob, on, self.rules.participation.pn0_under_age)
        if len(codes) == 1:
            return codes[0]
        age = age_on(dob, on)
        table = PN_BY_AGE[12 if age >= 12 else 8 if age >= 8 else 4]
        return pick(self.rng, {k: v for k, v in table.items() if k in codes})
