"""One period of care built event by event, so every chain obeys the 903 episode rules.

A period starts with RNE S (357); each later episode starts the day the previous one ceased with
REC X1 (433) and an RNE that says what changed (434-436: L status only, P/T placement only with a
new/the same carer, B/U both); the period ends with a leaving-care REC. Events on or before the
current episode's start are moved one day on (355: no episode under 24 hours); events after the
horizon (as-at date, or the 18th birthday) are dropped, leaving the episode open or ending the
period on the birthday (rules.md P5).
"""

from __future__ import annotations

from datetime import date, timedelta

from .model import Episode, Period
from .places import Setting

DAY = timedelta(days=1)
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")


def placement_fields(s: Setting) -> tuple:
    return (s.place, s.provider, s.pl_post, s.urn)


class Journey:
    def __init__(
        self,
        child: str,
        start: date,
        ls: str,
        cin: str,
        setting: Setting,
        home_post: str | None,
        horizon: date,
        eighteen: date,
    ):
        self.period = Period(child, start)
        self.cin, self.home_post = cin, home_post
        self.horizon, self.eighteen = horizon, eighteen
        self.setting, self.ls = setting, ls
        self.closed = False
        self._open(start, "S", ls, setting)

    @property
    def current(self) -> Episode:
        return self.period.episodes[-1]

    @property
    def last_day(self) -> date:
        """The last day an event may happen on: before the 18th birthday and not after as-at."""
        return min(self.horizon, self.eighteen - DAY)

    def _open(self, d: date, rne: str, ls: str, s: Setting) -> None:
        post = None if ls in ("V3", "V4") else s.pl_post
        urn = None if ls in ("V3", "V4") else s.urn
        home = None if ls in ("V3", "V4") else self.home_post
        self.period.episodes.append(
            Episode(
                self.period.child,
                d,
                rne,
                ls,
                self.cin,
                s.place,
                s.provider,
                home,
                post,
                urn,
                place_2025=s.place_2025,
            )
        )
        self.setting, self.ls = s, ls

    def _when(self, d: date) -> date | None:
        if self.closed:
            return None
        d = max(d, self.current.start + DAY)
        return d if d <= self.last_day else None

    def move(self, d: date, s: Setting, reason: str, ls: str | None = None) -> bool:
        """A change of placement (and of legal status when `ls` differs)."""
        d = self._when(d)
        if d is None:
            return False
        new_ls = ls or self.ls
        # RNE: T/P placement only (same/new carer), U/B placement and legal status
        codes = ("T", "P") if new_ls == self.ls else ("U", "B")
        rne = codes[0] if s.carer == self.setting.carer else codes[1]
        if placement_fields(s) == placement_fields(self.setting):
            # nothing the 903 records would change (435/436 need a placement field to differ)
            return self.status(d, new_ls) if new_ls != self.ls else False
        self._close(d, "X1", reason)
        self._open(d, rne, new_ls, s)
        return True

    def status(self, d: date, ls: str) -> bool:
        """A change of legal status only (RNE L)."""
        d = self._when(d)
        if d is None or ls == self.ls:
            return False
        self._close(d, "X1", None)
        self._open(d, "L", ls, self.setting)
        return True

    def leave(self, d: date, rec: str, at_eighteen: str) -> None:
        """End the period with `rec`, or on the 18th birthday with `at_eighteen`."""
        if self.closed:
            return
        if d >= self.eighteen:
            d, rec = self.eighteen, at_eighteen
        d = max(d, self.current.start + DAY)
        if d > self.horizon:
            return
        self._close(d, rec, None)
        self.period.end = d
        self.closed = True

    def _close(self, d: date, rec: str, reason: str | None) -> None:
        ep = self.current
        ep.end, ep.rec = d, rec
        ep.reason = reason if rec == "X1" else None
