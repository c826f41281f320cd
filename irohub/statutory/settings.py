"""The rule settings of one council: every key of rules.md §1.15 with its default, typed.

A council's `rules.toml` names only what differs from the defaults (interfaces.md §2). Attribute
names are the TOML keys: `settings.reviews.first` is `[reviews] first`. `load_rules` checks the
whole file and reports every mistake at once, so the rules in force never change half-way.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any

from irohub.statutory import settings_schema as read
from irohub.statutory import settings_toml
from irohub.statutory.agebands import AgeBands
from irohub.statutory.calendar import WorkingCalendar
from irohub.statutory.durations import Duration
from irohub.statutory.settings_tables import (  # re-exported: settings.ReviewSettings etc.
    CalendarSettings,
    CaseloadSettings,
    CohortSettings,
    CouncilSettings,
    DeadlineSettings,
    EscalationSettings,
    EscalationStage,
    LocalOverlay,
    MidwaySettings,
    ParticipationSettings,
    PublicationSettings,
    ReportingSettings,
    ReviewSettings,
)

__all__ = [
    "SCHEMA",
    "CalendarSettings",
    "CaseloadSettings",
    "CohortSettings",
    "CouncilSettings",
    "DeadlineSettings",
    "EscalationSettings",
    "EscalationStage",
    "LocalOverlay",
    "MidwaySettings",
    "ParticipationSettings",
    "PublicationSettings",
    "ReportingSettings",
    "ReviewSettings",
    "RuleSettings",
    "SettingsError",
    "load_rules",
]

# How each TOML key is read; the table order is the order `to_dict` and `to_toml` write.
SCHEMA: dict[str, dict[str, read.Reader]] = {
    "council": {"name": read.text, "la_code": read.la_code},
    "reporting": {
        "year_start": read.month_day,
        "snapshot": read.month_day,
        "age_bands": read.age_bands,
    },
    "calendar": {"division": read.division, "closures": read.closures},
    "reviews": {
        "first": read.duration,
        "start_is_day_zero": read.boolean,
        "second": read.duration,
        "subsequent": read.duration,
        "next_due_from": read.one_of("actual", "due"),
        "extra_reviews_reset_clock": read.boolean,
        "date_basis": read.one_of("completed", "first_part"),
        "break_in_care_min_days": read.whole_number(1),
        "short_break_first": read.duration,
        "short_break_subsequent": read.duration,
        "local_overlays": read.local_overlays,
    },
    "cohort": {"exclude_short_breaks": read.boolean},
    "participation": {"pn0_under_age": read.whole_number(0, 18)},
    "deadlines": {
        "decisions": read.duration,
        "record": read.duration,
        "pre_meeting_report": read.duration,
        "care_plan_update": read.duration,
        "iro_allocation": read.duration,
    },
    "caseload": {"band_per_fte": read.band},
    "escalation": {
        "max_total": read.duration,
        "stages": read.stages,
        "clock_starts_at": read.one_of("first_stage", "first_formal_stage"),
        "themes": read.codes,
    },
    "midway": {"window": read.window},
    "publication": {"suppress_up_to": read.whole_number(0)},
}


class SettingsError(ValueError):
    """A rules file was rejected; `errors` lists every problem as "<key>: <reason> (<value>)"."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        count = len(self.errors)
        heading = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(f"{heading} in the rules:\n" + "\n".join(f"- {e}" for e in self.errors))


@dataclass(frozen=True)
class RuleSettings:
    council: CouncilSettings = field(default_factory=CouncilSettings)
    reporting: ReportingSettings = field(default_factory=ReportingSettings)
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    reviews: ReviewSettings = field(default_factory=ReviewSettings)
    cohort: CohortSettings = field(default_factory=CohortSettings)
    participation: ParticipationSettings = field(default_factory=ParticipationSettings)
    deadlines: DeadlineSettings = field(default_factory=DeadlineSettings)
    caseload: CaseloadSettings = field(default_factory=CaseloadSettings)
    escalation: EscalationSettings = field(default_factory=EscalationSettings)
    midway: MidwaySettings = field(default_factory=MidwaySettings)
    publication: PublicationSettings = field(default_factory=PublicationSettings)

    @classmethod
    def default(cls) -> RuleSettings:
        return cls()

    def working_calendar(self) -> WorkingCalendar:
        """The council's working calendar (the same object as `settings.calendar()`)."""
        return self.calendar()

    def age_bands(self) -> AgeBands:
        return _age_bands(self.reporting.age_bands)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """JSON-ready, keyed exactly as the TOML file; durations as text, dates as ISO text."""
        return {
            table: {key: _plain(getattr(getattr(self, table), key)) for key in keys}
            for table, keys in SCHEMA.items()
        }

    def to_toml(self) -> str:
        """The settings as a complete rules file that `load_rules` reads back unchanged."""
        return settings_toml.dump(self.to_dict())

    def differences(self, other: RuleSettings | None = None) -> dict[str, dict[str, Any]]:
        """The keys whose values differ from `other` (the defaults when omitted), as to_dict."""
        mine, theirs = self.to_dict(), (other or RuleSettings()).to_dict()
        changed = {
            table: {key: value for key, value in values.items() if theirs[table][key] != value}
            for table, values in mine.items()
        }
        return {table: values for table, values in changed.items() if values}


@lru_cache(maxsize=32)
def _age_bands(spec: str | tuple[str, ...]) -> AgeBands:
    return AgeBands.named(spec) if isinstance(spec, str) else AgeBands.from_labels(spec)


def _plain(value: Any) -> Any:
    if isinstance(value, Duration | date):
        return str(value) if isinstance(value, Duration) else value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, LocalOverlay | EscalationStage):
        row = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        return {key: item for key, item in row.items() if item is not None}
    return value


def load_rules(text: str, base: RuleSettings | None = None) -> RuleSettings:
    """Read a council's rules file over `base` (the defaults when omitted).

    Every key is checked; any unknown key, wrong type or impossible value raises SettingsError
    listing all of them, and nothing is applied (interfaces.md §2).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise SettingsError([f"rules file: not valid TOML: {problem}"]) from None
    errors: list[str] = []
    changes = _read_tables(data, errors)
    settings = base or RuleSettings()
    for table, values in changes.items():
        settings = replace(settings, **{table: replace(getattr(settings, table), **values)})
    errors.extend(_check_together(settings))
    if errors:
        raise SettingsError(errors)
    return settings


def _read_tables(data: dict[str, Any], errors: list[str]) -> dict[str, dict[str, Any]]:
    changes: dict[str, dict[str, Any]] = {}
    for table, values in data.items():
        if table not in SCHEMA:
            read.fail(errors, table, f"unknown table; use {', '.join(SCHEMA)}", values)
        elif not isinstance(values, dict):
            read.fail(errors, table, f"must be a table [{table}] of keys", values)
        else:
            changes[table] = _read_keys(table, values, errors)
    return changes


def _read_keys(table: str, values: dict[str, Any], errors: list[str]) -> dict[str, Any]:
    readers, typed = SCHEMA[table], {}
    for key, value in values.items():
        reader = readers.get(key)
        if reader is None:
            read.fail(errors, f"{table}.{key}", "unknown key", value)
            continue
        result = reader(value, f"{table}.{key}", errors)
        if result is not read.BAD:
            typed[key] = _BUILD.get((table, key), lambda x: x)(result)
    return typed


def _overlays(rows: tuple[dict[str, Any], ...]) -> tuple[LocalOverlay, ...]:
    return tuple(LocalOverlay(row["flag"], row["interval"]) for row in rows)


def _stages(rows: tuple[dict[str, Any], ...]) -> tuple[EscalationStage, ...]:
    return tuple(
        EscalationStage(
            row["code"],
            row["name"],
            row.get("limit"),
            row.get("informal", row["code"] == "informal"),
        )
        for row in rows
    )


_BUILD = {("reviews", "local_overlays"): _overlays, ("escalation", "stages"): _stages}


def _check_together(settings: RuleSettings) -> list[str]:
    """Rules that involve more than one key, checked on the merged settings."""
    escalation = settings.escalation
    if escalation.clock_starts_at == "first_formal_stage" and all(
        stage.informal for stage in escalation.stages
    ):
        return [
            "escalation.clock_starts_at: no stage in escalation.stages is formal "
            '("first_formal_stage")'
        ]
    return []
