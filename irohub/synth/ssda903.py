"""The SSDA903 return for each collection year, scoped and coded as the DfE expects.

DfE scoping (ssda903.md §1): children with an episode open at any time in the year; the episodes
open in the year, with DEC, REC and REASON_PLACE_CHANGE blank when the episode ended after
31 March; reviews held in the year, none for a child whose episodes in the year are all short
breaks (399); UASC: children unaccompanied at any time in the year, DUC their 18th birthday.
Codes change by year: SEX 1/2 before 2024-25 and M/F after (101); Z1 becomes one of Z11-Z14
from 2025-26.
"""

from __future__ import annotations

from datetime import date

from irohub.statutory.participation import age_on, birthday

from .model import Child, Council, Episode

HEADER = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
EPISODES = (
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
)
REVIEWS = ("CHILD", "DOB", "REVIEW", "REVIEW_CODE")
UASC = ("CHILD", "SEX", "DOB", "DUC")
NEW_SEX_CODES = 2024  # the 2024-25 return onwards uses M/F/U
NEW_Z_CODES = 2025


def dmy(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def year_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def collection_years(council: Council) -> list[int]:
    """Start years of the collection years from the history's start to as-at."""
    first = council.start.year
    last = council.as_at.year if council.as_at.month >= 4 else council.as_at.year - 1
    return list(range(first, last + 1))


class Return:
    """One collection year's four tables, as lists of rows (dicts keyed by DfE column)."""

    def __init__(self, council: Council, year: int):
        self.year, self.start, self.end = year, date(year, 4, 1), date(year + 1, 3, 31)
        children = {c.id: c for c in council.children}
        eps = [
            e
            for e in council.episodes
            if e.start <= self.end and (e.end is None or e.end >= self.start)
        ]
        eps.sort(key=lambda e: (e.child, e.start))
        full_time = {e.child for e in eps if e.ls not in ("V3", "V4")}
        ids = sorted({e.child for e in eps})
        self.header = [self._header(children[i], i in full_time) for i in ids]
        self.episodes = [self._episode(e) for e in eps]
        self.reviews = [
            {
                "CHILD": r.child,
                "DOB": dmy(children[r.child].dob),
                "REVIEW": dmy(r.date),
                "REVIEW_CODE": r.code,
            }
            for r in council.reviews
            if r.code and r.child in full_time and self.start <= r.date <= self.end
        ]
        self.uasc = [self._uasc(children[i]) for i in ids if self._was_uasc(children[i])]

    def sex(self, child: Child) -> str:
        if self.year >= NEW_SEX_CODES:
            return child.sex
        return {"M": "1", "F": "2"}[child.sex]

    def _header(self, child: Child, full_time: bool) -> dict[str, str]:
        mother = mc_dob = ""
        if child.sex == "F" and full_time:  # 393/607; blank for short breaks only (399)
            is_mother = child.mother_from is not None and child.mother_from <= self.end
            mother, mc_dob = ("1", dmy(child.mother_from)) if is_mother else ("0", "")
        return {
            "CHILD": child.id,
            "SEX": self.sex(child),
            "DOB": dmy(child.dob),
            "ETHNIC": child.ethnic,
            "UPN": self._upn(child),
            "MOTHER": mother,
            "MC_DOB": mc_dob,
        }

    def _upn(self, child: Child) -> str:
        """UN1 before school age (209: 4 by 31 August of the previous year); UN2 for an
        unaccompanied child who never attended an English school; else the child's UPN."""
        if age_on(child.dob, date(self.year - 1, 8, 31)) < 4:
            return "UN1"
        if child.uasc_from and (
            age_on(child.dob, child.uasc_from) >= 16 or child.uasc_from.year >= self.year
        ):
            return "UN2"
        return child.upn

    def _episode(self, e: Episode) -> dict[str, str]:
        ended = e.end is not None and e.end <= self.end
        place = e.place_2025 if (e.place_2025 and self.year >= NEW_Z_CODES) else e.place
        return {
            "CHILD": e.child,
            "DECOM": dmy(e.start),
            "RNE": e.rne,
            "LS": e.ls,
            "CIN": e.cin,
            "PLACE": place,
            "PLACE_PROVIDER": e.provider or "",
            "DEC": dmy(e.end) if ended else "",
            "REC": (e.rec or "") if ended else "",
            "REASON_PLACE_CHANGE": (e.reason or "") if ended else "",
            "HOME_POST": e.home_post or "",
            "PL_POST": e.pl_post or "",
            "URN": e.urn or "",
        }

    def _was_uasc(self, child: Child) -> bool:
        return (
            child.uasc_from is not None
            and child.uasc_from <= self.end
            and birthday(child.dob, 18) >= self.start
        )

    def _uasc(self, child: Child) -> dict[str, str]:
        return {
            "CHILD": child.id,
            "SEX": self.sex(child),
            "DOB": dmy(child.dob),
            "DUC": dmy(birthday(child.dob, 18)),
        }
