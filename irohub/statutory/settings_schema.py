"""How each key of a council's rules file is read and checked (rules.md §1.15, interfaces.md §2).

Every reader takes the TOML value, the key's path (for messages) and the list of errors; it returns
the typed value, or BAD after appending "<path>: <reason> (<value>)" so that one pass over a file
reports every mistake in it, not just the first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from irohub.statutory.agebands import NAMED_BANDS, AgeBands
from irohub.statutory.calendar import DIVISIONS
from irohub.statutory.durations import EXAMPLES, Duration

BAD = object()
Reader = Callable[[Any, str, list[str]], Any]

_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_FLAG = re.compile(r"^[a-z][a-z0-9_]*(:[A-Za-z0-9_-]+)?$")
_LA_CODE = re.compile(r"^[EWSN]\d{8}$")
_MONTH_DAY = re.compile(r"^(\d\d)-(\d\d)$")


def show(value: Any) -> str:
    """A value as the file wrote it, for error messages: strings in double quotes."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return json.dumps(value, default=str, ensure_ascii=False)


def fail(errors: list[str], path: str, reason: str, value: Any) -> object:
    errors.append(f"{path}: {reason} ({show(value)})")
    return BAD


def text(value: Any, path: str, errors: list[str]) -> Any:
    return value if isinstance(value, str) else fail(errors, path, "must be text", value)


def boolean(value: Any, path: str, errors: list[str]) -> Any:
    return value if isinstance(value, bool) else fail(errors, path, "must be true or false", value)


def duration(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, str):
        return fail(errors, path, f"must be a duration in quotes such as {EXAMPLES}", value)
    try:
        return Duration.parse(value)
    except ValueError as problem:
        return fail(errors, path, str(problem).replace(repr(value), "the text", 1), value)


def la_code(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, str) or value and not _LA_CODE.match(value):
        return fail(errors, path, 'must be empty or an ONS area code like "E09000006"', value)
    return value


def month_day(value: Any, path: str, errors: list[str]) -> Any:
    match = _MONTH_DAY.match(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        date(2023, int(match.group(1)), int(match.group(2)))  # 2023: no 29 February
    except ValueError:
        return fail(errors, path, 'must be a month and day "MM-DD" such as "04-01"', value)
    return value


def one_of(*choices: str) -> Reader:
    def read(value: Any, path: str, errors: list[str]) -> Any:
        if value in choices and isinstance(value, str):
            return value
        return fail(errors, path, f"must be one of {', '.join(map(show, choices))}", value)

    return read


def whole_number(low: int, high: int | None = None) -> Reader:
    def read(value: Any, path: str, errors: list[str]) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            return fail(errors, path, "must be a whole number", value)
        if value < low or (high is not None and value > high):
            limit = f"from {low} to {high}" if high is not None else f"{low} or more"
            return fail(errors, path, f"must be {limit}", value)
        return value

    return read


def _number_pair(value: Any, path: str, errors: list[str]) -> Any:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or any(isinstance(x, bool) or not isinstance(x, int | float) for x in value)
    ):
        return fail(errors, path, "must be a list of two numbers", value)
    return tuple(value)


def band(value: Any, path: str, errors: list[str]) -> Any:
    pair = _number_pair(value, path, errors)
    if pair is BAD:
        return BAD
    if pair[0] < 0 or pair[0] > pair[1]:
        return fail(errors, path, "the low end must be 0 or more and not above the high end", value)
    return pair


def window(value: Any, path: str, errors: list[str]) -> Any:
    pair = _number_pair(value, path, errors)
    if pair is BAD:
        return BAD
    if not 0 < pair[0] < pair[1] < 1:
        return fail(errors, path, "must be two fractions with 0 < start < end < 1", value)
    return pair


def age_bands(value: Any, path: str, errors: list[str]) -> Any:
    try:
        if isinstance(value, str):
            AgeBands.named(value)
            return value
        if isinstance(value, list) and all(isinstance(label, str) for label in value):
            AgeBands.from_labels(value)
            return tuple(value)
    except ValueError as problem:
        return fail(errors, path, str(problem), value)
    names = ", ".join(NAMED_BANDS)
    return fail(errors, path, f"must be a band set name ({names}) or a list of labels", value)


def division(value: Any, path: str, errors: list[str]) -> Any:
    return one_of(*DIVISIONS)(value, path, errors)


def closures(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, list):
        return fail(errors, path, 'must be a list of dates such as ["2024-12-24"]', value)
    days, ok = set(), True
    for index, item in enumerate(value):
        day = _iso_date(item)
        if day is None:
            fail(errors, f"{path}[{index}]", "must be a date written YYYY-MM-DD", item)
            ok = False
        else:
            days.add(day)
    return tuple(sorted(days)) if ok else BAD


def _iso_date(item: Any) -> date | None:
    if isinstance(item, date) and not isinstance(item, datetime):
        return item
    if isinstance(item, str):
        try:
            return date.fromisoformat(item) if len(item) == 10 else None
        except ValueError:
            return None
    return None


def codes(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, list):
        return fail(errors, path, 'must be a list of codes such as ["sdq"]', value)
    bad = [item for item in value if not isinstance(item, str) or not _CODE.match(item)]
    if bad:
        return fail(errors, path, "codes must be lower case letters, digits and _", bad)
    return tuple(dict.fromkeys(value))


def table_list(fields: dict[str, Reader], required: tuple[str, ...]) -> Reader:
    """A list of TOML tables, each with known keys; returns a tuple of dicts of typed values."""

    def read(value: Any, path: str, errors: list[str]) -> Any:
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            return fail(errors, path, "must be a list of tables ({ key = value, ... })", value)
        before, rows = len(errors), []
        for index, row in enumerate(value):
            where = f"{path}[{index}]"
            for key in required:
                if key not in row:
                    fail(errors, f"{where}.{key}", "is required", row)
            parsed = {}
            for key, item in row.items():
                reader = fields.get(key)
                if reader is None:
                    fail(errors, f"{where}.{key}", "unknown key", item)
                else:
                    parsed[key] = reader(item, f"{where}.{key}", errors)
            rows.append(parsed)
        return tuple(rows) if len(errors) == before else BAD

    return read


def overlay_flag(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, str) or not _FLAG.match(value):
        return fail(errors, path, 'must be a flag code such as "dol_order"', value)
    return value


def optional_text(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, str) or not value.strip():
        return fail(errors, path, "must be non-empty text", value)
    return value


def stage_code(value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, str) or not _CODE.match(value):
        return fail(errors, path, "must be a code of lower case letters, digits and _", value)
    return value


local_overlays = table_list({"flag": overlay_flag, "interval": duration}, ("flag", "interval"))
_stage_rows = table_list(
    {"code": stage_code, "name": optional_text, "limit": duration, "informal": boolean},
    ("code", "name"),
)


def stages(value: Any, path: str, errors: list[str]) -> Any:
    rows = _stage_rows(value, path, errors)
    if rows is BAD:
        return BAD
    seen = [row["code"] for row in rows]
    if not rows:
        return fail(errors, path, "must name at least one stage", value)
    if len(set(seen)) != len(seen):
        return fail(errors, path, "each stage code must be used once", seen)
    return rows
