"""The 903 years pass the DfE rules (via irohub.synth.check903), and the checker catches mistakes."""

from __future__ import annotations

import datetime as dt

import pytest

from irohub.synth import generate, write
from irohub.synth.check903 import check_folder, check_year, read_year

from .conftest import AS_AT

YEARS = range(2016, 2027)


def label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


@pytest.mark.parametrize("year", YEARS)
def test_default_council_passes_the_dfe_rules(folder, year):
    problems = check_folder(folder / "ssda903" / label(year), year, as_at=AS_AT)
    assert problems == [], problems[:10]


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_other_seeds_pass_the_dfe_rules(tmp_path, seed):
    write(generate(children=150, years=10, seed=seed, as_at=AS_AT), tmp_path)
    for year in YEARS:
        problems = check_folder(tmp_path / "ssda903" / label(year), year, as_at=AS_AT)
        assert problems == [], (year, problems[:10])


def test_scoping_and_codes_by_year(folder):
    old, new, z = (read_year(folder / "ssda903" / label(y)) for y in (2023, 2024, 2025))
    assert {r["SEX"] for r in old["header"]} == {"1", "2"}
    assert {r["SEX"] for r in new["header"]} == {"M", "F"}
    assert not {"H5", "P2", "Z1"} & {r["PLACE"] for r in z["episodes"]}
    assert "K3" in {r["PLACE"] for r in z["episodes"]}
    before = read_year(folder / "ssda903" / label(2022))
    assert "K3" not in {r["PLACE"] for r in before["episodes"]}
    for tables in (old, new, z):
        children = [r["CHILD"] for r in tables["header"]]
        assert children == sorted(children)
        keys = [
            (r["CHILD"], dt.datetime.strptime(r["DECOM"], "%d/%m/%Y")) for r in tables["episodes"]
        ]
        assert keys == sorted(keys)


def test_open_episodes_at_year_end_have_no_end(folder):
    tables = read_year(folder / "ssda903" / label(2021))
    end = dt.date(2022, 3, 31)
    for r in tables["episodes"]:
        if r["DEC"]:
            assert dt.datetime.strptime(r["DEC"], "%d/%m/%Y").date() <= end
        else:
            assert not r["REC"] and not r["REASON_PLACE_CHANGE"]


def test_current_year_is_partial(folder):
    tables = read_year(folder / "ssda903" / label(2026))
    dates = [dt.datetime.strptime(r["REVIEW"], "%d/%m/%Y").date() for r in tables["reviews"]]
    assert max(dates) <= AS_AT


def good_year() -> dict:
    return {
        "header": [
            {
                "CHILD": "C1",
                "SEX": "M",
                "DOB": "01/06/2020",
                "ETHNIC": "WBRI",
                "UPN": "UN1",
                "MOTHER": "",
                "MC_DOB": "",
            }
        ],
        "episodes": [
            {
                "CHILD": "C1",
                "DECOM": "01/05/2024",
                "RNE": "S",
                "LS": "C1",
                "CIN": "N1",
                "PLACE": "U6",
                "PLACE_PROVIDER": "PR1",
                "DEC": "01/07/2024",
                "REC": "X1",
                "REASON_PLACE_CHANGE": "CARPL",
                "HOME_POST": "UB3 1AA",
                "PL_POST": "UB4 0AA",
                "URN": "SC123456",
            },
            {
                "CHILD": "C1",
                "DECOM": "01/07/2024",
                "RNE": "P",
                "LS": "C1",
                "CIN": "N1",
                "PLACE": "U4",
                "PLACE_PROVIDER": "PR4",
                "DEC": "",
                "REC": "",
                "REASON_PLACE_CHANGE": "",
                "HOME_POST": "UB3 1AA",
                "PL_POST": "UB5 0AA",
                "URN": "SC654321",
            },
        ],
        "reviews": [
            {"CHILD": "C1", "DOB": "01/06/2020", "REVIEW": "28/05/2024", "REVIEW_CODE": "PN0"}
        ],
        "uasc": [],
    }


def test_checker_accepts_a_clean_year():
    assert check_year(good_year(), 2024) == []


@pytest.mark.parametrize(
    ("table", "row", "field", "value", "rule"),
    [
        ("reviews", 0, "REVIEW_CODE", "PN1", "441"),
        ("header", 0, "SEX", "1", "101"),
        ("episodes", 0, "DEC", "", "148"),
        ("episodes", 1, "RNE", "S", "431"),
        ("episodes", 1, "RNE", "L", "434"),
        ("episodes", 1, "PLACE", "K3", "371"),
        ("episodes", 1, "PLACE_PROVIDER", "PR0", "550"),
        ("episodes", 1, "URN", "", "218"),
        ("episodes", 1, "PL_POST", "UB3 1AA", "392d"),
        ("episodes", 0, "REASON_PLACE_CHANGE", "", "225"),
        ("episodes", 1, "CIN", "N2", "504"),
        ("episodes", 1, "PLACE", "Q9", "146"),
        ("episodes", 1, "LS", "V2", "435"),
        ("uasc", None, None, None, "INT09"),
    ],
)
def test_checker_catches_planted_mistakes(table, row, field, value, rule):
    tables = good_year()
    if row is None:  # a UASC row for a child the header does not have
        tables[table].append({"CHILD": "C9", "SEX": "M", "DOB": "01/01/2008", "DUC": "01/01/2026"})
    else:
        tables[table][row][field] = value
    assert rule in {p[0] for p in check_year(tables, 2024)}


def test_some_girls_are_mothers(folder):
    mothers = [
        r for r in read_year(folder / "ssda903" / label(2025))["header"] if r["MOTHER"] == "1"
    ]
    assert mothers and all(r["MC_DOB"] and r["SEX"] == "F" for r in mothers)
