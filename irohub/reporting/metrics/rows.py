"""The plain rows the shared loaders of `data.py` return (one named tuple per table), and the
columns each is read with. Import them through `data` (`data.ChildRow`...)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple


class ChildRow(NamedTuple):
    pk: int
    child_id: str
    sex: str
    dob: date
    ethnicity: str
    uasc: bool
    uasc_ceased: date | None


class EpisodeRow(NamedTuple):
    pk: int
    child: int
    decom: date
    dec: date | None
    rne: str
    ls: str
    cin: str
    place: str
    place_provider: str
    rec: str
    home_post: str
    pl_post: str
    urn: str
    period: int | None
    short_break: bool  # the episode's period is reg 48 short breaks only

    def open_on(self, day: date) -> bool:
        """Looked after on `day`: started on or before it and not ended by it (§2.0; an
        episode that ends on 31 March no longer counts at 31 March)."""
        return self.decom <= day and (self.dec is None or self.dec > day)

    def overlaps(self, start: date, end: date) -> bool:
        """At least one day looked after between start and end (both inclusive)."""
        return self.decom <= end and (self.dec is None or self.dec > start)


class PeriodRow(NamedTuple):
    pk: int
    child: int
    number: int
    start: date
    end: date | None
    short_break: bool
    end_reason: str


class ReviewRow(NamedTuple):
    pk: int
    child: int
    review_date: date
    statutory_basis: str
    pn_code: str
    review_type: str
    sequence: int | None
    due_date: date | None
    in_time: bool | None
    days_late: int | None
    period: int | None
    chair: int | None  # IRO pk
    chair_iro_id: str | None  # IRO id as iros.csv names it
    chair_source: str
    format: str
    chaired_by: str
    additional: bool | None
    first_part_date: date | None
    seen_before: bool | None
    seen_alone: bool | None
    advocacy_offered: bool | None
    sw_report_date: date | None
    care_plan_available: bool | None
    decisions_date: date | None
    record_date: date | None
    record_shared_date: date | None
    late_reason: str
    dob: date


class FlagRow(NamedTuple):
    child: int
    flag: str
    sibling_group: str
    start_date: date
    end_date: date | None


class IroRow(NamedTuple):
    pk: int
    iro_id: str
    employment_type: str
    provider: str
    fte: Decimal
    sex: str
    ethnicity: str
    start_date: date
    end_date: date | None


EPISODE_COLUMNS = ("pk", "child_id", "decom", "dec", "rne", "ls", "cin", "place",
                    "place_provider", "rec", "home_post", "pl_post", "urn", "period_id",
                    "period__short_break")  # fmt: skip
REVIEW_COLUMNS = ("pk", "child_id", "review_date", "statutory_basis", "pn_code", "review_type",
                   "sequence", "due_date", "in_time", "days_late", "period_id", "chair_id",
                   "chair__iro_id", "chair_source", "format", "chaired_by", "additional",
                   "first_part_date", "seen_before", "seen_alone", "advocacy_offered",
                   "sw_report_date", "care_plan_available", "decisions_date", "record_date",
                   "record_shared_date", "late_reason", "child__dob")  # fmt: skip
