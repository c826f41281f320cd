"""Periods of care from SSDA903 episodes (rules.md D4, P1-P4, §1.5).

A period of care runs from an episode that starts with RNE S ("started to be looked after")
through every episode that ends with REC X1 ("a new episode starts the same day") to the first
episode that ends with any other REC. The review clock restarts with each period (P1).

Real extracts are messy, so the grouping never fails: each oddity is kept on the period as a
plain-English `problems` entry for the data-quality report, and the period is still built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

SHORT_BREAK_LEGAL_STATUSES = frozenset({"V3", "V4"})
CONTINUES = "X1"
STARTS = "S"
# Reg 48 breaks are each their own 903 episode (RNE S ... returned home); breaks less than this
# many days apart are one agreed series, reviewed as one short-break period (rules.md §1.5).
SHORT_BREAK_SERIES_GAP_DAYS = 365


def _dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Episode:
    """One row of the 903 episodes table: DECOM, DEC, RNE, LS, REC, PLACE."""

    child: str
    start: date
    end: date | None
    rne: str
    ls: str
    rec: str | None = None
    place: str | None = None

    @property
    def short_break(self) -> bool:
        return self.ls in SHORT_BREAK_LEGAL_STATUSES


@dataclass(frozen=True)
class PeriodOfCare:
    """A continuous time looked after (or one agreed series of short breaks under reg 48)."""

    child: str
    start: date
    end: date | None
    episodes: tuple[Episode, ...]
    short_break: bool
    number: int
    problems: tuple[str, ...] = ()

    @property
    def end_reason(self) -> str | None:
        """The REC of the last episode, once the period has ended."""
        return self.episodes[-1].rec if self.end is not None else None

    @property
    def start_known(self) -> bool:
        """False when the data hold no RNE S episode for the start (history cut short)."""
        return self.episodes[0].rne == STARTS

    def covers(self, d: date) -> bool:
        """True if d falls between the start and the end (both inclusive)."""
        return self.start <= d and (self.end is None or d <= self.end)


def periods_of_care(
    episodes: Iterable[Episode],
    *,
    break_in_care_min_days: int = 1,
    short_break_series_gap_days: int = SHORT_BREAK_SERIES_GAP_DAYS,
) -> list[PeriodOfCare]:
    """Group any children's episodes, in any order, into periods of care (by child, then date).

    A gap of at least `break_in_care_min_days` between one episode's end and the next start is a
    break in care: a new period with a new first review (P2). Short breaks (LS V3/V4, reg 48)
    never share a period with full-time care; moving between them starts a new period (P4).
    """
    by_child: dict[str, list[Episode]] = {}
    for episode in episodes:
        by_child.setdefault(episode.child, []).append(episode)
    periods: list[PeriodOfCare] = []
    for child in sorted(by_child):
        ordered = sorted(by_child[child], key=_episode_order)
        runs = _split(ordered, break_in_care_min_days, short_break_series_gap_days)
        for number, run in enumerate(runs, start=1):
            periods.append(_period(child, number, run, is_latest=number == len(runs)))
    return periods


def _episode_order(episode: Episode) -> tuple[date, date]:
    return episode.start, episode.end or date.max


def _split(ordered: list[Episode], min_gap: int, series_gap: int) -> list[list[Episode]]:
    runs: list[list[Episode]] = [[ordered[0]]]
    for previous, episode in zip(ordered, ordered[1:], strict=False):
        if _starts_new_period(previous, episode, min_gap, series_gap):
            runs.append([episode])
        else:
            runs[-1].append(episode)
    return runs


def _starts_new_period(previous: Episode, episode: Episode, min_gap: int, series_gap: int) -> bool:
    if previous.short_break != episode.short_break:
        return True  # P4: short breaks and full-time care are separate regimes
    if previous.end is None:
        return False  # overlapping episodes: keep together, reported as a problem
    gap = (episode.start - previous.end).days
    if episode.short_break:
        return gap >= series_gap
    return gap >= min_gap


def _dangling_x1(last: Episode, is_latest: bool) -> bool:
    """X1 on the child's last episode says they are still looked after: the next one is missing."""
    return is_latest and last.end is not None and last.rec == CONTINUES and not last.short_break


def _period(child: str, number: int, run: list[Episode], *, is_latest: bool) -> PeriodOfCare:
    last = run[-1]
    end = None if _dangling_x1(last, is_latest) else last.end
    return PeriodOfCare(
        child=child,
        start=run[0].start,
        end=end,
        episodes=tuple(run),
        short_break=run[0].short_break,
        number=number,
        problems=tuple(_problems(run, is_latest)),
    )


def _problems(run: list[Episode], is_latest: bool) -> list[str]:
    found = []
    first, last = run[0], run[-1]
    if first.rne != STARTS:
        found.append(
            f"the period's first episode ({_dmy(first.start)}) has RNE {first.rne}, not S: "
            "the start of care may be missing from the data"
        )
    for previous, episode in zip(run, run[1:], strict=False):
        found.extend(_chain_problems(previous, episode))
    if last.rec == CONTINUES and not last.short_break and not is_latest:
        found.append(
            f"the episode ending {_dmy(last.end)} has REC X1 but the child's next episode starts "
            "after a break in care"
        )
    if _dangling_x1(last, is_latest):
        found.append(
            f"the episode ending {_dmy(last.end)} has REC X1 but no episode follows: "
            "the period of care is treated as still open"
        )
    return found


def _chain_problems(previous: Episode, episode: Episode) -> list[str]:
    if episode.short_break:
        return []  # each break in a series starts with S after a gap; that is how 903 records it
    if previous.end is None or episode.start < previous.end:
        return [f"the episode starting {_dmy(episode.start)} overlaps the one before it"]
    found = []
    if episode.start > previous.end:
        found.append(
            f"a gap from {_dmy(previous.end)} to {_dmy(episode.start)} is shorter than a break "
            "in care, so the episodes are kept in one period of care"
        )
    elif previous.rec != CONTINUES:
        found.append(
            f"the episode ending {_dmy(previous.end)} has REC {previous.rec} (left care) but the "
            "child's next episode starts the same day"
        )
    if episode.rne == STARTS:
        found.append(f"the episode starting {_dmy(episode.start)} has RNE S inside a period")
    return found
