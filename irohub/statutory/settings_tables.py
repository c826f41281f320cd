"""The tables of a council's rules file, one frozen dataclass each (rules.md §1.15).

Attribute names are the TOML keys and defaults are the recommended defaults of rules.md, each
cited where the rule has a source: reg 33 for review timing, the IRO Handbook for deadlines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from irohub.statutory.calendar import WorkingCalendar
from irohub.statutory.durations import Duration

WD = "working_days"


@dataclass(frozen=True)
class CouncilSettings:
    name: str = ""
    la_code: str = ""


@dataclass(frozen=True)
class ReportingSettings:
    year_start: str = "04-01"
    snapshot: str = "03-31"
    age_bands: str | tuple[str, ...] = "dfe5"


@lru_cache(maxsize=32)
def _working_calendar(division: str, closures: tuple[date, ...]) -> WorkingCalendar:
    return WorkingCalendar(closures, division=division)


@dataclass(frozen=True)
class CalendarSettings:
    """`settings.calendar.division` reads a key; `settings.calendar()` gives the WorkingCalendar."""

    division: str = "england-and-wales"
    closures: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        # Keep the settings hashable (they key caches) even when built in code with a list.
        object.__setattr__(self, "closures", tuple(sorted(set(self.closures))))

    def __call__(self) -> WorkingCalendar:
        return _working_calendar(self.division, self.closures)


@dataclass(frozen=True)
class LocalOverlay:
    """A local standard stricter than reg 33 for children with a flag (rules.md §1.7)."""

    flag: str
    interval: Duration


@dataclass(frozen=True)
class ReviewSettings:
    """Review timing: reg 33(1) 20 working days, reg 33(2) 3 then 6 months, reg 48 for short
    breaks; A1 day 0, A4 from the actual date, A5 extra reviews count, A6 completion date, P2."""

    first: Duration = Duration(20, WD)
    start_is_day_zero: bool = True
    second: Duration = Duration(3, "months")
    subsequent: Duration = Duration(6, "months")
    next_due_from: str = "actual"
    extra_reviews_reset_clock: bool = True
    date_basis: str = "completed"
    break_in_care_min_days: int = 1
    short_break_first: Duration = Duration(3, "months")
    short_break_subsequent: Duration = Duration(6, "months")
    local_overlays: tuple[LocalOverlay, ...] = ()


@dataclass(frozen=True)
class CohortSettings:
    """DfE leaves reg 48 short-break-only children out of cohort counts (rules.md §1.5)."""

    exclude_short_breaks: bool = True


@dataclass(frozen=True)
class ParticipationSettings:
    """PN0 below this age in completed years on the review date (903 rules 440/441)."""

    pn0_under_age: int = 4


@dataclass(frozen=True)
class DeadlineSettings:
    """R3 decisions and R4 record (IRO Handbook), R5 and R6 (local standards), I1 allocation."""

    decisions: Duration = Duration(5, WD)
    record: Duration = Duration(15, WD)
    pre_meeting_report: Duration = Duration(5, WD)
    care_plan_update: Duration = Duration(10, WD)
    iro_allocation: Duration = Duration(5, WD)


@dataclass(frozen=True)
class CaseloadSettings:
    """I3: 50-70 looked-after children per full-time IRO (IRO Handbook para 7.15)."""

    band_per_fte: tuple[float, float] = (50, 70)


@dataclass(frozen=True)
class EscalationStage:
    """One step of the local dispute-resolution ladder; `informal` marks a pre-formal stage."""

    code: str
    name: str
    limit: Duration | None = None
    informal: bool = False


@dataclass(frozen=True)
class EscalationSettings:
    """E1 20 working days overall (IRO Handbook ch.6); E2 Brent's ladder; E4 clock start."""

    max_total: Duration = Duration(20, WD)
    stages: tuple[EscalationStage, ...] = (
        EscalationStage(
            "informal", "Informal challenge (team manager)", Duration(5, WD), informal=True
        ),
        EscalationStage("formal", "Formal challenge (senior manager)", Duration(10, WD)),
        EscalationStage("cafcass", "Referral to Cafcass"),
    )
    clock_starts_at: str = "first_stage"
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MidwaySettings:
    """Midway reviews are a local practice (not statutory): the window as fractions of the way
    from the last review to the next due date."""

    window: tuple[float, float] = (0.4, 0.6)


@dataclass(frozen=True)
class PublicationSettings:
    """Counts 1..suppress_up_to shown as "c" in public outputs (metrics.md §2.3)."""

    suppress_up_to: int = 5
