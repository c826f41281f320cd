"""A reusable checker for one collection year of the SSDA903 return (header, episodes, reviews,
uasc), implementing the DfE validation rules that concern those tables (ssda903.md §3), so
generated or exported 903 files can be tested without the DfE validator.

    from irohub.synth.check903 import check_folder
    problems = check_folder("out/ssda903/2024-25", 2024, as_at=date(2026, 11, 22))
    assert not problems, problems[:10]

Each problem is (rule, table, row, child, message) with `row` the 1-based data row. `as_at`
marks a partial (current) year: open episodes are then judged at as-at, not at 31 March.
Not covered: rules needing other tables (AD1, OC2, missing...), the Ofsted URN lists, postcode
look-ups (392a-c, 169, 179) and previous-year continuity (502, 503, 562).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from .episodes import check_episodes
from .people import Problem, Tables, check_people

COLUMNS = {
    "header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "episodes": (
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
    ),
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "uasc": ("CHILD", "SEX", "DOB", "DUC"),
}

__all__ = ["COLUMNS", "Problem", "check_folder", "check_year", "read_year"]


def read_year(folder: str | Path) -> Tables:
    """The four tables of a year folder as lists of rows (missing files are empty tables)."""
    tables: Tables = {}
    for name in COLUMNS:
        path = Path(folder) / f"{name}.csv"
        if path.exists():
            with open(path, newline="", encoding="utf-8-sig") as f:
                tables[name] = list(csv.DictReader(f))
        else:
            tables[name] = []
    return tables


def check_year(tables: Tables, year: int, as_at: date | None = None) -> list[Problem]:
    """Every problem found in one collection year (starting 1 April `year`)."""
    end = date(year + 1, 3, 31)
    cut = min(end, as_at) if as_at else end
    problems: list[Problem] = []
    for name, cols in COLUMNS.items():
        rows = tables.get(name, [])
        if rows and tuple(rows[0].keys()) != cols:
            problems.append(("columns", name, 0, "", f"columns {tuple(rows[0].keys())} != {cols}"))
    problems += check_people(tables, year, cut)
    problems += check_episodes(tables, year, cut)
    return problems


def check_folder(folder: str | Path, year: int, as_at: date | None = None) -> list[Problem]:
    return check_year(read_year(folder), year, as_at)
