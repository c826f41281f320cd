"""What every import file looks like (interfaces.md §1): its columns, how each cell is read,
which must be filled, its natural key, and which columns refer to rows elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from irohub.transfer.importing import values as v


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable
    required: bool = False  # the cell must not be blank
    blank: object = ""  # the value of a blank cell
    year_versioned: str = ""  # reference list checked against the row's collection year


@dataclass(frozen=True)
class FileSpec:
    name: str  # the file name, lower case
    table: str  # the name counts and messages use
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    ssda903: bool = False  # DfE file: dd/mm/YYYY only, and exactly the DfE columns
    refs: dict[str, str] = field(default_factory=dict)  # column -> "child" | "iro" | "escalation"
    year_column: str = ""  # the date whose collection year versioned codes are checked against

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        """Columns that must be present in the header (all of them for DfE files)."""
        if self.ssda903:
            return self.column_names
        return tuple(c.name for c in self.columns if c.required)


def text(max_length: int):
    def parse(raw: str, ctx=None) -> str:
        if len(raw) > max_length:
            raise v.Invalid(f"longer than {max_length} characters")
        return raw

    return parse


def C(name, parse, required=False, blank="", year_versioned=""):  # noqa: N802 - reads as a table
    return Column(name, parse, required, blank, year_versioned)


def D(name, parse, required=False):  # noqa: N802 - a date (or other) column whose blank is None
    return Column(name, parse, required, None)


child = text(20)
iro = text(40)
YN = v.yes_no

HEADER = FileSpec(
    "header.csv",
    "header",
    (
        C("CHILD", child, True),
        C("SEX", v.sex, True),
        D("DOB", v.date_903, True),
        C("ETHNIC", v.code("ETHNIC", "ethnicity"), True),
        C("UPN", text(20)),
        D("MOTHER", YN),
        D("MC_DOB", v.date_903),
    ),
    key=("CHILD",),
    ssda903=True,
)
EPISODES = FileSpec(
    "episodes.csv",
    "episodes",
    (
        C("CHILD", child, True),
        D("DECOM", v.date_903, True),
        C("RNE", v.code("RNE", "reason for new episode"), True),
        C("LS", v.code("LS", "legal status"), True),
        C("CIN", v.code("CIN", "category of need")),
        C("PLACE", v.code("PLACE", "placement type"), True, year_versioned="PLACE"),
        C("PLACE_PROVIDER", v.code("PLACE_PROVIDER", "placement provider")),
        D("DEC", v.date_903),
        C("REC", v.code("REC", "reason episode ceased")),
        C("REASON_PLACE_CHANGE", v.code("REASON_PLACE_CHANGE", "reason for placement change")),
        C("HOME_POST", text(10)),
        C("PL_POST", text(10)),
        C("URN", text(10)),
    ),
    key=("CHILD", "DECOM"),
    ssda903=True,
    refs={"CHILD": "child"},
    year_column="DECOM",
)
REVIEWS = FileSpec(
    "reviews.csv",
    "reviews",
    (
        C("CHILD", child, True),
        D("DOB", v.date_903),
        D("REVIEW", v.date_903, True),
        C("REVIEW_CODE", v.code("PN", "participation (PN)")),
    ),
    key=("CHILD", "REVIEW"),
    ssda903=True,
    refs={"CHILD": "child"},
)
UASC = FileSpec(
    "uasc.csv",
    "uasc",
    (C("CHILD", child, True), C("SEX", v.sex), D("DOB", v.date_903), D("DUC", v.date_903)),
    key=("CHILD",),
    ssda903=True,
    refs={"CHILD": "child"},
)
SSDA903_FILES = (HEADER, EPISODES, REVIEWS, UASC)
# Optional DfE tables irohub recognises but does not need for its reports.
OPTIONAL_903 = frozenset(
    {
        "missing.csv",
        "ad1.csv",
        "placed_for_adoption.csv",
        "oc2.csv",
        "oc3.csv",
        "previous_permanence.csv",
        "sw_episodes.csv",
        "dolo.csv",
    }
)
