"""Time the statutory review timetable at council-and-beyond scale (stdlib + irohub only).

Builds 100,000 periods of care holding 1,000,000 reviews (synthetic and deterministic: a fixed
seed, dates only), then times `review_timetables` on one core. Target: under 10 seconds.

    .venv/bin/python benchmarks/bench_statutory.py [--periods N] [--reviews-per-period R]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from irohub.statutory.periods import Episode, periods_of_care
from irohub.statutory.reviews import ReviewHeld, review_timetables
from irohub.statutory.settings import RuleSettings, load_rules

AS_AT = date(2026, 11, 22)
SEED = 903


def synthetic(periods: int, reviews_each: int, seed: int = SEED):
    """(period, reviews, dob) triples: starts mid-2017 to 2021 (so open periods have recent
    reviews), reviews roughly on time with some early, late and additional, 1 in 20 periods of
    reg 48 short breaks, 1 in 3 ended."""
    rng = random.Random(seed)
    episodes, held, dobs = [], {}, {}
    for n in range(periods):
        child = f"C{n:06d}"
        start = date(2017, 6, 1) + timedelta(days=rng.randrange(1400))
        dobs[child] = start - timedelta(days=rng.randrange(365, 365 * 8))
        ls = "V3" if n % 20 == 0 else "C2"
        day, reviews = start, []
        for k in range(reviews_each):
            gap = 20 if k == 0 else 80 if k == 1 else 170
            day += timedelta(days=gap + rng.randrange(-10, 25))
            reviews.append(ReviewHeld(day, additional=rng.random() < 0.03))
        ended = rng.random() < 0.33
        end = day + timedelta(days=rng.randrange(1, 200)) if ended else None
        episodes.append(Episode(child, start, end, "S", ls, "E4A" if ended else None, "U4"))
        rng.shuffle(reviews)  # the engine must not rely on input order
        held[child] = reviews
    found = periods_of_care(episodes)
    return [(p, held[p.child], dobs[p.child]) for p in found]


def timed(label: str, func) -> tuple[str, float, object]:
    began = time.perf_counter()
    result = func()
    return label, time.perf_counter() - began, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--periods", type=int, default=100_000)
    parser.add_argument("--reviews-per-period", type=int, default=10)
    args = parser.parse_args()
    label, build, items = timed("build", lambda: synthetic(args.periods, args.reviews_per_period))
    total = sum(len(reviews) for _, reviews, _ in items)
    rows = [("build synthetic data", build, len(items), total)]
    for name, rules in (
        ("review_timetables (defaults)", RuleSettings()),
        ('review_timetables (next_due_from="due", 28/90/180 days)', load_rules(
            '[reviews]\nnext_due_from = "due"\nfirst = "28 days"\nsecond = "90 days"\n'
            'subsequent = "180 days"'
        )),
    ):  # fmt: skip
        rules.calendar()  # the working-day index is built once per council, not per call
        _, seconds, tables = timed(
            name, lambda r=rules: review_timetables(items, rules=r, as_at=AS_AT)
        )
        assessed = sum(len(t.reviews) for t in tables)
        rows.append((name, seconds, len(tables), assessed))
    print(f"{'step':58} {'seconds':>8} {'periods':>9} {'reviews':>10} {'µs/review':>10}")
    for name, seconds, count, reviews in rows:
        print(f"{name:58} {seconds:8.2f} {count:9,} {reviews:10,} {seconds / reviews * 1e6:10.2f}")
    worst = max(seconds for name, seconds, *_ in rows[1:])
    print(
        f"\ntarget: under 10 s for 1,000,000 reviews on one core -> {'met' if worst < 10 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
