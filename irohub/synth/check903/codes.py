"""Code lists of the SSDA903 return by collection year (ssda903.md §2; validator 0.1.17)."""

from __future__ import annotations

from datetime import date

ETHNIC = frozenset(
    [
        "WBRI",
        "WIRI",
        "WOTH",
        "WIRT",
        "WROM",
        "MWBC",
        "MWBA",
        "MWAS",
        "MOTH",
        "AIND",
        "APKN",
        "ABAN",
        "AOTH",
        "BCRB",
        "BAFR",
        "BOTH",
        "CHNE",
        "OOTH",
        "REFU",
        "NOBT",
    ]
)
RNE = frozenset(["S", "L", "P", "T", "B", "U"])
LS = frozenset(["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"])
CIN = frozenset(f"N{i}" for i in range(1, 9))
REC = frozenset(
    [
        "X1",
        "E11",
        "E12",
        "E2",
        "E3",
        "E4A",
        "E4B",
        "E13",
        "E41",
        "E45",
        "E46",
        "E47",
        "E48",
        "E5",
        "E6",
        "E7",
        "E8",
        "E9",
        "E14",
        "E15",
        "E16",
        "E17",
    ]
)
PROVIDER = frozenset(f"PR{i}" for i in range(6))
REASON = frozenset(
    [
        "CARPL",
        "CLOSE",
        "ALLEG",
        "STAND",
        "APPRR",
        "CREQB",
        "CREQO",
        "CHILD",
        "LAREQ",
        "PLACE",
        "CUSTOD",
        "OTHER",
    ]
)
PN = frozenset(f"PN{i}" for i in range(8))
TEMPORARY = frozenset(["T0", "T1", "T2", "T3", "T4"])
_COMMON = [
    "A3",
    "A4",
    "A5",
    "A6",
    "K1",
    "K2",
    "P1",
    "P3",
    "R1",
    "R2",
    "R3",
    "R5",
    "S1",
    "T0",
    "T1",
    "T2",
    "T3",
    "T4",
    "U1",
    "U2",
    "U3",
    "U4",
    "U5",
    "U6",
]
Z_NEW = frozenset(["Z11", "Z12", "Z13", "Z14"])
K3_FROM = date(2023, 10, 28)  # K3 replaces H5 and P2 (rule 217t)
LEAVING = REC - {"X1"}
ADOPTED = frozenset({"E11", "E12"})
SGO = frozenset({"E45", "E46", "E47", "E48"})


def place_codes(year: int) -> frozenset[str]:
    """PLACE codes valid in the collection year starting 1 April `year` (rule 146), with K3
    accepted from 2023-24 (the validator's own list omits it there: a known fault)."""
    if year >= 2025:
        return frozenset(_COMMON) | {"K3"} | Z_NEW
    codes = frozenset(_COMMON) | {"H5", "P2", "Z1"}
    return codes | {"K3"} if year >= 2023 else codes


def sex_codes(year: int) -> frozenset[str]:
    """1/2 until 2023-24; M/F/U from 2024-25 (rule 101)."""
    return frozenset({"M", "F", "U"}) if year >= 2024 else frozenset({"1", "2"})


def urn_exempt(year: int) -> frozenset[str]:
    """Placements that take no URN (218 requires one for all others; 222 forbids one here)."""
    if year >= 2025:
        return frozenset(["P1", "P3", "R1", "R2", "R5"]) | TEMPORARY | Z_NEW
    return frozenset(["H5", "P1", "P2", "P3", "R1", "R2", "R5", "Z1"]) | TEMPORARY


UPN_CHECK = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_valid(upn: str) -> bool:
    """Rule 168: UN1-UN5, or a letter (not I, O, S) and 12 characters (digits, the last may be a
    letter), here also with a correct check letter."""
    if upn in {"UN1", "UN2", "UN3", "UN4", "UN5"}:
        return True
    if len(upn) != 13 or upn[0] not in UPN_CHECK or not upn[1:12].isdigit():
        return False
    if not upn[12].isdigit():
        return upn[12].isalpha()
    total = sum(int(c) * w for c, w in zip(upn[1:], range(2, 14), strict=True))
    return UPN_CHECK[total % 23] == upn[0]
