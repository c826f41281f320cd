"""Header, reviews and UASC rules, and the cross-table (INT) rules."""

from __future__ import annotations

from datetime import date, datetime

from irohub.statutory.participation import age_on, birthday

from .codes import ETHNIC, PN, sex_codes, upn_valid

Row = dict[str, str]
Tables = dict[str, list[Row]]
Problem = tuple[str, str, int, str, str]


def dmy(text: str) -> date | None:
    """A dd/mm/YYYY date, or None for a blank or malformed value."""
    try:
        return datetime.strptime(text, "%d/%m/%Y").date() if text else None
    except ValueError:
        return None


def check_people(tables: Tables, year: int, cut: date) -> list[Problem]:
    out: list[Problem] = []
    header = {}
    for n, r in enumerate(tables.get("header", []), 1):
        child = r["CHILD"]

        def bad(rule: str, msg: str, n=n, child=child) -> None:
            out.append((rule, "header", n, child, msg))

        if child in header:
            bad("INT-dup", "child appears twice")
        header[child] = r
        dob = dmy(r["DOB"])
        if dob is None:
            bad("102", f"DOB not a dd/mm/YYYY date ({r['DOB']})")
        if r["SEX"] not in sex_codes(year):
            bad("101", f"SEX code not valid this year ({r['SEX']})")
        if r["ETHNIC"] not in ETHNIC:
            bad("103", f"ETHNIC not valid ({r['ETHNIC']})")
        if not upn_valid(r["UPN"]):
            bad("168", f"UPN not valid ({r['UPN']})")
        if dob and r["UPN"] == "UN1" and age_on(dob, date(year - 1, 8, 31)) >= 4:
            bad("209", "UN1 for a child of school age")
        if r["MOTHER"] == "1" and not dmy(r["MC_DOB"]):
            bad("611", "a mother without MC_DOB")
    out += _reviews(tables, header, year, cut)
    out += _uasc(tables, header, year)
    out += _mother(tables, header)
    return out


def _reviews(tables: Tables, header: dict[str, Row], year: int, cut: date) -> list[Problem]:
    out: list[Problem] = []
    short_only = _short_break_only(tables)
    for n, r in enumerate(tables.get("reviews", []), 1):
        child, when, h = r["CHILD"], dmy(r["REVIEW"]), header.get(r["CHILD"])
        if h is None:
            out.append(("INT08", "reviews", n, child, "child not in header"))
            continue
        if r["DOB"] != h["DOB"]:
            out.append(("INT17", "reviews", n, child, "DOB differs from header"))
        if when is None or not (date(year, 4, 1) <= when <= cut):
            out.append(
                ("166", "reviews", n, child, f"REVIEW missing or outside the year ({r['REVIEW']})")
            )
            continue
        if r["REVIEW_CODE"] not in PN:
            out.append(("167", "reviews", n, child, f"REVIEW_CODE not valid ({r['REVIEW_CODE']})"))
        dob = dmy(h["DOB"])
        if dob and r["REVIEW_CODE"] == "PN0" and when > birthday(dob, 4):
            out.append(("440", "reviews", n, child, "PN0 for a child aged 4 or over"))
        if dob and r["REVIEW_CODE"] not in ("PN0", "") and when < birthday(dob, 4):
            out.append(("441", "reviews", n, child, f"{r['REVIEW_CODE']} for a child under 4"))
        if child in short_only:
            out.append(("399", "reviews", n, child, "review for a child only on short breaks"))
    return out


def _short_break_only(tables: Tables) -> set[str]:
    legal: dict[str, set[str]] = {}
    for r in tables.get("episodes", []):
        legal.setdefault(r["CHILD"], set()).add(r["LS"])
    return {c for c, ls in legal.items() if ls <= {"V3", "V4"}}


def _uasc(tables: Tables, header: dict[str, Row], year: int) -> list[Problem]:
    out: list[Problem] = []
    seen = set()
    for n, r in enumerate(tables.get("uasc", []), 1):
        child, h = r["CHILD"], header.get(r["CHILD"])
        if h is None:
            out.append(("INT09", "uasc", n, child, "child not in header"))
            continue
        if child in seen:
            out.append(("INT36", "uasc", n, child, "child twice in uasc"))
        seen.add(child)
        if r["SEX"] != h["SEX"] or r["DOB"] != h["DOB"]:
            out.append(("INT18/21", "uasc", n, child, "SEX or DOB differs from header"))
        duc, dob = dmy(r["DUC"]), dmy(h["DOB"])
        if r["DUC"] and duc is None:
            out.append(("DUC", "uasc", n, child, f"DUC not a date ({r['DUC']})"))
        if duc and dob and duc > birthday(dob, 18):
            out.append(("304", "uasc", n, child, "DUC after the 18th birthday"))
    return out


def _mother(tables: Tables, header: dict[str, Row]) -> list[Problem]:
    """393/607: a looked-after girl needs MOTHER 0/1; 399: blank for short breaks only."""
    out: list[Problem] = []
    short_only = _short_break_only(tables)
    for n, (child, h) in enumerate(header.items(), 1):
        girl = h["SEX"] in ("2", "F")
        if child in short_only and h["MOTHER"]:
            out.append(("399", "header", n, child, "MOTHER given for a child only on short breaks"))
        elif girl and child not in short_only and h["MOTHER"] not in ("0", "1"):
            out.append(("393", "header", n, child, "MOTHER missing for a looked-after girl"))
    return out
