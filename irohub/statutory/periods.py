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
        """The REC of the episode that ended the period, once it has ended."""
        if self.end is None:
            return None
        return next(e.rec for e in reversed(self.episodes) if e.end == self.end)

    @property
    def start_known(self) -> bool:
        """False when the data hold no RNE S episode for the start (history cut short). A period
        built without its episodes is taken to start when it says."""
        return not self.episodes or self.episodes[0].rne == STARTS

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
        before = None
        for number, run in enumerate(runs, start=1):
            periods.append(_period(child, number, run, before, is_latest=number == len(runs)))
            before = _final(run)
    return periods


def _episode_order(episode: Episode) -> tuple[date, date]:
    return episode.start, episode.end or date.max


def _ends_no_earlier(episode: Episode, than: Episode) -> bool:
    return (episode.end or date.max) >= (than.end or date.max)


def _final(run: list[Episode]) -> Episode:
    """The episode of a run that ends last (an open one if any): it decides the period's end."""
    final = run[0]
    for episode in run[1:]:
        if _ends_no_earlier(episode, final):
            final = episode
    return final


def _split(ordered: list[Episode], min_gap: int, series_gap: int) -> list[list[Episode]]:
    runs: list[list[Episode]] = [[ordered[0]]]
    final = ordered[0]
    for episode in ordered[1:]:
        if _starts_new_period(final, episode, min_gap, series_gap):
            runs.append([episode])
            final = episode
        else:
            runs[-1].append(episode)
            final = episode if _ends_no_earlier(episode, final) else final
    return runs


def _starts_new_period(final: Episode, episode: Episode, min_gap: int, series_gap: int) -> bool:
    if final.short_break != episode.short_break:
        return True  # P4: short breaks and full-time care are separate regimes
    if final.end is None:
        return False  # overlapping episodes: keep together, reported as a problem
    gap = (episode.start - final.end).days
    return gap >= (series_gap if episode.short_break else min_gap)


def _dangling_x1(final: Episode, is_latest: bool) -> bool:
    """X1 on the child's last episode says they are still looked after: the next one is missing."""
    return is_latest and final.end is not None and final.rec == CONTINUES and not final.short_break


def _period(
    child: str, number: int, run: list[Episode], before: Episode | None, *, is_latest: bool
) -> PeriodOfCare:
    final = _final(run)
    return PeriodOfCare(
        child=child,
        start=run[0].start,
        end=None if _dangling_x1(final, is_latest) else final.end,
        episodes=tuple(run),
        short_break=run[0].short_break,
        number=number,
        problems=tuple(_problems(run, final, before, is_latest)),
    )


def _problems(run: list[Episode], final: Episode, before: Episode | None, is_latest) -> list[str]:
    first, found = run[0], []
    if first.rne != STARTS:
        found.append(
            f"the period's first episode ({_dmy(first.start)}) has RNE {first.rne}, not S: "
            "the start of care may be missing from the data"
        )
    if before is not None and (before.end is None or before.end > first.start):
        found.append(
            f"the episode starting {_dmy(first.start)} overlaps the "
            f"{'short-break' if before.short_break else 'full-time'} care before it"
        )
    latest = run[0]
    for episode in run[1:]:
        found.extend(_chain_problems(latest, episode))
        latest = episode if _ends_no_earlier(episode, latest) else latest
    if final.rec == CONTINUES and not final.short_break and not is_latest:
        found.append(
            f"the episode ending {_dmy(final.end)} has REC X1 but the child's next episode "
            "starts after a break in care"
        )
    if _dangling_x1(final, is_latest):
        found.append(
            f"the episode ending {_dmy(final.end)} has REC X1 but no episode follows: "
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
