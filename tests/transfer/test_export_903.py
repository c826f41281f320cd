"""`irohub export 903`: the DfE's columns, formats and year scoping, and its validation rules."""

import csv
import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from irohub.audit.models import AuditEvent
from irohub.transfer.exporting.ssda903 import CollectionYear
from irohub.transfer.services import export_903, import_folder
from transfer.dfe_checks import check_return
from transfer.folder import EPISODES, HEADER, REVIEWS, UASC, write_csv

D = dt.date


def rows(folder, name):
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_collection_years_parse_both_ways():
    assert (
        CollectionYear.parse("2024-25") == CollectionYear.parse("2024/25") == CollectionYear(2024)
    )
    assert (CollectionYear(2024).start, CollectionYear(2024).end) == (D(2024, 4, 1), D(2025, 3, 31))
    for bad in ("2024-26", "2024", "24/25", ""):
        with pytest.raises(ValueError):
            CollectionYear.parse(bad)


def test_small_council_2024_25(imported, tmp_path):
    out = tmp_path / "out"
    written = export_903("2024/25", out, by=None)
    assert written == {"header.csv": 4, "episodes.csv": 7, "reviews.csv": 5, "uasc.csv": 1}
    assert rows(out, "header.csv") == [HEADER,
        ["C001", "M", "01/02/2015", "WBRI", "UN2", "", ""],
        ["C002", "F", "15/06/2022", "BAFR", "UN1", "0", ""],
        ["C003", "M", "15/05/2008", "AOTH", "UN2", "", ""],
        ["C004", "F", "10/01/2012", "WBRI", "A123456789012", "", ""],
    ]  # fmt: skip
    assert rows(out, "reviews.csv")[1:] == [
        ["C001", "01/02/2015", "29/04/2024", "PN1"],
        ["C001", "01/02/2015", "30/07/2024", "PN5"],
        ["C001", "01/02/2015", "20/01/2025", "PN1"],
        ["C002", "15/06/2022", "01/06/2024", "PN0"],
        ["C003", "15/05/2008", "30/09/2024", "PN1"],
    ]  # the reg 48 review of C004 is not in the return
    assert rows(out, "uasc.csv") == [UASC, ["C003", "M", "15/05/2008", "15/05/2026"]]
    assert rows(out, "episodes.csv")[0] == EPISODES
    assert check_return(out, 2024) == []
    assert AuditEvent.objects.filter(action="exported", target_id="2024-25").count() == 1


@pytest.mark.django_db
def test_year_scoping_open_episodes_sex_codes_and_short_breaks(tmp_path):
    folder = tmp_path / "in"
    write_csv(folder / "header.csv", HEADER, [
        ["A", "M", "01/01/2010", "WBRI", "", "", ""],  # in care across three years
        ["B", "F", "01/01/2012", "WBRI", "", "0", ""],  # short breaks only in 2023-24
        ["C", "F", "01/01/2008", "BAFR", "", "0", ""],  # left care before 2023-24
        ["U", "M", "01/06/2006", "OOTH", "", "", ""],  # UASC until 18 in June 2024
    ])  # fmt: skip
    write_csv(folder / "episodes.csv", EPISODES, [
        ["A", "10/10/2022", "S", "C2", "N1", "U4", "PR1", "05/05/2023", "X1", "CARPL", "", "", ""],
        ["A", "05/05/2023", "P", "C2", "N1", "K2", "PR4", "10/06/2024", "X1", "CHILD", "", "", ""],
        ["A", "10/06/2024", "P", "C2", "N1", "U6", "PR4", "", "", "", "", "", ""],
        ["B", "01/07/2023", "S", "V3", "N2", "U6", "PR1", "03/07/2023", "E13", "", "", "", ""],
        ["C", "01/01/2022", "S", "V2", "N4", "U6", "PR1", "01/03/2023", "E4A", "", "", "", ""],
        ["U", "01/09/2022", "S", "V2", "N8", "K2", "PR4", "01/06/2024", "E17", "", "", "", ""],
    ])  # fmt: skip
    write_csv(folder / "reviews.csv", REVIEWS, [
        ["A", "01/01/2010", "07/11/2022", "PN1"], ["A", "01/01/2010", "01/02/2023", "PN1"],
        ["A", "01/01/2010", "31/07/2023", "PN1"], ["A", "01/01/2010", "30/01/2024", "PN5"],
        ["B", "01/01/2012", "15/08/2023", "PN1"],
    ])  # fmt: skip
    write_csv(folder / "uasc.csv", UASC, [["U", "M", "01/06/2006", "01/06/2024"]])
    assert import_folder(folder, by=None, as_at=D(2025, 3, 31)).ok
    out = tmp_path / "2023-24"
    call_command("export", "903", "--year", "2023-24", "--out", str(out))
    assert [r[0] for r in rows(out, "header.csv")[1:]] == ["A", "B", "U"]
    assert rows(out, "header.csv")[1:][0][1] == "1"  # SEX 1/2 before 2024-25
    assert rows(out, "header.csv")[2][5] == ""  # no MOTHER for a short-break-only child (399)
    assert rows(out, "episodes.csv")[1:3] == [
        ["A", "05/05/2023", "P", "C2", "N1", "K2", "PR4", "", "", "", "", "", ""],  # open at 31/03
        ["A", "10/10/2022", "S", "C2", "N1", "U4", "PR1", "05/05/2023", "X1", "CARPL", "", "", ""],
    ][::-1]  # fmt: skip
    assert [r[2] for r in rows(out, "reviews.csv")[1:]] == ["31/07/2023", "30/01/2024"]  # not B
    assert rows(out, "uasc.csv")[1:] == [["U", "1", "01/06/2006", "01/06/2024"]]
    assert check_return(out, 2023) == []
    out25 = tmp_path / "2025-26"
    call_command("export", "903", "--year", "2025-26", "--out", str(out25))
    assert rows(out25, "uasc.csv")[1:] == []  # UASC status ended in June 2024
    assert [r[0] for r in rows(out25, "header.csv")[1:]] == ["A"]
    assert rows(out25, "header.csv")[1][1] == "M"  # M/F/U from 2024-25


def test_the_command_rejects_a_bad_year(db, tmp_path):
    with pytest.raises(CommandError, match="not a collection year"):
        call_command("export", "903", "--year", "2024-2025", "--out", str(tmp_path))


@pytest.mark.django_db
def test_an_episode_open_across_a_code_change_is_written_in_each_years_code(tmp_path):
    folder = tmp_path / "in"
    for year, place in (("2024-25", "Z1"), ("2025-26", "Z11")):
        write_csv(
            folder / year / "header.csv", HEADER, [["A", "F", "01/01/2009", "WBRI", "", "0", ""]]
        )
        write_csv(folder / year / "episodes.csv", EPISODES, [
            ["A", "02/05/2024", "S", "V2", "N4", place, "", "", "", "", "", "", ""]])  # fmt: skip
    assert import_folder(folder, by=None, as_at=D(2025, 11, 1)).ok
    for year, place in (("2024-25", "Z1"), ("2025-26", "Z11")):
        export_903(year, tmp_path / year, by=None)
        assert rows(tmp_path / year, "episodes.csv")[1][5] == place
