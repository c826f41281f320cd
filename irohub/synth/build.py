"""`generate()`: the whole synthetic council in memory, deterministic for (seed, as-at, rules)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from irohub.statutory.participation import birthday
from irohub.statutory.periods import Episode as StatEpisode
from irohub.statutory.periods import PeriodOfCare, periods_of_care
from irohub.statutory.settings import RuleSettings, load_rules

from .activity import build_activity
from .allocations import Allocator
from .cohort import Cohort
from .episodes import Planner
from .lookup import IroOn
from .model import Council
from .places import Market
from .population import People, young_mothers
from .reviews import Reviewer
from .rulesfile import default_rules_text
from .staff import Team


def collection_year_start(d: date) -> date:
    """1 April of the collection year (1 April - 31 March) that holds d."""
    return date(d.year if d.month >= 4 else d.year - 1, 4, 1)


def generate(
    children: int = 350,
    years: int = 10,
    seed: int = 1,
    as_at: date | None = None,
    rules_text: str | None = None,
) -> Council:
    """A synthetic council of about `children` looked-after children over `years` years to
    `as_at` (default today). Same arguments -> the same council, record for record.

    Each part draws from its own random stream (named for the part), so changing how one
    part is generated leaves the others as they were."""
    if children < 1 or years < 1:
        raise ValueError("children and years must be at least 1")
    as_at = as_at or date.today()
    rules = load_rules(rules_text) if rules_text else RuleSettings.default()
    window = collection_year_start(as_at - relativedelta(years=years))
    council = Council(seed, as_at, window, children, rules_text or default_rules_text())

    def stream(name: str) -> random.Random:
        return random.Random(f"irohub-synth:{seed}:{name}")

    populate(council, stream)
    periods = statutory_periods(council, rules)
    by_id = {c.id: c for c in council.children}
    pairs = sorted(((p, by_id[p.child]) for p in periods), key=lambda x: (x[0].start, x[0].child))
    team = Team(stream("staff"), children, window - relativedelta(years=4), as_at)
    council.iros = team.iros
    council.allocations = Allocator(stream("allocations"), team, rules.calendar(), as_at).run(pairs)
    council.reviews = hold_reviews(Reviewer(stream("reviews"), rules, as_at), pairs, council)
    iro_on = IroOn(council.allocations)
    chair_reviews(council, iro_on)
    build_activity(stream, council, rules, periods, iro_on)
    return council


def populate(council: Council, stream) -> None:
    """The children and their periods of care, after an 18-year warm-up before the history."""
    market = Market(stream("places"), council.target_children)
    planner = Planner(stream("journeys"), market, council.as_at)
    people = People(stream("people"), market)
    cohort = Cohort(stream("admissions"), people, planner, council.target_children, council.as_at)
    kept = cohort.run(council.start - relativedelta(years=18), council.start)
    young_mothers(stream("mothers"), kept)
    council.children = [c for c, _ in kept]
    council.periods = [p for _, ps in kept for p in ps]


def hold_reviews(reviewer: Reviewer, pairs, council: Council) -> list:
    """Every period's reviews up to its end, as-at or the day before the 18th birthday; only
    those in the history are kept."""
    reviews = []
    for period, child in pairs:
        last = min(
            period.end or council.as_at, council.as_at, birthday(child.dob, 18) - timedelta(days=1)
        )
        reviews.extend(
            r for r in reviewer.reviews(period, child.dob, last) if r.date >= council.start
        )
    reviews.sort(key=lambda r: (r.child, r.date))
    return reviews


def statutory_periods(council: Council, rules: RuleSettings) -> list[PeriodOfCare]:
    """The periods of care as irohub.statutory derives them (a series of short breaks is one)."""
    episodes = [
        StatEpisode(e.child, e.start, e.end, e.rne, e.ls, e.rec, e.place) for e in council.episodes
    ]
    return periods_of_care(episodes, break_in_care_min_days=rules.reviews.break_in_care_min_days)


def chair_reviews(council: Council, iro_on: IroOn) -> None:
    """Each review is chaired by the IRO allocated on its date (the first one if none yet)."""
    for r in council.reviews:
        r.iro = iro_on(r.child, r.date)
