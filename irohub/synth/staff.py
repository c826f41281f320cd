"""The IRO team over the years: posts, the people who hold them, and their caseloads.

About one full-time IRO per 58 children (rules.md I3: 50-70 per FTE). Most posts are in-house
(permanent, some fixed-term, agency locums between permanent holders); a quarter are held by a
commissioned provider's IROs, whose contract is re-let in October 2024 (as Brent's was). A locum
covers the 2022 UASC surge. People leave and are replaced; their children are reallocated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Iro
from .names import staff_name

PROVIDERS = (
    ("Independent Reviewing Associates Ltd", date(2024, 9, 30)),
    ("Children's Review Partnership CIC", date(2099, 12, 31)),
)
IRO_ETHNIC = {
    "WBRI": 38,
    "WOTH": 8,
    "WIRI": 4,
    "BCRB": 12,
    "BAFR": 14,
    "AIND": 8,
    "APKN": 4,
    "MWBC": 5,
    "OOTH": 4,
    "CHNE": 1,
    "AOTH": 2,
}
SURGE = (date(2022, 10, 3), date(2023, 6, 30))
HIRES = {"in_house": (80, 8, 12), "temporary": (0, 60, 40)}  # permanent, fixed-term, agency
YEAR = 365.25


@dataclass(slots=True)
class Holder:
    iro: Iro
    post: int

    @property
    def commissioned(self) -> bool:
        return self.iro.employment_type == "commissioned"

    def in_post(self, d: date) -> bool:
        return self.iro.start <= d and (self.iro.end is None or d <= self.iro.end)


class Team:
    def __init__(self, rng: random.Random, children: int, first: date, as_at: date):
        self.rng, self.as_at = rng, as_at
        posts = max(3, round(children / 58 / 0.78))  # many IROs work part time
        commissioned = max(1, round(posts * 0.25))
        self.holders: list[Holder] = []
        for post in range(posts):
            # a quarter of posts commissioned; one in-house post always filled on short contracts
            kind = (
                "commissioned"
                if post < commissioned
                else "temporary"
                if post == commissioned
                else "in_house"
            )
            self._staff_post(post, first, kind)
        for n in range(max(1, round(children / 350))):
            if SURGE[0] <= as_at:
                self._add(
                    posts + n,
                    "agency",
                    SURGE[0],
                    min(SURGE[1], as_at) if SURGE[1] < as_at else None,
                )
        self.holders = [h for h in self.holders if h.iro.end is None or h.iro.end >= first]
        self.holders.sort(key=lambda h: (h.iro.start, h.post))
        for n, h in enumerate(self.holders, 1):
            h.iro.id = f"IRO{n:03d}"

    def _staff_post(self, post: int, first: date, post_kind: str) -> None:
        rng = self.rng
        commissioned = post_kind == "commissioned"
        d = first - timedelta(days=int(rng.uniform(0, 7) * YEAR))
        while d <= self.as_at:
            kind = (
                "commissioned"
                if commissioned
                else rng.choices(("permanent", "fixed_term", "agency"), HIRES[post_kind])[0]
            )
            tenure = {
                "permanent": rng.lognormvariate(1.6, 0.6),
                "fixed_term": rng.uniform(0.8, 2),
                "agency": rng.uniform(0.3, 1.5),
                "commissioned": rng.lognormvariate(1.7, 0.5),
            }[kind]
            end = d + timedelta(days=int(tenure * YEAR))
            if commissioned:  # the contract ends: its IROs leave with it
                contract_end = next(e for _, e in PROVIDERS if d <= e)
                end = min(end, contract_end)
            if end >= self.as_at:
                self._add(post, kind, d, None)
                return
            self._add(post, kind, d, end)
            gap = (
                1 if commissioned and end in (e for _, e in PROVIDERS) else int(rng.uniform(20, 90))
            )
            d = end + timedelta(days=gap)

    def _add(self, post: int, kind: str, start: date, end: date | None) -> None:
        rng = self.rng
        sex = "F" if rng.random() < 0.8 else "M"
        name = staff_name(rng, sex)
        provider = (
            next((p for p, e in PROVIDERS if start <= e), "") if kind == "commissioned" else ""
        )
        fte = {
            "permanent": rng.choice((1.0, 1.0, 0.8, 0.6, 0.6)),
            "fixed_term": rng.choice((1.0, 0.8, 0.6)),
            "agency": 1.0,
            "commissioned": rng.choice((1.0, 0.8, 0.6)),
        }[kind]
        email = (
            name.lower().replace(" ", ".") + f".{len(self.holders) + 1}@synthetic-borough.example"
        )
        ethnic = rng.choices(list(IRO_ETHNIC), list(IRO_ETHNIC.values()))[0]
        self.holders.append(
            Holder(Iro("", name, email, kind, provider, fte, sex, ethnic, start, end), post)
        )

    @property
    def iros(self) -> list[Iro]:
        return [h.iro for h in self.holders]
