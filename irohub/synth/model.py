"""The in-memory synthetic council: plain records, one list per import file.

Everything here is generated; no real person's data. The writer turns these records into the
import folder of interfaces.md §1, so field names follow the file columns where they can.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Child:
    id: str
    dob: date
    sex: str  # "M" / "F"; the writer turns it into 1/2 for returns before 2024-25
    ethnic: str
    given_name: str = ""
    family_name: str = ""
    home_post: str | None = None  # None for UASC (903 rule 406)
    uasc_from: date | None = None  # first day the child was UASC (None: never UASC)
    upn: str = ""  # a real-format UPN, used once the child is of school age
    mother_from: date | None = None  # MC_DOB for the few young mothers
    disabled: bool = False
    sibling_group: str | None = None


@dataclass(slots=True)
class Episode:
    child: str
    start: date
    rne: str
    ls: str
    cin: str
    place: str
    provider: str | None
    home_post: str | None
    pl_post: str | None
    urn: str | None
    end: date | None = None
    rec: str | None = None
    reason: str | None = None  # REASON_PLACE_CHANGE, recorded on the episode that ends
    place_2025: str | None = None  # Z1 as returned from 2025-26 on (one of Z11-Z14)


@dataclass(slots=True)
class Period:
    """A period of care (rules.md D4): episodes from an RNE S start to a leaving-care REC."""

    child: str
    start: date
    episodes: list[Episode] = field(default_factory=list)
    end: date | None = None
    short_break: bool = False

    @property
    def last(self) -> Episode:
        return self.episodes[-1]


@dataclass(slots=True)
class Review:
    child: str
    date: date
    code: str | None  # PN code; None for reg 48 short-break reviews (not in the 903)
    due: date | None = None
    review_type: str = ""
    in_time: bool = True
    additional: bool = False
    basis: str = "reg33"
    iro: str | None = None
    first_part_date: date | None = None
    format: str = "in_person"
    chaired_by: str = "iro"
    seen_before: bool | None = None
    seen_alone: bool | None = None
    advocacy_offered: bool | None = None
    sw_report_date: date | None = None
    care_plan_available: bool | None = None
    decisions_date: date | None = None
    record_date: date | None = None
    record_shared_date: date | None = None
    late_reason: str | None = None


@dataclass(slots=True)
class Iro:
    id: str
    name: str
    email: str
    employment_type: str
    provider: str
    fte: float
    sex: str
    ethnicity: str
    start: date
    end: date | None = None


@dataclass(slots=True)
class Allocation:
    child: str
    iro: str
    start: date
    end: date | None = None
    reason: str = "initial"


@dataclass
class Council:
    """A whole synthetic council: the inputs, then one list per file of the import folder."""

    seed: int
    as_at: date
    start: date  # first day of the history
    target_children: int
    rules_text: str
    children: list[Child] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    iros: list[Iro] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    tables: dict[str, list[dict]] = field(default_factory=dict)  # the other irohub files

    @property
    def episodes(self) -> list[Episode]:
        return [e for p in self.periods for e in p.episodes]
