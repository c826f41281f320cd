"""The children: who comes into care, when, and with what age, sex and ethnicity.

Admissions arrive month by month at a rate set so that about `children` are looked after at
any time (a warm-up of 18 years before the history means the stock on the first day already
holds long-stayers). Unaccompanied children arrive in waves on real dates (autumn 2016, summer
2021, the 2022 surge Hounslow saw, and after). Ages, sex and ethnicity follow the DfE and
London-borough mixes described in the seed reports.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from irohub.statutory.participation import age_on, birthday

from .model import Child
from .names import family_name, given_name
from .places import Market

# ethnicity of children entering care (London-ish borough); UASC have their own mix
ETHNIC = {
    "WBRI": 27,
    "WIRI": 1,
    "WOTH": 8,
    "WIRT": 1.5,
    "WROM": 1.5,
    "MWBC": 5,
    "MWBA": 3,
    "MWAS": 2,
    "MOTH": 4,
    "AIND": 1.5,
    "APKN": 2,
    "ABAN": 1.5,
    "AOTH": 4,
    "BCRB": 6,
    "BAFR": 11,
    "BOTH": 5,
    "CHNE": 0.5,
    "OOTH": 8,
    "REFU": 1,
    "NOBT": 2,
}
UASC_ETHNIC = {"AOTH": 32, "BAFR": 14, "BOTH": 10, "OOTH": 30, "WOTH": 9, "CHNE": 1, "NOBT": 4}
# age at entry (years, weights) for children who are not unaccompanied
ENTRY_AGE = (
    [(0, 22), (1, 5), (2, 4), (3, 4), (4, 4)]
    + [(a, 3.4) for a in range(5, 10)]
    + [(a, 5.5) for a in range(10, 16)]
    + [(16, 7), (17, 4)]
)
UASC_AGE = [(13, 2), (14, 4), (15, 18), (16, 44), (17, 32)]
# UASC arrivals: multiples of the usual monthly rate in the months of each wave
WAVES = [
    ((2015, 9), (2016, 2), 3.0),
    ((2016, 10), (2016, 12), 3.0),
    ((2021, 8), (2021, 10), 2.0),
    ((2022, 7), (2022, 12), 9.0),
    ((2023, 1), (2023, 6), 2.5),
    ((2023, 7), (2023, 12), 1.5),
    ((2024, 1), (2099, 12), 1.2),
]
UPN_CHECK = "ABCDEFGHJKLMNPQRTUVWXYZ"


def poisson(rng: random.Random, lam: float) -> int:
    """Knuth's method for small rates, a rounded normal for large ones."""
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    k, p, limit = 0, 1.0, math.exp(-lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def wave(year: int, month: int) -> float:
    for (y0, m0), (y1, m1), factor in WAVES:
        if (y0, m0) <= (year, month) <= (y1, m1):
            return factor
    return 1.0


def upn(rng: random.Random, la: int = 312) -> str:
    """A UPN in the DfE format: check letter + LA number + 9 digits (903 rule 168)."""
    body = f"{la:03d}{rng.randrange(10**9):09d}"
    total = sum(int(c) * w for c, w in zip(body, range(2, 14), strict=True))
    return UPN_CHECK[total % 23] + body


class People:
    """Makes children (with names, postcodes and UPNs) from one random stream."""

    def __init__(self, rng: random.Random, market: Market):
        self.rng, self.market = rng, market

    def child(
        self,
        entry: date,
        age: int,
        *,
        uasc: bool = False,
        sex: str | None = None,
        ethnic: str | None = None,
        family: str | None = None,
        home: str | None = None,
    ) -> Child:
        rng = self.rng
        if age == 0:
            dob = entry - timedelta(days=rng.choice((0, 0, 1, 2, 3, 7, 30, 60, 120, 200, 300)))
        else:
            dob = entry - timedelta(days=int(365.25 * age) + rng.randint(1, 360))
        if uasc and rng.random() < 0.3 and age_on(dob.replace(day=15), entry) == age:
            dob = dob.replace(day=15)  # day of birth unknown: the DfE asks for the 15th
        if (dob.month, dob.day) == (2, 29):  # keep birthdays unambiguous (903 rule 1007 crashes)
            dob = dob.replace(day=28)
        ethnic = (
            ethnic or rng.choices(*zip(*(UASC_ETHNIC if uasc else ETHNIC).items(), strict=True))[0]
        )
        sex = sex or ("M" if rng.random() < (0.95 if uasc else 0.52) else "F")
        c = Child("", dob, sex, ethnic, upn=upn(rng))
        c.family_name = family or family_name(rng, ethnic)
        c.given_name = given_name(rng, ethnic, sex)
        c.home_post = None if uasc else (home or self.market.home_postcode())
        c.uasc_from = entry if uasc else None
        c.disabled = rng.random() < 0.09
        return c


def young_mothers(rng: random.Random, records: list[tuple[Child, list]]) -> None:
    """A few looked-after girls of 15-17 become mothers while in care (MOTHER/MC_DOB, 903 393/611)."""
    for child, periods in records:
        if child.sex != "F" or child.uasc_from or rng.random() > 0.04:
            continue
        fifteen = birthday(child.dob, 15)
        spans = [
            (max(p.start, fifteen), p.end or p.episodes[-1].start)
            for p in periods
            if not p.short_break
        ]
        spans = [(a, b) for a, b in spans if a < b]
        if spans:
            a, b = rng.choice(spans)
            child.mother_from = a + timedelta(days=rng.randrange((b - a).days))
