"""The SSDA903 header, episodes, reviews and uasc tables for one collection year, in the DfE's
exact columns and formats (ssda903.md §1.1) and with its scoping:

* children with an episode open at any time in the year (1 April to 31 March);
* episodes open in the year; one ending after 31 March is written open (DEC, REC and the reason
  for a placement change blank, rules 354/233);
* reviews held in the year, except for children whose episodes in the year are all short breaks
  (V3/V4, rule 399) and reg 48 reviews; a short-break-only child has no MOTHER either (399);
* UASC: children who were unaccompanied asylum seekers at any time in the year;
* SEX as 1/2 before 2024-25 and M/F/U from 2024-25 (rule 101); dates dd/mm/YYYY;
* rows in a stable order: CHILD, then date.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db.models import Q

from irohub.children.models import Child, Episode, HeaderYear
from irohub.reviews.models import Review

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]  # fmt: skip
REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
UASC = ["CHILD", "SEX", "DOB", "DUC"]
SHORT_BREAKS = ("V3", "V4")
# A placement code re-coded when its list changed (DfE rule 503D accepts H5 -> K3 and
# Z1 -> Z11-Z14 across the year boundary): an episode open across the change is written with
# the code of the year being returned.
PLACE_FROM_2025 = {"H5": "K3"}
PLACE_BEFORE_2025 = {"Z11": "Z1", "Z12": "Z1", "Z13": "Z1", "Z14": "Z1"}
NEW_SEX_CODES_FROM = 2024
OLD_SEX = {"M": "1", "F": "2", "U": ""}


@dataclass(frozen=True)
class CollectionYear:
    start_year: int

    @classmethod
    def parse(cls, text: str) -> CollectionYear:
        """`2024-25` or `2024/25`."""
        match = re.fullmatch(r"\s*(\d{4})\s*[-/]\s*(\d{2})\s*", text or "")
        if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
            raise ValueError(f"not a collection year such as 2024-25 or 2024/25 ({text})")
        return cls(int(match.group(1)))

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"


def dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def tables(year: CollectionYear) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The four tables as (columns, rows), built in four queries."""
    episodes = list(
        Episode.objects.filter(decom__lte=year.end)
        .filter(Q(dec__isnull=True) | Q(dec__gte=year.start))
        .order_by("child__child_id", "decom")
        .values_list(
            "child__child_id",
            "decom",
            "rne",
            "ls",
            "cin",
            "place",
            "place_provider",
            "dec",
            "rec",
            "reason_place_change",
            "home_post",
            "pl_post",
            "urn",
        )  # fmt: skip
    )
    in_year = {e[0] for e in episodes}
    short_only = in_year - {e[0] for e in episodes if e[3] not in SHORT_BREAKS}
    children = _children(in_year, year)
    return {
        "header": (HEADER, _header_rows(children, short_only, year)),
        "episodes": (EPISODES, [_episode_row(e, year) for e in episodes]),
        "reviews": (REVIEWS, _review_rows(in_year - short_only, children, year)),
        "uasc": (UASC, _uasc_rows(children, year)),
    }


def _children(ids: set[str], year: CollectionYear) -> dict[str, tuple]:
    """Each child's header: as returned for this year when an extract of it was imported,
    else the child's latest."""
    rows = Child.objects.filter(child_id__in=ids) if len(ids) < 20000 else Child.objects.all()
    fields = ("child_id", "sex", "dob", "ethnicity", "upn", "mother", "mc_dob", "uasc",
              "uasc_ceased")  # fmt: skip
    children = {r[0]: r for r in rows.values_list(*fields) if r[0] in ids}
    returned = HeaderYear.objects.filter(year=year.start_year).values_list(
        "child__child_id", "sex", "dob", "ethnicity", "upn", "mother", "mc_dob"
    )
    for child_id, *header in returned:
        if child_id in children:
            children[child_id] = (child_id, *header, *children[child_id][7:])
    return children


def _sex(code: str, year: CollectionYear) -> str:
    return code if year.start_year >= NEW_SEX_CODES_FROM else OLD_SEX.get(code, "")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else "1" if value else "0"


def _header_rows(children, short_only, year) -> list[list[str]]:
    rows = []
    for child_id in sorted(children):
        _, sex, dob, ethnic, upn, mother, mc_dob, _, _ = children[child_id]
        if child_id in short_only:
            mother = None
        rows.append(
            [child_id, _sex(sex, year), dmy(dob), ethnic, upn, _yes_no(mother), dmy(mc_dob)]
        )
    return rows


def _episode_row(e, year: CollectionYear) -> list[str]:
    child, decom, rne, ls, cin, place, provider, dec, rec, change, home, pl_post, urn = e
    if dec is not None and dec > year.end:
        dec, rec, change = None, "", ""  # still open at the end of this year
    place = (PLACE_FROM_2025 if year.start_year >= 2025 else PLACE_BEFORE_2025).get(place, place)
    return [
        child,
        dmy(decom),
        rne,
        ls,
        cin,
        place,
        provider,
        dmy(dec),
        rec,
        change,
        home,
        pl_post,
        urn,
    ]


def _review_rows(children: set[str], details, year) -> list[list[str]]:
    reviews = (
        Review.objects.filter(review_date__range=(year.start, year.end))
        .exclude(statutory_basis=Review.Basis.REG48)
        .order_by("child__child_id", "review_date")
        .values_list("child__child_id", "review_date", "pn_code")
    )
    return [
        [child, dmy(details[child][2]), dmy(day), code]
        for child, day, code in reviews
        if child in children
    ]


def _uasc_rows(children, year) -> list[list[str]]:
    rows = []
    for child_id in sorted(children):
        _, sex, dob, *_, uasc, ceased = children[child_id]
        if uasc and (ceased is None or ceased >= year.start):
            rows.append([child_id, _sex(sex, year), dmy(dob), dmy(ceased)])
    return rows


def write(year: CollectionYear, folder: Path) -> dict[str, int]:
    """Write header.csv, episodes.csv, reviews.csv and uasc.csv; return the rows per file."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, (columns, rows) in tables(year).items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(columns)
            out.writerows(rows)
        written[f"{name}.csv"] = len(rows)
    return written
