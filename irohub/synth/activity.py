"""The IRO's work between reviews: contacts (midway reviews, visits...) and escalations.

Midway reviews fall inside the `midway.window` of the rules (40-60% of the way from one review
to the next) for about 60-75% of review cycles (Hounslow: 70%, target 85%). Escalations arrive
a few a month per 350 children, climb the council's stages (rules `escalation.stages`) within
or beyond their limits, and close with an outcome; some are still open at the as-at date.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from irohub.statutory.periods import PeriodOfCare
from irohub.statutory.settings import RuleSettings

from .details import Recorder
from .facts import build_facts
from .lookup import InCare, IroOn
from .model import Council, Review
from .population import poisson
from .voice import build_voice

THEMES = {
    "care_plan_unavailable": 14,
    "placement_planning": 8,
    "plo_drift": 9,
    "finance": 5,
    "education": 10,
    "transition": 8,
    "sdq": 4,
    "reg24": 3,
    "paperwork": 6,
    "uasc": 3,
    "contact": 7,
    "placement": 9,
    "exploitation": 4,
    "visits": 6,
    "health": 4,
    "decisions": 6,
    "other": 3,
}
OUTCOMES = {
    0: {"resolved": 80, "compromise": 10, "withdrawn": 10},
    1: {"resolved": 55, "compromise": 25, "difference_acknowledged": 20},
}


def pick(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), list(table.values()))[0]


def build_activity(
    stream: Callable[[str], random.Random],
    council: Council,
    rules: RuleSettings,
    periods: list[PeriodOfCare],
    iro_on: IroOn,
) -> None:
    children = {c.id: c for c in council.children}
    recorder = Recorder(stream("details"), rules, council.as_at)
    for r in council.reviews:
        recorder.fill(r, children[r.child])
    in_care = InCare(periods, council.as_at)
    council.tables["contacts"] = contacts(stream("contacts"), council, rules, in_care, iro_on)
    council.tables["escalations"], council.tables["escalation_stages"] = Escalations(
        stream("escalations"), council, rules, in_care, iro_on
    ).build()
    build_facts(stream, council, periods)  # before the voice: CP advocacy follows cp_plan flags
    build_voice(stream, council, in_care)


FOOTPRINT = (
    ("visit", 0.25),
    ("call", 0.35),
    ("message", 0.2),
    ("case_note", 0.9),
    ("consultation", 0.08),
)


def contacts(
    rng: random.Random, council: Council, rules: RuleSettings, in_care: InCare, iro_on: IroOn
) -> list[dict]:
    """For each review cycle of each period: perhaps a midway review, and the IRO's footprint."""
    footprint = Footprint(rng, council, rules, iro_on)
    by_child: dict[str, list[Review]] = {}
    for r in council.reviews:
        if r.basis == "reg33":
            by_child.setdefault(r.child, []).append(r)
    for p in in_care.periods:
        last = min(p.end or council.as_at, council.as_at)
        held = [r for r in by_child.get(p.child, []) if p.start <= r.date <= last]
        cycles = [(p.start, None)] + [(r.date, r) for r in held]
        for i, (start, review) in enumerate(cycles):
            nxt = cycles[i + 1][0] if i + 1 < len(cycles) else None
            footprint.cycle(p.child, start, review, nxt, nxt or last)
    rows = sorted(
        footprint.rows, key=lambda r: (r["child_id"], r["contact_date"], r["contact_type"])
    )
    return [r for r in rows if r["iro_id"]]


class Footprint:
    def __init__(self, rng: random.Random, council: Council, rules: RuleSettings, iro_on: IroOn):
        self.rng, self.council, self.rules, self.iro_on = rng, council, rules, iro_on
        self.seen: set[tuple] = set()
        self.rows: list[dict] = []

    def add(self, child: str, d: date, kind: str) -> None:
        if self.council.start <= d <= self.council.as_at and (child, d, kind) not in self.seen:
            self.seen.add((child, d, kind))
            self.rows.append(
                {
                    "child_id": child,
                    "iro_id": self.iro_on(child, d),
                    "contact_date": d,
                    "contact_type": kind,
                }
            )

    def cycle(
        self, child: str, start: date, review: Review | None, nxt: date | None, end: date
    ) -> None:
        rng = self.rng
        if review is not None and rng.random() < 0.68:
            low, high = self.rules.midway.window
            target = nxt or _next_due(self.rules, review)
            mid = start + (target - start) * rng.uniform(low, high)
            if mid <= end:
                self.add(child, mid, "midway_review")
        span = max(1, (end - start).days)
        for kind, chance in FOOTPRINT:
            if rng.random() < chance:
                self.add(child, start + timedelta(days=rng.randrange(span)), kind)


def _next_due(rules: RuleSettings, review: Review) -> date:
    interval = rules.reviews.second if review.review_type == "first" else rules.reviews.subsequent
    return rules.calendar().add(review.date, interval)


class Escalations:
    def __init__(self, rng, council: Council, rules: RuleSettings, in_care: InCare, iro_on: IroOn):
        self.rng, self.council, self.rules = rng, council, rules
        self.in_care, self.iro_on, self.cal = in_care, iro_on, rules.calendar()
        self.uasc = {c.id for c in council.children if c.uasc_from}

    def build(self) -> tuple[list[dict], list[dict]]:
        rng, council = self.rng, self.council
        escalations, stages = [], []
        month = date(council.start.year, council.start.month, 1)
        rate = 3.2 * council.target_children / 350
        while month <= council.as_at:
            days = sorted(
                month + timedelta(days=rng.randrange(28)) for _ in range(poisson(rng, rate))
            )
            for d in days:
                p = self.in_care.pick(rng, d) if d <= council.as_at else None
                iro = self.iro_on(p.child, d) if p else None
                if iro:
                    esc, st = self._one(f"ESC{len(escalations) + 1:05d}", p.child, iro, d)
                    escalations.append(esc)
                    stages.extend(st)
            month += relativedelta(months=1)
        return escalations, stages

    def _one(self, esc_id: str, child: str, iro: str, opened: date) -> tuple[dict, list[dict]]:
        rng = self.rng
        themes = dict(THEMES, uasc=25 if child in self.uasc else 3)
        chosen = sorted({pick(rng, themes) for _ in range(rng.choice((1, 1, 2)))})
        row = {
            "escalation_id": esc_id,
            "child_id": child,
            "iro_id": iro,
            "opened_date": opened,
            "themes": ";".join(chosen),
            "closed_date": None,
            "outcome": None,
            "good_practice": "N",
        }
        if rng.random() < 0.09:  # a good-practice alert, not a challenge
            row.update(themes=chosen[0], closed_date=opened, good_practice="Y")
            return row, []
        return row, self._climb(row, opened)

    def _climb(self, row: dict, start: date) -> list[dict]:
        """Up the council's ladder: most resolve at the first stage, some go formal, a few to
        Cafcass; a stage still running at as-at leaves the escalation open."""
        stages, ladder = [], self.rules.escalation.stages
        for level, stage in enumerate(ladder):
            end = self._stage_end(start, stage.limit, level)
            open_ = end > self.council.as_at
            stages.append(
                {
                    "escalation_id": row["escalation_id"],
                    "stage": stage.code,
                    "started_date": start,
                    "ended_date": None if open_ else end,
                }
            )
            if open_:
                return stages
            climb = (0.3, 0.06)[min(level, 1)] if level + 1 < len(ladder) else 0
            if self.rng.random() >= climb:
                cafcass = stage.code == "cafcass" or (stage.limit is None and level > 0)
                outcome = "cafcass_referral" if cafcass else pick(self.rng, OUTCOMES[min(level, 1)])
                row.update(closed_date=end, outcome=outcome)
                return stages
            start = end
        return stages

    def _stage_end(self, start: date, limit, level: int) -> date:
        if limit is None:  # an open-ended stage (the Cafcass referral)
            return start + timedelta(days=self.rng.randint(10, 40))
        due = self.cal.add(start, limit)
        span = max(1, self.cal.working_days_between(start, due))
        if self.rng.random() < 0.8:
            return self.cal.add_working_days(start, self.rng.randint(1, span))
        return self.cal.add_working_days(due, self.rng.randint(1, 8))
