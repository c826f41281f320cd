"""SSDA903 episode-chain rules (ssda903.md §3.2): 148, 355, 356, 357, 388, 431-433, 501."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from irohub.children.models import Episode
from irohub.quality.checks import Finding, dmy


def check_episodes() -> list[Finding]:
    by_child = defaultdict(list)
    rows = Episode.objects.order_by("child__child_id", "decom").values_list(
        "child__child_id", "decom", "dec", "rne", "rec"
    )
    for child, *episode in rows:
        by_child[child].append(episode)
    history_from = _history_starts(by_child.values())
    found: list[Finding] = []
    for child, episodes in by_child.items():
        found += [
            Finding(rule, child, day, text) for rule, day, text in _first(episodes, history_from)
        ]
        for start, end, _rne, rec in episodes:
            found += [Finding(rule, child, start, text) for rule, text in _single(start, end, rec)]
        for previous, episode in zip(episodes, episodes[1:], strict=False):
            found += [
                Finding(rule, child, episode[0], text) for rule, text in _pair(previous, episode)
            ]
        found += [Finding("903-388", child, day, text) for day, text in _dangling_x1(episodes)]
    return found


def _history_starts(histories) -> date | None:
    """1 April of the first collection year the data hold. An episode that started before it
    came in open from an older extract, so it may well continue one we never saw (357 is then
    not checked): the earliest year is that of the earliest ending, as every episode of an
    extract is open during its year."""
    ends = [e[1] for episodes in histories for e in episodes if e[1] is not None]
    if not ends:
        return None
    first = min(ends)
    return date(first.year if first.month >= 4 else first.year - 1, 4, 1)


def _first(episodes: list, history_from: date | None) -> Iterator[tuple[str, date, str]]:
    start, _, rne, _ = episodes[0]
    if rne != "S" and (history_from is None or start >= history_from):
        yield "903-357", start, f"The first episode ({dmy(start)}) has RNE {rne}, not S."


def _single(start: date, end: date | None, rec: str) -> Iterator[tuple[str, str]]:
    if (end is None) != (not rec):
        yield (
            "903-148",
            (
                f"The episode from {dmy(start)} has DEC {dmy(end)} and REC {rec or '(blank)'}: "
                "both or neither."
            ),
        )
    if end is not None and end == start:
        yield "903-355", f"The episode from {dmy(start)} ends the same day."
    if end is not None and end < start:
        yield "903-356", f"The episode from {dmy(start)} ends earlier, on {dmy(end)}."


def _pair(previous: list, episode: list) -> Iterator[tuple[str, str]]:
    p_start, p_end, _p_rne, p_rec = previous
    start, _end, rne, _rec = episode
    if p_end is None or start < p_end:
        yield (
            "903-501",
            (
                f"The episode from {dmy(start)} starts before the one from {dmy(p_start)} ended "
                f"({dmy(p_end)})."
            ),
        )
        return
    if rne == "S" and start <= p_end:
        yield "903-431", f"RNE S on {dmy(start)}, the day the previous episode ended."
    if rne != "S" and start != p_end:
        yield (
            "903-433",
            (
                f"RNE {rne} on {dmy(start)} continues an episode that ended on {dmy(p_end)}, not "
                "that day."
            ),
        )
    if p_rec and p_rec != "X1" and rne != "S":
        yield (
            "903-432",
            (
                f"The child left care on {dmy(p_end)} (REC {p_rec}) but the next episode, on "
                f"{dmy(start)}, has RNE {rne}, not S."
            ),
        )


def _dangling_x1(episodes: list) -> Iterator[tuple[date, str]]:
    starts = {e[0] for e in episodes}
    for start, end, _rne, rec in episodes:
        if rec == "X1" and end is not None and end not in starts:
            yield (
                end,
                (
                    f"The episode from {dmy(start)} ended on {dmy(end)} with REC X1, but no episode "
                    "starts that day."
                ),
            )
