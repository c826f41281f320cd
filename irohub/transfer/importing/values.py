"""Cell parsers for the import files. Each takes the raw (stripped) text and the import context
and returns the typed value, or raises `Invalid` with a plain-English reason. Blank cells never
reach a parser: the caller turns them into the column's blank value."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR_LABEL = re.compile(r"(\d{4})[-/](\d{2})")


class Invalid(ValueError):
    """A cell that cannot be read; the message says what is wrong in plain English."""


_date_cache: dict[str, date] = {}


def _make_date(year: str, month: str, day: str, raw: str) -> date:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        raise Invalid("not a real date") from None
    _date_cache[raw] = value
    return value


def date_903(raw: str, ctx=None) -> date:
    """dd/mm/YYYY, as the DfE specifies for every SSDA903 date."""
    cached = _date_cache.get(raw)
    if cached is not None and "/" in raw:
        return cached
    match = _DMY.fullmatch(raw)
    if not match:
        raise Invalid("not a date in the form dd/mm/YYYY")
    day, month, year = match.groups()
    return _make_date(year, month, day, raw)


def date_any(raw: str, ctx=None) -> date:
    """dd/mm/YYYY or ISO YYYY-MM-DD (irohub's own files)."""
    cached = _date_cache.get(raw)
    if cached is not None:
        return cached
    match = _ISO.fullmatch(raw)
    if match:
        return _make_date(*match.groups(), raw)
    match = _DMY.fullmatch(raw)
    if not match:
        raise Invalid("not a date in the form dd/mm/YYYY or YYYY-MM-DD")
    day, month, year = match.groups()
    return _make_date(year, month, day, raw)


_YES_NO = {"Y": True, "1": True, "N": False, "0": False}


def yes_no(raw: str, ctx=None) -> bool:
    """Y N 1 0 (blank, meaning unknown, never reaches here)."""
    try:
        return _YES_NO[raw.upper()]
    except KeyError:
        raise Invalid("not Y, N, 1, 0 or blank") from None


def number(raw: str, ctx=None) -> Decimal:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise Invalid("not a number") from None
    if not value.is_finite():
        raise Invalid("not a number")
    return value


def positive_number(raw: str, ctx=None) -> Decimal:
    value = number(raw)
    if value < 0:
        raise Invalid("must not be negative")
    return value


def whole_number(raw: str, ctx=None) -> int:
    if not raw.isdigit():
        raise Invalid("not a whole number")
    return int(raw)


def text(raw: str, ctx=None) -> str:
    return raw


def year_label(raw: str, ctx=None) -> str:
    """A reporting year, `2024-25` or `2024/25`, stored as `2024-25`."""
    match = _YEAR_LABEL.fullmatch(raw)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise Invalid("not a reporting year such as 2024-25")
    return f"{match.group(1)}-{match.group(2)}"


def choice(*allowed: str, what: str = "value", upper: bool = False):
    """A parser accepting one of a fixed set of codes (case-insensitive)."""
    allowed_set = frozenset(allowed)

    def parse(raw: str, ctx=None) -> str:
        value = raw.upper() if upper else raw.lower()
        if value not in allowed_set:
            raise Invalid(f"unknown {what}")
        return value

    return parse


def code(list_name: str, what: str):
    """A code of an SSDA903 list in the reference data (any year; rows check the year)."""

    def parse(raw: str, ctx) -> str:
        value = raw.upper()
        if value not in ctx.codes.get(list_name, {}):
            raise Invalid(f"unknown {what} code")
        return value

    return parse


_SEX = {"1": "M", "2": "F", "M": "M", "F": "F", "U": "U"}


def sex(raw: str, ctx=None) -> str:
    """SEX: the old numeric codes (1 male, 2 female) or M/F/U; stored as M/F/U."""
    try:
        return _SEX[raw.upper()]
    except KeyError:
        raise Invalid("unknown sex code (expected 1, 2, M, F or U)") from None


def collection_year(day: date) -> int:
    """The SSDA903 collection year containing a date, named by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def year_name(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


# irohub's own files

_CODE = re.compile(r"[a-z0-9_]+")


def email(raw: str, ctx=None) -> str:
    if len(raw) > 254 or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", raw):
        raise Invalid("not an email address")
    return raw


def themes(raw: str, ctx) -> tuple[str, ...]:
    """`;`-separated escalation themes: the standard list plus the council's own."""
    found = tuple(dict.fromkeys(t.strip().lower() for t in raw.split(";") if t.strip()))
    unknown = [t for t in found if t not in ctx.escalation_themes]
    if unknown:
        raise Invalid(f"unknown escalation theme {', '.join(unknown)}")
    return found


def issues(raw: str, ctx=None) -> tuple[str, ...]:
    """Advocacy issue themes are open: any lowercase code, kept as given."""
    found = tuple(dict.fromkeys(t.strip().lower() for t in raw.split(";") if t.strip()))
    bad = [t for t in found if not _CODE.fullmatch(t) or len(t) > 60]
    if bad:
        raise Invalid(f"not a theme code (letters, digits and _) {', '.join(bad)}")
    return found


def stage(raw: str, ctx) -> str:
    if raw not in ctx.escalation_stages:
        raise Invalid(f"unknown stage (the rules in force have {', '.join(ctx.escalation_stages)})")
    return raw


_FLAGS = ("cp_plan", "dol_order", "unregistered_placement", "disability")


def flag(raw: str, ctx=None) -> tuple[str, str]:
    value = raw.strip()
    if value.lower() in _FLAGS:
        return value.lower(), ""
    kind, _, group = value.partition(":")
    if kind.lower() == "sibling_group" and group.strip() and len(group.strip()) <= 40:
        return "sibling_group", group.strip()
    raise Invalid(
        "unknown flag (cp_plan, dol_order, unregistered_placement, disability or "
        "sibling_group:<id>)"
    )


def year(raw: str, ctx=None) -> int:
    if not re.fullmatch(r"(19|20)\d\d", raw):
        raise Invalid("not a year such as 2024")
    return int(raw)


def stage_number(raw: str, ctx=None) -> int:
    if raw not in ("1", "2", "3"):
        raise Invalid("not a complaint stage (1, 2 or 3)")
    return int(raw)
