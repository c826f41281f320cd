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
    out = []
    start, end = dmy(r["DECOM"]), dmy(r["DEC"])
    for col, codes, rule in (
        ("RNE", RNE, "143"),
        ("LS", LS, "144"),
        ("CIN", CIN, "145"),
        ("PLACE", place_codes(year), "146"),
    ):
        if r[col] not in codes:
            out.append((rule, f"{col} not valid this year ({r[col]})"))
    if r["REC"] and r["REC"] not in REC:
        out.append(("149", f"REC not valid ({r['REC']})"))
    if r["PLACE_PROVIDER"] and r["PLACE_PROVIDER"] not in PROVIDER:
        out.append(("178", f"PLACE_PROVIDER not valid ({r['PLACE_PROVIDER']})"))
    if r["REASON_PLACE_CHANGE"] and r["REASON_PLACE_CHANGE"] not in REASON:
        out.append(("1009", f"REASON_PLACE_CHANGE not valid ({r['REASON_PLACE_CHANGE']})"))
    if start is None:
        return out + [("141", f"DECOM not a date ({r['DECOM']})")]
    if bool(r["DEC"]) != bool(r["REC"]):
        out.append(("148", "DEC and REC must both be given or both blank"))
    if r["DEC"] and end is None:
        out.append(("147", f"DEC not a date ({r['DEC']})"))
    if end and end < start:
        out.append(("356", "DEC before DECOM"))
    if end and end == start:
        out.append(("355", "episode of less than a day"))
    if end and end > cut:
        out.append(("354", "DEC after the end of the year (or as-at)"))
    if not end and r["REASON_PLACE_CHANGE"]:
        out.append(("233", "reason for placement change on an open episode"))
    if year >= 2023 and r["PLACE"] == "P2" and (end is None or end > K3_FROM):
        out.append(("217t", "P2 after 28/10/2023"))
    out += _placement(r, year)
    out += _ages(r, start, end or cut, dob)
    return out


def _placement(r: Row, year: int) -> list[tuple[str, str]]:
    out, place, provider, urn = [], r["PLACE"], r["PLACE_PROVIDER"], r["URN"]
    short_break = r["LS"] in ("V3", "V4")
    if place in TEMPORARY and provider:
        out.append(("213", "no provider for a temporary placement"))
    if not provider and place not in TEMPORARY | {"Z1", "Z11", "Z12", "Z13", "Z14"}:
        out.append(("526", "placement provider missing"))
    rules = {
        "PR1": ("527", {"P1", "R2", "R5"}),
        "PR2": ("528", {"P1", "R2", "R5"}),
        "PR3": (
            "529",
            {"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"},
        ),
        "PR4": ("530", {"P1"}),
        "PR5": ("531", {"P1"}),
    }
    if provider in rules and place in rules[provider][1]:
        out.append((rules[provider][0], f"{provider} cannot provide {place}"))
    if provider == "PR0" and place != "P1":
        out.append(("550", "PR0 only with P1"))
    if short_break and (r["PL_POST"] or urn):
        out.append(("214", "no placement postcode or URN for short breaks"))
    exempt = urn_exempt(year)
    if not urn and place not in exempt and not short_break:
        out.append(("218", f"URN required for {place}"))
    if urn and urn != "XXXXXXX" and place in exempt:
        out.append(("222", f"no URN for {place}"))
    if urn == "XXXXXXX" and not (place.startswith("A") or place.startswith("U")):
        out.append(("242", "XXXXXXX only for adoption agencies"))
    if place != "P1" and r["HOME_POST"] and r["HOME_POST"] == r["PL_POST"]:
        out.append(("392d", "home and placement postcodes equal outside P1"))
    if r["LS"] == "V2" and place == "P1":
        out.append(("378", "s20 (V2) placed with parents"))
    if short_break and place in ("U1", "U4"):
        out.append(("384", "short breaks in a long-term foster placement"))
    return out


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
        prev_end, start = dmy(prev["DEC"]), dmy(cur["DECOM"])
        if prev_end is None:
            out.append(("142", pn, "a later episode starts while this one is open"))
            continue
        if start and start < prev_end:
            out.append(("501", n, "starts before the previous episode ended"))
        same_day = start == prev_end
        if cur["RNE"] == "S" and same_day:
            out.append(("431", n, "RNE S on the day the previous episode ended"))
        if cur["RNE"] != "S" and not same_day:
            out.append(("433", n, "continuation episode not starting on the previous DEC"))
        if prev["REC"] in LEAVING and cur["RNE"] != "S":
            out.append(("432", n, "after leaving care the next episode must be RNE S"))
        if prev["REC"] in ("E2",) or (
            prev["REC"] in LEAVING and dob and prev_end >= birthday(dob, 18)
        ):
            out.append(("437", pn, "died or 18+ but further episodes follow"))
        if cur["RNE"] == "S":
            cin = cur["CIN"]
        elif cur["CIN"] != cin:
            out.append(("504", n, "CIN changed within a period of care"))
        out += [(rule, n, msg) for rule, msg in _rne(prev, cur)]
        if (
            prev["REC"] == "X1"
            and cur["RNE"] != "S"
            and not prev["REASON_PLACE_CHANGE"]
            and cur["RNE"] in ("P", "B", "T", "U")
            and prev["PLACE"] not in TEMPORARY
            and cur["PLACE"] not in TEMPORARY
        ):
            out.append(("225", pn, "reason for placement change missing"))
    last_n, last = rows[-1]
    if last["REC"] == "X1":
        out.append(("388", last_n, "REC X1 with no following episode"))
    out += _legal_runs(rows)
    return out


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
