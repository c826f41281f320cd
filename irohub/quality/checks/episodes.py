"""SSDA903 episode-chain rules (ssda903.md §3.2): 148, 355, 356, 357, 388, 431-433, 501."""

from __future__ import annotations

from collections import defaultdict
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
        found.extend(_single(child, episodes, history_from))
        found.extend(_chain(child, episodes))
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


def _single(child: str, episodes: list, history_from: date | None) -> list[Finding]:
    found = []
    first_start, _, first_rne, _ = episodes[0]
    if first_rne != "S" and (history_from is None or first_start >= history_from):
        found.append(
            Finding(
                "903-357",
                child,
                first_start,
                f"The first episode ({dmy(first_start)}) has RNE {first_rne}, not S.",
            )
        )
    for start, end, _rne, rec in episodes:
        if (end is None) != (not rec):
            found.append(
                Finding(
                    "903-148",
                    child,
                    start,
                    f"The episode from {dmy(start)} has DEC {dmy(end)} and REC "
                    f"{rec or '(blank)'}: both or neither.",
                )
            )
        if end is not None and end == start:
            found.append(
                Finding(
                    "903-355", child, start, f"The episode from {dmy(start)} ends the same day."
                )
            )
        if end is not None and end < start:
            found.append(
                Finding(
                    "903-356",
                    child,
                    start,
                    f"The episode from {dmy(start)} ends earlier, on {dmy(end)}.",
                )
            )
    return found


def _chain(child: str, episodes: list) -> list[Finding]:
    found = []
    starts = {e[0] for e in episodes}
    for (p_start, p_end, _p_rne, p_rec), (start, _end, rne, _rec) in zip(
        episodes, episodes[1:], strict=False
    ):
        if p_end is None or start < p_end:
            found.append(
                Finding(
                    "903-501",
                    child,
                    start,
                    f"The episode from {dmy(start)} starts before the one from "
                    f"{dmy(p_start)} ended ({dmy(p_end)}).",
                )
            )
            continue
        if rne == "S" and start <= p_end:
            found.append(
                Finding(
                    "903-431",
                    child,
                    start,
                    f"RNE S on {dmy(start)}, the day the previous episode ended.",
                )
            )
        if rne != "S" and start != p_end:
            found.append(
                Finding(
                    "903-433",
                    child,
                    start,
                    f"RNE {rne} on {dmy(start)} continues an episode that ended on "
                    f"{dmy(p_end)}, not that day.",
                )
            )
        if p_rec and p_rec != "X1" and rne != "S":
            found.append(
                Finding(
                    "903-432",
                    child,
                    start,
                    f"The child left care on {dmy(p_end)} (REC {p_rec}) but the next "
                    f"episode, on {dmy(start)}, has RNE {rne}, not S.",
                )
            )
    for start, end, _rne, rec in episodes:
        if rec == "X1" and end is not None and end not in starts:
            found.append(
                Finding(
                    "903-388",
                    child,
                    end,
                    f"The episode from {dmy(start)} ended on {dmy(end)} with REC X1, "
                    "but no episode starts that day.",
                )
            )
    return found
