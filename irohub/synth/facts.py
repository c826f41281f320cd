"""Flags, population, yearly service facts and targets (interfaces.md §1.2)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from irohub.statutory.participation import age_on
from irohub.statutory.periods import PeriodOfCare

from .model import Council
from .ssda903 import collection_years, year_label

# resident child population (0-17) of a London-ish borough
POP_AGE = {"under 1": 5.5, "1-4": 22.0, "5-9": 28.0, "10-15": 33.0, "16+": 11.5}
POP_ETHNIC = {"White": 42, "Mixed": 10, "Asian": 30, "Black": 12, "Other": 6}
RATE_PER_10K = 60


def build_facts(
    stream: Callable[[str], random.Random], council: Council, periods: list[PeriodOfCare]
) -> None:
    council.tables["flags"] = flags(stream("flags"), council, periods)
    council.tables["population"] = population(stream("population"), council)
    council.tables["service"] = service(stream("service"), council)
    council.tables["targets"] = targets(council)


def flags(rng: random.Random, council: Council, periods: list[PeriodOfCare]) -> list[dict]:
    """cp_plan for some young entrants (ended by the first or second review), dol_order for a
    handful of teenagers in children's homes, unregistered_placement for Z1 placements,
    disability, and sibling groups from the day they came into care together."""
    f = Flags(rng, council)
    first_start: dict[str, date] = {}
    for p in periods:
        first_start.setdefault(p.child, p.start)
        if p.end is None or p.end >= council.start:  # not before the history
            f.period(p)
    for child in council.children:
        if child.disabled:
            f.add(child.id, "disability", first_start[child.id], None)
        if child.sibling_group:
            f.add(child.id, f"sibling_group:{child.sibling_group}", first_start[child.id], None)
    council.tables["flags_cp"] = [r for r in f.rows.values() if r["flag"] == "cp_plan"]
    return [f.rows[k] for k in sorted(f.rows)]


class Flags:
    def __init__(self, rng: random.Random, council: Council):
        self.rng, self.council = rng, council
        self.children = {c.id: c for c in council.children}
        self.rows: dict[tuple, dict] = {}

    def add(self, child: str, flag: str, start: date, end: date | None) -> None:
        end = end if end and end <= self.council.as_at else None
        self.rows[(child, flag, start)] = {
            "child_id": child,
            "flag": flag,
            "start_date": start,
            "end_date": end,
        }

    def period(self, p: PeriodOfCare) -> None:
        rng, child = self.rng, self.children[p.child]
        if (
            not p.short_break
            and age_on(child.dob, p.start) < 12
            and not child.uasc_from
            and rng.random() < 0.22
        ):
            before = p.start - timedelta(days=rng.randint(20, 300))
            self.add(p.child, "cp_plan", before, p.start + timedelta(days=rng.randint(20, 150)))
        for e in p.episodes:
            if e.place == "Z1":
                self.add(p.child, "unregistered_placement", e.start, e.end)
            if e.place in ("K1", "K2") and age_on(child.dob, e.start) >= 12 and rng.random() < 0.03:
                order = e.start + timedelta(days=rng.randint(1, 30))
                self.add(
                    p.child, "dol_order", order, e.start + timedelta(days=rng.randint(90, 365))
                )


def _split(total: int, shares: dict[str, float]) -> dict[str, int]:
    whole = sum(shares.values())
    return {k: round(total * v / whole) for k, v in shares.items()}


def population(rng: random.Random, council: Council) -> list[dict]:
    """Mid-year estimates consistent with about 60 children looked after per 10,000."""
    base = council.target_children * 10_000 / RATE_PER_10K
    rows = []
    for year in range(council.start.year, council.as_at.year + 1):
        total = round(base * (1 + 0.004 * (year - council.start.year)) * rng.uniform(0.995, 1.005))
        rows.append({"year": year, "dimension": "total", "category": "all", "count": total})
        males = round(total * 0.512)
        rows += [
            {"year": year, "dimension": "sex", "category": s, "count": n}
            for s, n in (("M", males), ("F", total - males))
        ]
        for dim, shares in (("age_band", POP_AGE), ("ethnicity_group", POP_ETHNIC)):
            rows += [
                {"year": year, "dimension": dim, "category": k, "count": n}
                for k, n in _split(total, shares).items()
            ]
    return rows


def service(rng: random.Random, council: Council) -> list[dict]:
    n = council.target_children
    rows = []
    for year in collection_years(council):
        label = year_label(year)
        posts = sum(
            i.fte
            for i in council.iros
            if i.start <= date(year + 1, 3, 31)
            and (i.end is None or i.end >= date(year + 1, 3, 31))
        )
        items = {
            "establishment_fte": round(max(posts, n / 58), 1),
            "advocacy_hours_contracted": round(n * (1.6 if year < 2024 else 2.6), -1),
            "iv_target": max(3, round(n / 25)),
            "iv_hours": round(n * rng.uniform(1.2, 1.7), 1),
            "support_fte": round(max(0.5, n / 300) * rng.choice((1, 1, 1.5)), 1),
        }
        rows += [{"year": label, "item": k, "value": v} for k, v in items.items()]
    return rows


def targets(council: Council) -> list[dict]:
    rows = []
    for year in collection_years(council):
        timeliness = 95 if year < 2020 else 90
        for metric, target in (
            ("reviews.timeliness.all_pct", timeliness),
            ("participation.direct.pct_4plus", 80),
            ("quality.record.within_15wd_pct", 95),
            ("midway.coverage.pct", 85),
            ("iro.allocation.within_5wd_pct", 95),
        ):
            rows.append(
                {
                    "year": year_label(year),
                    "metric_id": metric,
                    "target": target,
                    "direction": "higher_is_better",
                }
            )
    return rows
