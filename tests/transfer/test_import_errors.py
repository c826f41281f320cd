"""Every class of structural error: the exact message (`file:line: column: problem (value)`),
all of them listed, and nothing written."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from irohub.audit.models import AuditEvent
from irohub.children.models import Child, Episode
from irohub.council.models import CouncilRules
from irohub.escalations.models import Escalation
from irohub.reviews.models import Review
from irohub.staff.models import IRO, Allocation
from irohub.transfer.services import import_folder
from transfer.folder import EPISODES, HEADER, REVIEWS, small_council, write_csv

AS_AT = dt.date(2025, 3, 31)
pytestmark = pytest.mark.django_db


def errors_of(folder) -> list[str]:
    result = import_folder(folder, by=None, as_at=AS_AT)
    assert not result.ok
    assert_nothing_written()
    return result.sorted_errors()


def assert_nothing_written():
    models = (Child, Episode, Review, IRO, Allocation, Escalation, CouncilRules)
    assert [m.objects.count() for m in models] == [0] * len(models)
    assert not AuditEvent.objects.filter(action="imported").exists()


def council_with(tmp_path, name, columns, rows):
    """The small council with one file replaced."""
    folder = small_council(tmp_path / "c")
    target = folder / ("ssda903/2024-25/" + name if name.isupper() or name in (
        "header.csv", "episodes.csv", "reviews.csv", "uasc.csv") else name)  # fmt: skip
    write_csv(target, columns, rows)
    return folder


H = ["C001", "1", "01/02/2015", "WBRI", "UN2", "", ""]


def test_missing_and_unknown_columns(tmp_path):
    folder = council_with(tmp_path, "header.csv", ["CHILD", "SEX", "DOB", "UPN", "COLOUR"],
                          [["C001", "1", "01/02/2015", "UN2", "red"]])  # fmt: skip
    assert errors_of(folder) == [
        "ssda903/2024-25/header.csv:1: COLOUR: unknown column (COLOUR)",
        "ssda903/2024-25/header.csv:1: ETHNIC: missing column (CHILD,SEX,DOB,UPN,COLOUR)",
        "ssda903/2024-25/header.csv:1: MOTHER: missing column (CHILD,SEX,DOB,UPN,COLOUR)",
        "ssda903/2024-25/header.csv:1: MC_DOB: missing column (CHILD,SEX,DOB,UPN,COLOUR)",
    ]


def test_irohub_required_column_missing_but_optional_columns_may_be_left_out(tmp_path):
    folder = council_with(tmp_path, "iros.csv", ["iro_id", "name", "fte", "start_date"],
                          [["IRO1", "Alex", "1", "2020-01-01"]])  # fmt: skip
    assert errors_of(folder) == [
        "iros.csv:1: employment_type: missing column (iro_id,name,fte,start_date)"
    ]


def test_column_named_twice(tmp_path):
    folder = council_with(tmp_path, "uasc.csv", ["CHILD", "SEX", "DOB", "DUC", "DUC"], [])
    assert errors_of(folder) == ["ssda903/2024-25/uasc.csv:1: DUC: column appears twice (DUC)"]


def test_unreadable_dates(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "ssda903/2024-25/reviews.csv", REVIEWS, [
        ["C001", "01/02/2015", "2024-04-29", "PN1"],  # ISO is not a DfE date
        ["C001", "01/02/2015", "31/02/2024", "PN1"],
        ["C001", "01/02/2015", "29/04/24", "PN1"],
    ])  # fmt: skip
    write_csv(folder / "contacts.csv", ["child_id", "iro_id", "contact_date", "contact_type"],
              [["C001", "IRO1", "12 June 2024", "visit"]])  # fmt: skip
    assert errors_of(folder) == [
        "contacts.csv:2: contact_date: not a date in the form dd/mm/YYYY or YYYY-MM-DD (12 June 2024)",
        "ssda903/2024-25/reviews.csv:2: REVIEW: not a date in the form dd/mm/YYYY (2024-04-29)",
        "ssda903/2024-25/reviews.csv:3: REVIEW: not a real date (31/02/2024)",
        "ssda903/2024-25/reviews.csv:4: REVIEW: not a date in the form dd/mm/YYYY (29/04/24)",
    ]


def test_yes_no_numbers_and_choices(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "review_details.csv", ["child_id", "review_date", "seen_alone", "format"],
              [["C001", "2024-04-29", "maybe", "zoom"]])  # fmt: skip
    write_csv(folder / "iros.csv", ["iro_id", "name", "employment_type", "fte", "start_date"],
              [["IRO1", "Alex", "permanent", "one", "2020-01-01"],
               ["IRO2", "Sam", "locum", "-1", "2020-01-01"]])  # fmt: skip
    assert errors_of(folder) == [
        "iros.csv:2: fte: not a number (one)",
        "iros.csv:3: employment_type: unknown employment type (locum)",
        "iros.csv:3: fte: must not be negative (-1)",
        "review_details.csv:2: format: unknown format (zoom)",
        "review_details.csv:2: seen_alone: not Y, N, 1, 0 or blank (maybe)",
    ]


def test_unknown_codes(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "ssda903/2024-25/header.csv", HEADER, [
        ["C001", "3", "01/02/2015", "XXXX", "UN2", "", ""],
        ["C002", "2", "15/06/2022", "BAFR", "UN1", "0", ""],
        ["C003", "1", "15/05/2008", "AOTH", "UN2", "", ""],
        ["C004", "2", "10/01/2012", "WBRI", "", "", ""],
    ])  # fmt: skip
    write_csv(folder / "ssda903/2024-25/episodes.csv", EPISODES, [
        ["C001", "28/03/2024", "S", "Z9", "N1", "U6", "PR9", "", "", "", "", "", ""],
    ])  # fmt: skip
    write_csv(folder / "ssda903/2024-25/reviews.csv", REVIEWS, [
        ["C001", "01/02/2015", "29/04/2024", "PN8"],
    ])  # fmt: skip
    write_csv(folder / "escalations.csv",
              ["escalation_id", "child_id", "iro_id", "opened_date", "themes"],
              [["ESC1", "C001", "IRO1", "2024-07-01", "care_plan_unavailable;weather"]])  # fmt: skip
    write_csv(folder / "escalation_stages.csv", ["escalation_id", "stage", "started_date"],
              [["ESC1", "tribunal", "2024-07-01"]])  # fmt: skip
    assert errors_of(folder) == [
        "escalation_stages.csv:2: stage: unknown stage (the rules in force have informal, "
        "formal, cafcass) (tribunal)",
        "escalations.csv:2: themes: unknown escalation theme weather "
        "(care_plan_unavailable;weather)",
        "ssda903/2024-25/episodes.csv:2: LS: unknown legal status code (Z9)",
        "ssda903/2024-25/episodes.csv:2: PLACE_PROVIDER: unknown placement provider code (PR9)",
        "ssda903/2024-25/header.csv:2: SEX: unknown sex code (expected 1, 2, M, F or U) (3)",
        "ssda903/2024-25/header.csv:2: ETHNIC: unknown ethnicity code (XXXX)",
        "ssda903/2024-25/reviews.csv:2: REVIEW_CODE: unknown participation (PN) code (PN8)",
    ]


def test_codes_checked_against_the_collection_years_the_row_spans(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "ssda903/2024-25/episodes.csv", EPISODES, [
        ["C001", "28/03/2023", "S", "C1", "N1", "K3", "PR1", "", "", "", "", "", ""],  # re-coded
        ["C002", "01/05/2025", "S", "V2", "N4", "H5", "PR4", "", "", "", "", "", ""],
        ["C003", "02/09/2024", "S", "V2", "N8", "Z11", "", "", "", "", "", "", ""],
        ["C004", "02/09/2025", "S", "V2", "N8", "Z11", "", "", "", "", "", "", ""],
    ])  # fmt: skip
    write_csv(folder / "ssda903/2022-23/episodes.csv", EPISODES, [
        ["C001", "28/03/2022", "S", "C1", "N1", "K3", "PR1", "", "", "", "", "", ""],
    ])  # fmt: skip
    assert errors_of(folder) == [
        "ssda903/2022-23/episodes.csv:2: PLACE: code not valid in collection year 2021-22 (K3)",
        "ssda903/2024-25/episodes.csv:3: PLACE: code not valid in collection year 2025-26 (H5)",
        "ssda903/2024-25/episodes.csv:4: PLACE: code not valid in collection year 2024-25 (Z11)",
    ]


def test_references_to_rows_that_exist_nowhere(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "allocations.csv", ["child_id", "iro_id", "start_date"],
              [["C999", "IRO1", "2024-01-01"], ["C001", "IRO9", "2024-01-01"]])  # fmt: skip
    write_csv(folder / "escalation_stages.csv", ["escalation_id", "stage", "started_date"],
              [["ESC9", "informal", "2024-07-01"]])  # fmt: skip
    write_csv(folder / "review_details.csv", ["child_id", "review_date", "format"],
              [["C001", "2024-04-30", "virtual"]])  # fmt: skip
    assert errors_of(folder) == [
        "allocations.csv:2: child_id: no such child in header.csv or the database (C999)",
        "allocations.csv:3: iro_id: no such iro in iros.csv or the database (IRO9)",
        "escalation_stages.csv:2: escalation_id: no such escalation in escalations.csv or the "
        "database (ESC9)",
        "review_details.csv:2: review_date: no review of this child on this date in "
        "reviews.csv or the database (C001, 30/04/2024)",
    ]


def test_references_to_earlier_imports_are_fine(tmp_path):
    first = small_council(tmp_path / "first")
    assert import_folder(first, by=None, as_at=AS_AT).ok
    later = tmp_path / "later"
    write_csv(later / "allocations.csv", ["child_id", "iro_id", "start_date"],
              [["C001", "IRO2", "2025-03-01"]])  # fmt: skip
    write_csv(later / "review_details.csv", ["child_id", "review_date", "format"],
              [["C003", "30/09/2024", "hybrid"]])  # fmt: skip
    result = import_folder(later, by=None, as_at=AS_AT)
    assert result.ok, result.errors
    assert Review.objects.get(child__child_id="C003").format == "hybrid"


def test_duplicate_keys_inside_a_file(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "ssda903/2024-25/reviews.csv", REVIEWS, [
        ["C001", "01/02/2015", "29/04/2024", "PN1"],
        ["C001", "01/02/2015", "30/07/2024", "PN5"],
        ["C001", "01/02/2015", "29/04/2024", "PN7"],
    ])  # fmt: skip
    write_csv(folder / "flags.csv", ["child_id", "flag", "start_date"],
              [["C001", "sibling_group:S1", "2024-03-28"], ["C001", "sibling_group:S1", "28/03/2024"]])  # fmt: skip
    assert errors_of(folder) == [
        "flags.csv:3: child_id+flag+start_date: duplicate of line 2 (C001, sibling_group:S1, "
        "28/03/2024)",
        "ssda903/2024-25/reviews.csv:4: CHILD+REVIEW: duplicate of line 2 (C001, 29/04/2024)",
    ]


def test_required_values_blank_and_wrong_number_of_values(tmp_path):
    folder = small_council(tmp_path / "c")
    write_csv(folder / "ssda903/2024-25/episodes.csv", EPISODES, [
        ["C001", "", "S", "C1", "N1", "U6", "PR1", "", "", "", "", "", ""],
        ["C001", "28/03/2024", "S", "C1"],
    ])  # fmt: skip
    assert errors_of(folder) == [
        "ssda903/2024-25/episodes.csv:2: DECOM: required, but blank ()",
        "ssda903/2024-25/episodes.csv:3: -: 4 values but the header has 13 columns "
        "(C001,28/03/2024,S,C1)",
    ]


def test_every_bad_row_is_named_not_just_the_first(tmp_path):
    rows = [[f"C{n:05d}", "1", "01/02/2015", "WBRI", "", "", ""] for n in range(10_000)]
    for n in (17, 4_000, 9_998):
        rows[n][2] = "32/01/2015"
    folder = tmp_path / "big"
    write_csv(folder / "header.csv", HEADER, rows)
    assert errors_of(folder) == [
        f"header.csv:{n + 2}: DOB: not a real date (32/01/2015)" for n in (17, 4_000, 9_998)
    ]


def test_not_utf8_and_empty_files(tmp_path):
    folder = small_council(tmp_path / "c")
    (folder / "complaints.csv").write_bytes("received_date\n2024-01-01,caf\xe9\n".encode("latin-1"))
    (folder / "targets.csv").write_text("")
    assert errors_of(folder) == [
        "complaints.csv:1: -: not UTF-8 text (byte 28)",
        "targets.csv:1: -: the file is empty; a header row is needed ()",
    ]


def test_rules_toml_errors_are_structural_errors(tmp_path):
    folder = small_council(tmp_path / "c")
    (folder / "rules.toml").write_text('[reviews]\nfirst = "twenty days"\nbogus = 1\n')
    errors = errors_of(folder)
    assert len(errors) == 2
    assert errors[0] == "rules.toml: reviews.bogus: unknown key (1)"
    assert errors[1].startswith("rules.toml: reviews.first: ") and "twenty days" in errors[1]


def test_folder_that_does_not_exist(tmp_path):
    assert errors_of(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: -: not a folder ({tmp_path / 'nowhere'})"
    ]


def test_command_prints_every_error_and_fails(tmp_path, capsys):
    folder = tmp_path / "c"
    write_csv(folder / "header.csv", HEADER, [["C1", "9", "01/02/2015", "WBRI", "", "", ""],
                                              ["C2", "1", "1/2/15", "WBRI", "", "", ""]])  # fmt: skip
    with pytest.raises(CommandError, match="2 structural errors: nothing was imported"):
        call_command("import_folder", str(folder), "--as-at", "2025-03-31")
    err = capsys.readouterr().err
    assert "header.csv:2: SEX: unknown sex code (expected 1, 2, M, F or U) (9)" in err
    assert "header.csv:3: DOB: not a date in the form dd/mm/YYYY (1/2/15)" in err
    assert_nothing_written()
