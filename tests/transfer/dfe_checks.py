"""A small checker for the DfE validation rules that apply to the header, episodes, reviews and
uasc tables of one collection year (ssda903.md §3), for testing exports. Each problem is
"rule CHILD: what"."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from irohub.statutory.participation import birthday

PN = {f"PN{n}" for n in range(8)}
LEFT_CARE = lambda rec: rec not in ("", "X1")  # noqa: E731


def read(folder: Path, name: str) -> list[dict]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def parse(text: str) -> date | None:
    if not re.fullmatch(r"\d{2}/\d{2}/\d{4}", text or ""):
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None


def check_return(folder: Path, start_year: int) -> list[str]:
    start, end = date(start_year, 4, 1), date(start_year + 1, 3, 31)
    header = {r["CHILD"]: r for r in read(folder, "header.csv")}
    episodes = read(folder, "episodes.csv")
    problems = _header(header, start_year) + _episodes(episodes, header, start, end)
    problems += _reviews(read(folder, "reviews.csv"), header, episodes)
    problems += _uasc(read(folder, "uasc.csv"), header)
    return problems


def _header(header, start_year) -> list[str]:
    sexes = {"M", "F", "U"} if start_year >= 2024 else {"1", "2"}
    return [f"101 {c}: SEX {r['SEX']}" for c, r in header.items() if r["SEX"] not in sexes] + [
        f"DOB {c}" for c, r in header.items() if parse(r["DOB"]) is None
    ]


def _episodes(episodes, header, start, end) -> list[str]:
    problems, by_child = [], defaultdict(list)
    for e in episodes:
        if e["CHILD"] not in header:
            problems.append(f"INT03 {e['CHILD']}: not in header")
        decom, dec = parse(e["DECOM"]), parse(e["DEC"]) if e["DEC"] else None
        if decom is None or (e["DEC"] and dec is None):
            problems.append(f"141/147 {e['CHILD']}: date")
            continue
        if bool(e["DEC"]) != bool(e["REC"]):
            problems.append(f"148 {e['CHILD']} {e['DECOM']}: DEC/REC")
        if dec and dec == decom:
            problems.append(f"355 {e['CHILD']} {e['DECOM']}: one day")
        if dec and dec < decom:
            problems.append(f"356 {e['CHILD']} {e['DECOM']}: ends first")
        if dec and dec > end:
            problems.append(f"354 {e['CHILD']} {e['DECOM']}: ends after the year")
        if not dec and e["REASON_PLACE_CHANGE"]:
            problems.append(f"233 {e['CHILD']} {e['DECOM']}: reason on an open episode")
        by_child[e["CHILD"]].append((decom, dec, e))
    for child, rows in by_child.items():
        problems += _chain(child, sorted(rows, key=lambda r: r[0]), start)
    return problems


def _chain(child, rows, start) -> list[str]:
    problems = []
    first = next((r for r in rows if r[0] >= start), None)
    if first is not None and first is rows[0] and first[2]["RNE"] != "S":
        problems.append(f"357 {child}: first episode {first[2]['DECOM']} not S")
    for (_, p_end, p), (decom, _, e) in zip(rows, rows[1:], strict=False):
        if p_end is None or decom < p_end:
            problems.append(f"501 {child} {e['DECOM']}: overlaps")
        elif e["RNE"] == "S" and decom == p_end:
            problems.append(f"431 {child} {e['DECOM']}: S on the previous DEC")
        elif e["RNE"] != "S" and decom != p_end:
            problems.append(f"433 {child} {e['DECOM']}: continuation after a gap")
        if p_end is not None and LEFT_CARE(p["REC"]) and e["RNE"] != "S":
            problems.append(f"432 {child} {e['DECOM']}: not S after leaving care")
    starts = {r[0] for r in rows}
    for _, dec, e in rows:
        if e["REC"] == "X1" and dec not in starts:
            problems.append(f"388 {child} {e['DECOM']}: X1 with no episode starting on its DEC")
    return problems


def _reviews(reviews, header, episodes) -> list[str]:
    problems = []
    short_only = {e["CHILD"] for e in episodes} - {
        e["CHILD"] for e in episodes if e["LS"] not in ("V3", "V4")
    }
    for r in reviews:
        child = r["CHILD"]
        if child not in header:
            problems.append(f"INT08 {child}: not in header")
            continue
        if r["DOB"] != header[child]["DOB"]:
            problems.append(f"INT17 {child}: DOB differs")
        day = parse(r["REVIEW"])
        if day is None:
            problems.append(f"166 {child}: REVIEW {r['REVIEW']}")
            continue
        if r["REVIEW_CODE"] not in PN:
            problems.append(f"167 {child} {r['REVIEW']}: code {r['REVIEW_CODE']!r}")
        fourth = birthday(parse(header[child]["DOB"]), 4)
        if r["REVIEW_CODE"] == "PN0" and day > fourth:
            problems.append(f"440 {child} {r['REVIEW']}")
        if r["REVIEW_CODE"] in PN - {"PN0"} and day < fourth:
            problems.append(f"441 {child} {r['REVIEW']}")
        if child in short_only:
            problems.append(f"399 {child}: review for a short-break-only child")
    for child in short_only:
        if header.get(child, {}).get("MOTHER"):
            problems.append(f"399 {child}: MOTHER for a short-break-only child")
    return problems


def _uasc(uasc, header) -> list[str]:
    problems, seen = [], set()
    for r in uasc:
        child = r["CHILD"]
        if child not in header:
            problems.append(f"INT09 {child}: not in header")
            continue
        if child in seen:
            problems.append(f"INT36 {child}: twice")
        seen.add(child)
        if r["SEX"] != header[child]["SEX"]:
            problems.append(f"INT21 {child}: SEX differs")
        if r["DOB"] != header[child]["DOB"]:
            problems.append(f"INT18 {child}: DOB differs")
        if r["DUC"] and parse(r["DUC"]) > birthday(parse(header[child]["DOB"]), 18):
            problems.append(f"304 {child}: DUC after the 18th birthday")
    return problems
