"""Care journeys: how a child enters care, moves, changes legal status and leaves.

The mix follows what the seed reports and DfE statistics show: young children on interim care
orders (C1 -> C2) and placement orders (E1) towards adoption or special guardianship; teenagers
accommodated under s20 (V2) who go home or stay to 18; short emergency starts (L1 police
protection <= 72 hours, L2 EPO <= 21 days; 903 rules 361-362); remands (J1, 10-17, mostly boys,
ending E14 or E9); unaccompanied children (V2) who leave at 18 or transfer under the National
Transfer Scheme (E3).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .journeys import Journey
from .places import SUPPORTED_FROM, Market, Setting

MOVE_REASONS = (
    "CARPL",
    "CREQB",
    "CREQO",
    "CHILD",
    "STAND",
    "ALLEG",
    "CLOSE",
    "LAREQ",
    "APPRR",
    "OTHER",
)
MOVE_WEIGHTS = (40, 12, 10, 8, 4, 3, 5, 10, 2, 6)
AT_EIGHTEEN = ("E17", "E5", "E6", "E7")
AT_EIGHTEEN_W = (30, 45, 22, 3)


def days(n: float) -> timedelta:
    return timedelta(days=max(1, int(n)))


class Planner:
    """Plans one period of care for a child, from their age and circumstances at the start."""

    def __init__(self, rng: random.Random, market: Market, horizon: date):
        self.rng, self.market, self.horizon = rng, market, horizon

    def at18(self) -> str:
        return self.rng.choices(AT_EIGHTEEN, AT_EIGHTEEN_W)[0]

    def reason(self) -> str:
        return self.rng.choices(MOVE_REASONS, MOVE_WEIGHTS)[0]

    def setting_for(self, age: int, on: date, home: str | None, uasc: bool = False) -> Setting:
        """A first or next placement suited to the child's age (371 K3/H5 16+, 373 S1 4+)."""
        m, r = self.market, self.rng.random()
        if age >= 16 and r > 0.992:  # unregistered "other" arrangements: 16+ only since 2021
            return m.other(home)
        if age >= 16 and r < (0.75 if uasc else 0.5):
            return m.supported(on, home)
        if age >= 10 and r < 0.72 and not uasc:
            return m.residential(home) if r > 0.45 else m.foster(home)
        if age >= 8 and r > 0.985:
            return m.school()
        return m.foster(home, connected=self.rng.random() < (0.05 if uasc else 0.2))

    def move_dates(self, start: date, end: date, rate: float) -> list[date]:
        """Dates of placement moves at `rate` a year between start and end."""
        out, d = [], start
        while rate > 0:
            d = d + days(self.rng.expovariate(rate) * 365)
            if d >= end:
                return out
            out.append(d)
        return out

    def move(
        self, j: Journey, d: date, age: int, home: str | None, foster_only: bool, uasc: bool
    ) -> None:
        """One placement move; a foster placement of a year or more may become long term instead."""
        s = j.setting
        if s.place in ("U3", "U6") and (d - j.current.start).days > 300 and self.rng.random() < 0.5:
            j.move(d, self.market.long_term(s), "PLACE")
            return
        nxt = self.market.foster(home) if foster_only else self.setting_for(age, d, home, uasc)
        j.move(d, nxt, self.reason())

    def register_supported(self, j: Journey) -> None:
        """H5 and P2 end on 28 Oct 2023: the same setting continues as K3 (same carer, RNE T)."""
        ep = j.current
        if ep.place in ("H5", "P2") and ep.end is None and ep.start < SUPPORTED_FROM:
            s = self.market.registered(j.setting, j.home_post)
            j.move(SUPPORTED_FROM, s, "PLACE" if s.carer == j.setting.carer else "CARPL")


def first_setting(
    p: Planner, age: int, start: date, home: str | None, ls: str, path: str, uasc: bool
) -> Setting:
    m, rng = p.market, p.rng
    if ls == "J1":
        r = rng.random()
        return (
            m.custody()
            if (age >= 15 and r < 0.35)
            else m.residential(home)
            if r < 0.7
            else m.foster(home)
        )
    if age == 0 and rng.random() < 0.1:
        return m.mother_and_baby()
    if path == "adopt" and rng.random() < 0.15:
        return m.foster(home, ffa=True)
    return p.setting_for(age, start, home, uasc)


def sgo_end(p: Planner, j: Journey) -> str:
    connected = j.setting.place in ("U1", "U2", "U3")
    foster = j.setting.place.startswith("U")
    if foster:
        return "E45" if connected else "E46"
    return "E47" if p.rng.random() < 0.6 else "E48"
