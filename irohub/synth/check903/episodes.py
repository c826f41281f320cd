"""Episode rules: codes, dates, the chain of episodes, ages, providers, URNs, postcodes."""

from __future__ import annotations

from datetime import date

from irohub.statutory.participation import age_on, birthday

from .codes import (
    ADOPTED,
    CIN,
    K3_FROM,
    LEAVING,
    LS,
    PROVIDER,
    REASON,
    REC,
    RNE,
    SGO,
    TEMPORARY,
    place_codes,
    urn_exempt,
)
from .people import Problem, Row, Tables, dmy

MIN_AGE = {"K3": 16, "H5": 16, "R5": 10, "S1": 4, "P3": 14}  # 371-374
LS_MAX_DAYS = {"L1": 3, "L2": 21, "L3": 7}  # 361-363 (72 hours as 3 days)
PLACEMENT_FIELDS = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


def check_episodes(tables: Tables, year: int, cut: date) -> list[Problem]:
    dobs = {h["CHILD"]: dmy(h["DOB"]) for h in tables.get("header", [])}
    by_child: dict[str, list[tuple[int, Row]]] = {}
    out: list[Problem] = []
    for n, r in enumerate(tables.get("episodes", []), 1):
        if r["CHILD"] not in dobs:
            out.append(("INT03", "episodes", n, r["CHILD"], "child not in header"))
        by_child.setdefault(r["CHILD"], []).append((n, r))
        out += [
            ("episodes" if rule is None else rule, "episodes", n, r["CHILD"], msg)
            for rule, msg in _row(r, year, cut, dobs.get(r["CHILD"]))
        ]
    for child, rows in by_child.items():
        out += [
            (rule, "episodes", n, child, msg)
            for rule, n, msg in _chain(rows, year, dobs.get(child))
        ]
    return out


def _row(r: Row, year: int, cut: date, dob: date | None) -> list[tuple[str, str]]:
    start, end = dmy(r["DECOM"]), dmy(r["DEC"])
    out = _codes(r, year)
    if start is None:
        return out + [("141", f"DECOM not a date ({r['DECOM']})")]
    return (
        out
        + _dates(r, start, end, year, cut)
        + _placement(r, year)
        + _ages(r, start, end or cut, dob)
    )


def _codes(r: Row, year: int) -> list[tuple[str, str]]:
    """143-146 (required codes), 149, 178, 1009 (optional codes)."""
    out = []
    required = (
        ("RNE", RNE, "143"),
        ("LS", LS, "144"),
        ("CIN", CIN, "145"),
        ("PLACE", place_codes(year), "146"),
    )
    for col, codes, rule in required:
        if r[col] not in codes:
            out.append((rule, f"{col} not valid this year ({r[col]})"))
    for col, codes, rule in (
        ("REC", REC, "149"),
        ("PLACE_PROVIDER", PROVIDER, "178"),
        ("REASON_PLACE_CHANGE", REASON, "1009"),
    ):
        if r[col] and r[col] not in codes:
            out.append((rule, f"{col} not valid ({r[col]})"))
    return out


def _dates(r: Row, start: date, end: date | None, year: int, cut: date) -> list[tuple[str, str]]:
    checks = (
        ("148", bool(r["DEC"]) != bool(r["REC"]), "DEC and REC must both be given or both blank"),
        ("147", bool(r["DEC"]) and end is None, f"DEC not a date ({r['DEC']})"),
        ("356", end is not None and end < start, "DEC before DECOM"),
        ("355", end is not None and end == start, "episode of less than a day"),
        ("354", end is not None and end > cut, "DEC after the end of the year (or as-at)"),
        (
            "233",
            end is None and bool(r["REASON_PLACE_CHANGE"]),
            "reason for placement change on an open episode",
        ),
        (
            "217t",
            year >= 2023 and r["PLACE"] == "P2" and (end is None or end > K3_FROM),
            "P2 after 28/10/2023",
        ),
    )
    return [(rule, msg) for rule, bad, msg in checks if bad]


NOT_PROVIDED_BY = {  # provider: (rule, placements it cannot provide) - 527-531
    "PR1": ("527", {"P1", "R2", "R5"}),
    "PR2": ("528", {"P1", "R2", "R5"}),
    "PR3": ("529", {"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"}),
    "PR4": ("530", {"P1"}),
    "PR5": ("531", {"P1"}),
}
NO_PROVIDER = TEMPORARY | {"Z1", "Z11", "Z12", "Z13", "Z14"}


def _placement(r: Row, year: int) -> list[tuple[str, str]]:
    """Provider (213, 526-531, 550), URN (214, 218, 222, 242) and other placement rules."""
    place, provider, urn = r["PLACE"], r["PLACE_PROVIDER"], r["URN"]
    short_break, exempt = r["LS"] in ("V3", "V4"), urn_exempt(year)
    rule, cannot = NOT_PROVIDED_BY.get(provider, ("", set()))
    checks = (
        ("213", place in TEMPORARY and bool(provider), "no provider for a temporary placement"),
        ("526", not provider and place not in NO_PROVIDER, "placement provider missing"),
        (rule, place in cannot, f"{provider} cannot provide {place}"),
        ("550", provider == "PR0" and place != "P1", "PR0 only with P1"),
        (
            "214",
            short_break and bool(r["PL_POST"] or urn),
            "no placement postcode or URN for short breaks",
        ),
        ("218", not urn and place not in exempt and not short_break, f"URN required for {place}"),
        ("222", bool(urn) and urn != "XXXXXXX" and place in exempt, f"no URN for {place}"),
        (
            "242",
            urn == "XXXXXXX" and place[:1] not in ("A", "U"),
            "XXXXXXX only for adoption agencies",
        ),
        (
            "392d",
            place != "P1" and bool(r["HOME_POST"]) and r["HOME_POST"] == r["PL_POST"],
            "home and placement postcodes equal outside P1",
        ),
        ("378", r["LS"] == "V2" and place == "P1", "s20 (V2) placed with parents"),
        (
            "384",
            short_break and place in ("U1", "U4"),
            "short breaks in a long-term foster placement",
        ),
    )
    return [(rule, msg) for rule, bad, msg in checks if bad]


def _ages(r: Row, start: date, until: date, dob: date | None) -> list[tuple[str, str]]:
    if dob is None:
        return []
    out, age, rec = [], age_on(dob, start), r["REC"]
    if start < dob:
        out.append(("302", "episode starts before the date of birth"))
    if r["PLACE"] in MIN_AGE and age < MIN_AGE[r["PLACE"]]:
        out.append(
            (
                {"K3": "371", "H5": "371", "R5": "372", "S1": "373", "P3": "374"}[r["PLACE"]],
                f"{r['PLACE']} for a child aged {age}",
            )
        )
    if r["LS"] in ("J1", "J2", "J3") and age < 10:
        out.append(("358", f"{r['LS']} for a child under 10"))
    if r["RNE"] == "S" and age >= 18:
        out.append(("352", "started care aged 18 or over"))
    end = dmy(r["DEC"])
    if end:
        adult = end >= birthday(dob, 18)
        checks = (
            ("386", rec in ADOPTED and adult),
            ("407", rec in SGO and adult),
            ("387", rec in ("E5", "E6") and age_on(dob, end) < 14),
            ("389", rec == "E7" and age_on(dob, end) < 16),
            ("460", rec == "E17" and not adult),
        )
        out += [(rule, f"REC {rec} at age {age_on(dob, end)}") for rule, bad in checks if bad]
    if r["LS"] in ("V3", "V4") and (until - start).days > 17:
        out.append(("365", "a short break of more than 17 days"))
    return out


def _changed(a: Row, b: Row) -> tuple[bool, bool]:
    return a["LS"] != b["LS"], any(a[f] != b[f] for f in PLACEMENT_FIELDS)


def _chain(rows: list[tuple[int, Row]], year: int, dob: date | None) -> list[tuple[str, int, str]]:
    out = []
    rows = sorted(rows, key=lambda x: dmy(x[1]["DECOM"]) or date.min)
    first_n, first = rows[0]
    if first["RNE"] != "S" and (dmy(first["DECOM"]) or date.min) >= date(year, 4, 1):
        out.append(("357", first_n, "the first episode starts in the year without RNE S"))
    cin = first["CIN"]
    for (pn, prev), (n, cur) in zip(rows, rows[1:], strict=False):
        out += [(rule, pn if on_prev else n, msg) for rule, on_prev, msg in _pair(prev, cur, dob)]
        if cur["RNE"] == "S":
            cin = cur["CIN"]
        elif cur["CIN"] != cin:
            out.append(("504", n, "CIN changed within a period of care"))
    last_n, last = rows[-1]
    if last["REC"] == "X1":
        out.append(("388", last_n, "REC X1 with no following episode"))
    return out + _legal_runs(rows)


def _pair(prev: Row, cur: Row, dob: date | None) -> list[tuple[str, bool, str]]:
    """Rules on two consecutive episodes: (rule, reported on the earlier episode?, message)."""
    prev_end, start = dmy(prev["DEC"]), dmy(cur["DECOM"])
    if prev_end is None:
        return [("142", True, "a later episode starts while this one is open")]
    same_day, s = start == prev_end, cur["RNE"] == "S"
    adult = dob is not None and prev_end >= birthday(dob, 18)
    moved = cur["RNE"] in ("P", "B", "T", "U") and not ({prev["PLACE"], cur["PLACE"]} & TEMPORARY)
    checks = (
        (
            "501",
            False,
            start is not None and start < prev_end,
            "starts before the previous episode ended",
        ),
        ("431", False, s and same_day, "RNE S on the day the previous episode ended"),
        (
            "433",
            False,
            not s and not same_day,
            "continuation episode not starting on the previous DEC",
        ),
        (
            "432",
            False,
            prev["REC"] in LEAVING and not s,
            "after leaving care the next episode must be RNE S",
        ),
        (
            "437",
            True,
            prev["REC"] == "E2" or (prev["REC"] in LEAVING and adult),
            "died or 18+ but further episodes follow",
        ),
        (
            "225",
            True,
            prev["REC"] == "X1" and moved and not prev["REASON_PLACE_CHANGE"],
            "reason for placement change missing",
        ),
    )
    out = [(rule, on_prev, msg) for rule, on_prev, bad, msg in checks if bad]
    return out + [(rule, False, msg) for rule, msg in _rne(prev, cur)]


def _rne(prev: Row, cur: Row) -> list[tuple[str, str]]:
    ls_changed, placement_changed = _changed(prev, cur)
    rne = cur["RNE"]
    if rne == "L" and (not ls_changed or placement_changed):
        return [("434", "RNE L but the legal status did not change alone")]
    if rne in ("P", "T") and (ls_changed or not placement_changed):
        return [("435", f"RNE {rne} but not a placement change alone")]
    if rne in ("B", "U") and not (ls_changed and placement_changed):
        return [("436", f"RNE {rne} but not both changed")]
    if cur["PLACE"] in ("A3", "A5") and rne not in ("S", "T", "U"):
        return [("217", f"{cur['PLACE']} must start with RNE S, T or U")]
    return []


def _legal_runs(rows: list[tuple[int, Row]]) -> list[tuple[str, int, str]]:
    """361-363: a continuous run of L1/L2/L3 episodes must not exceed its limit."""
    out, run_start, run_ls = [], None, None
    for n, r in rows:
        start, end = dmy(r["DECOM"]), dmy(r["DEC"])
        if r["LS"] in LS_MAX_DAYS:
            if run_ls != r["LS"] or r["RNE"] == "S":
                run_start, run_ls = start, r["LS"]
            if end and run_start and (end - run_start).days > LS_MAX_DAYS[r["LS"]]:
                out.append(
                    (
                        {"L1": "361", "L2": "362", "L3": "363"}[r["LS"]],
                        n,
                        f"{r['LS']} lasted more than {LS_MAX_DAYS[r['LS']]} days",
                    )
                )
        else:
            run_ls = None
    return out
