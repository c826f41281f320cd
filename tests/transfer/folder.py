"""Build import folders for tests: a small, hand-made council whose every derived date is worked
out by hand in the tests, and helpers to write or change single files."""

from __future__ import annotations

import csv
from pathlib import Path

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]  # fmt: skip
REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
UASC = ["CHILD", "SEX", "DOB", "DUC"]


def write_csv(path: Path, columns: list[str], rows: list[list[str]] | list[dict], *, bom=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(columns)
        for row in rows:
            out.writerow([row.get(c, "") for c in columns] if isinstance(row, dict) else row)
    return path


# The small council, 2024-25 extract. Worked dates (England and Wales bank holidays):
# C001 comes into care Thu 28/03/2024 (Good Friday, Easter Monday follow): first review due
#   Mon 29/04/2024, held then (in time); second due 29/07/2024, held 30/07/2024 (1 day late);
#   third due 30/01/2025, held 20/01/2025 (in time); next due 20/07/2025.
# C002 comes into care Wed 01/05/2024 (bank holidays 6 and 27 May): first due Fri 31/05/2024,
#   held Sat 01/06/2024 (1 day late, PN0 at age 1); left care 01/12/2024 (E4A).
# C003 (UASC, 16) comes into care Mon 02/09/2024: first due Mon 30/09/2024, held then.
# C004 has reg 48 short breaks (V3): reviews are not in the DfE return, only in review_details.
SMALL_903 = {
    "header.csv": (
        HEADER,
        [
            ["C001", "1", "01/02/2015", "WBRI", "UN2", "", ""],
            ["C002", "2", "15/06/2022", "BAFR", "UN1", "0", ""],
            ["C003", "1", "15/05/2008", "AOTH", "UN2", "", ""],
            ["C004", "2", "10/01/2012", "WBRI", "A123456789012", "", ""],
        ],
    ),
    "episodes.csv": (
        EPISODES,
        [
            [
                "C001",
                "28/03/2024",
                "S",
                "C1",
                "N1",
                "U6",
                "PR1",
                "10/06/2024",
                "X1",
                "CARPL",
                "",
                "",
                "",
            ],
            ["C001", "10/06/2024", "P", "C2", "N1", "U4", "PR4", "", "", "", "", "", ""],
            [
                "C002",
                "01/05/2024",
                "S",
                "V2",
                "N4",
                "U6",
                "PR1",
                "01/12/2024",
                "E4A",
                "",
                "",
                "",
                "",
            ],
            ["C003", "02/09/2024", "S", "V2", "N8", "K2", "PR4", "", "", "", "", "", ""],
            [
                "C004",
                "05/05/2024",
                "S",
                "V3",
                "N2",
                "U6",
                "PR1",
                "07/05/2024",
                "E4A",
                "",
                "",
                "",
                "",
            ],
            [
                "C004",
                "02/06/2024",
                "S",
                "V3",
                "N2",
                "U6",
                "PR1",
                "04/06/2024",
                "E4A",
                "",
                "",
                "",
                "",
            ],
            [
                "C004",
                "10/08/2024",
                "S",
                "V3",
                "N2",
                "U6",
                "PR1",
                "12/08/2024",
                "E4A",
                "",
                "",
                "",
                "",
            ],
        ],
    ),
    "reviews.csv": (
        REVIEWS,
        [
            ["C001", "01/02/2015", "29/04/2024", "PN1"],
            ["C001", "01/02/2015", "30/07/2024", "PN5"],
            ["C001", "01/02/2015", "20/01/2025", "PN1"],
            ["C002", "15/06/2022", "01/06/2024", "PN0"],
            ["C003", "15/05/2008", "30/09/2024", "PN1"],
        ],
    ),
    "uasc.csv": (UASC, [["C003", "1", "15/05/2008", "15/05/2026"]]),
}
SMALL_IROHUB = {
    "iros.csv": (
        [
            "iro_id",
            "name",
            "email",
            "employment_type",
            "provider",
            "fte",
            "sex",
            "ethnicity",
            "start_date",
            "end_date",
        ],
        [
            [
                "IRO1",
                "Alex Able",
                "alex@example.org",
                "permanent",
                "",
                "1",
                "F",
                "WBRI",
                "2020-01-06",
                "",
            ],
            [
                "IRO2",
                "Sam Steady",
                "",
                "commissioned",
                "Care Co",
                "0.6",
                "M",
                "BCRB",
                "01/04/2023",
                "",
            ],
        ],
    ),
    "allocations.csv": (
        ["child_id", "iro_id", "start_date", "end_date", "change_reason"],
        [
            ["C001", "IRO1", "2024-03-29", "", "initial"],
            ["C002", "IRO2", "2024-05-02", "2024-12-01", "initial"],
            ["C003", "IRO1", "2024-09-03", "", "initial"],
            ["C004", "IRO2", "2024-05-06", "", "initial"],
        ],
    ),
    "review_details.csv": (
        [
            "child_id",
            "review_date",
            "iro_id",
            "statutory_basis",
            "additional",
            "format",
            "chaired_by",
            "seen_before",
            "seen_alone",
            "advocacy_offered",
            "sw_report_date",
            "care_plan_available",
            "decisions_date",
            "record_date",
            "record_shared_date",
            "late_reason",
        ],
        [
            [
                "C001",
                "2024-04-29",
                "IRO1",
                "reg33",
                "N",
                "in_person",
                "iro",
                "Y",
                "Y",
                "Y",
                "2024-04-19",
                "Y",
                "2024-05-03",
                "2024-05-15",
                "2024-05-16",
                "",
            ],
            [
                "C001",
                "30/07/2024",
                "",
                "",
                "",
                "virtual",
                "iro",
                "N",
                "N",
                "1",
                "",
                "0",
                "",
                "",
                "",
                "rescheduled",
            ],
            [
                "C004",
                "2024-08-01",
                "IRO2",
                "reg48",
                "",
                "in_person",
                "iro",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    ),
    "contacts.csv": (
        ["child_id", "iro_id", "contact_date", "contact_type"],
        [["C001", "IRO1", "2024-06-12", "midway_review"], ["C001", "IRO1", "2024-10-20", "visit"]],
    ),
    "escalations.csv": (
        [
            "escalation_id",
            "child_id",
            "iro_id",
            "opened_date",
            "themes",
            "closed_date",
            "outcome",
            "good_practice",
        ],
        [
            [
                "ESC1",
                "C001",
                "IRO1",
                "2024-07-01",
                "care_plan_unavailable;education",
                "2024-07-20",
                "resolved",
                "N",
            ],
            ["ESC2", "C003", "IRO1", "2025-01-06", "uasc", "", "", ""],
        ],
    ),
    "escalation_stages.csv": (
        ["escalation_id", "stage", "started_date", "ended_date"],
        [
            ["ESC1", "informal", "2024-07-01", "2024-07-08"],
            ["ESC1", "formal", "2024-07-08", "2024-07-20"],
            ["ESC2", "informal", "2025-01-06", ""],
        ],
    ),
    "advocacy.csv": (
        ["child_id", "referral_date", "kind", "provider", "hours", "issues", "closed_date"],
        [
            ["C001", "2024-05-01", "issue_based", "Voices", "12.5", "housing;education", ""],
            ["C003", "2024-09-10", "independent_visitor", "Voices", "", "", ""],
        ],
    ),
    "feedback.csv": (
        [
            "response_date",
            "respondent",
            "age_band",
            "knows_iro_role",
            "felt_listened_to",
            "questions_answered",
            "life_getting_better",
            "comment",
        ],
        [
            ["2024-05-01", "child", "8-11", "Y", "Y", "N", "", "Nice"],
            ["2024-06-01", "carer", "", "Y", "", "", "", ""],
            ["2025-04-02", "parent", "", "N", "N", "N", "N", "Late"],
        ],
    ),
    "audits.csv": (
        [
            "audit_id",
            "child_id",
            "audit_date",
            "audit_type",
            "iro_score",
            "manager_score",
            "moderated_score",
            "grade",
        ],
        [["AUD1", "C001", "2024-11-01", "dip_sample", "4", "5", "3.5", "good"]],
    ),
    "complaints.csv": (
        ["received_date", "stage", "outcome"],
        [["2024-10-01", "1", "not upheld"]],
    ),
    "flags.csv": (
        ["child_id", "flag", "start_date", "end_date"],
        [
            ["C001", "cp_plan", "2024-03-28", "2024-05-01"],
            ["C001", "sibling_group:S1", "2024-03-28", ""],
            ["C004", "disability", "2024-05-05", ""],
        ],
    ),
    "population.csv": (
        ["year", "dimension", "category", "count"],
        [["2024", "total", "all", "65000"], ["2024", "sex", "M", "33000"]],
    ),
    "service.csv": (
        ["year", "item", "value"],
        [["2024-25", "establishment_fte", "6.5"], ["2024/25", "iv_target", "14"]],
    ),
    "targets.csv": (
        ["year", "metric_id", "target", "direction"],
        [["2024-25", "reviews.timeliness.all_pct", "90", "higher_is_better"]],
    ),
    "child_names.csv": (
        ["child_id", "given_name", "family_name"],
        [["C001", "Amir", "Synthetic"]],
    ),
}


def write_files(folder: Path, files: dict) -> Path:
    for name, (columns, rows) in files.items():
        write_csv(folder / name, columns, rows)
    return folder


def small_council(folder: Path, *, year_folder: str = "ssda903/2024-25") -> Path:
    """The whole small council: the 2024-25 extract in a sub-folder, irohub files at the top."""
    write_files(folder / year_folder, SMALL_903)
    write_files(folder, SMALL_IROHUB)
    return folder


def only(folder: Path, name: str, columns: list[str], rows: list) -> Path:
    """A folder holding just one file."""
    write_csv(folder / name, columns, rows)
    return folder


def many_children(folder: Path, n: int) -> Path:
    """n children, each with two episodes, three reviews and their details, an allocation and a
    contact: for checking that queries do not grow with the number of children."""
    header, episodes, reviews, allocations, details, contacts = [], [], [], [], [], []
    for i in range(n):
        child = f"K{i:05d}"
        header.append([child, "1", "01/02/2012", "WBRI", "", "", ""])
        episodes.append([child, "02/04/2024", "S", "C1", "N1", "U6", "PR1", "03/06/2024", "X1",
                         "CARPL", "", "", ""])  # fmt: skip
        episodes.append([child, "03/06/2024", "P", "C2", "N1", "U4", "PR4", "", "", "", "", "", ""])
        for day in ("30/04/2024", "29/07/2024", "20/01/2025"):
            reviews.append([child, "01/02/2012", day, "PN1"])
            details.append([child, day, "I1", "in_person"])
        allocations.append([child, "I1", "2024-04-03", "", "initial"])
        contacts.append([child, "I1", "2024-06-10", "midway_review"])
    write_csv(folder / "header.csv", HEADER, header)
    write_csv(folder / "episodes.csv", EPISODES, episodes)
    write_csv(folder / "reviews.csv", REVIEWS, reviews)
    write_csv(folder / "iros.csv", ["iro_id", "name", "employment_type", "fte", "start_date"],
              [["I1", "Pat", "permanent", "1", "2020-01-01"]])  # fmt: skip
    write_csv(folder / "allocations.csv", ["child_id", "iro_id", "start_date", "end_date",
                                           "change_reason"], allocations)  # fmt: skip
    write_csv(
        folder / "review_details.csv", ["child_id", "review_date", "iro_id", "format"], details
    )
    write_csv(
        folder / "contacts.csv", ["child_id", "iro_id", "contact_date", "contact_type"], contacts
    )
    return folder
