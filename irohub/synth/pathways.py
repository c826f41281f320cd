"""Plans one whole period of care: legal statuses, moves and the way the child leaves care."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dateutil.relativedelta import relativedelta

from irohub.statutory.participation import age_on

from .episodes import Planner, days, first_setting, sgo_end
from .journeys import Journey
from .model import Child, Period
from .places import SUPPORTED_FROM

# outcome of a period by age at entry (DfE "ceased" mix, leaning on the seed reports)
OUTCOMES = {
    0: {"adopt": 34, "sgo": 22, "home": 22, "to18": 17, "transfer": 5},
    1: {"adopt": 20, "sgo": 27, "home": 31, "to18": 17, "transfer": 5},
    5: {"adopt": 3, "sgo": 18, "cao": 4, "home": 38, "to18": 32, "transfer": 5},
    10: {"sgo": 5, "cao": 2, "home": 45, "to18": 40, "transfer": 4, "indep": 4},
    16: {"home": 25, "to18": 65, "transfer": 3, "indep": 7},
}
MOVE_RATE = {0: 0.45, 1: 0.5, 5: 0.55, 10: 1.0, 16: 0.8}
Event = tuple[date, int, Callable[[Journey], object]]


def band(age: int) -> int:
    return 16 if age >= 16 else 10 if age >= 10 else 5 if age >= 5 else 1 if age >= 1 else 0


def eighteenth(dob: date) -> date:
    return dob + relativedelta(years=18)


def entry_status(p: Planner, age: int, path: str) -> str:
    r = p.rng.random()
    if path == "adopt" and age == 0 and r < 0.12:
        return "V2"  # a baby relinquished: accommodated, then placed for adoption with consent
    if path in ("adopt", "sgo", "cao") or (age < 10 and r < 0.65):
        return "C1"
    if age < 16 and r < 0.35:
        return "C1"
    return "V2"


def legal_status(p: Planner, age: int, path: str) -> str:
    if path == "remand":
        return "J1"
    return "V2" if path in ("uasc", "nts") else entry_status(p, age, path)


def plan_period(p: Planner, child: Child, start: date, cin: str, path: str | None = None) -> Period:
    """A period of care for `child` from `start`; `path` forces an outcome (remand, uasc...)."""
    rng, age = p.rng, age_on(child.dob, start)
    path = path or rng.choices(*zip(*OUTCOMES[band(age)].items(), strict=True))[0]
    ls = legal_status(p, age, path)
    emergency = path not in ("remand", "uasc", "nts") and rng.random() < (
        0.15 if age < 10 else 0.06
    )
    first_ls = rng.choice(("L1", "L2")) if emergency else ls
    uasc = child.uasc_from is not None
    setting = first_setting(p, age, start, child.home_post, first_ls, path, uasc)
    j = Journey(
        child.id, start, first_ls, cin, setting, child.home_post, p.horizon, eighteenth(child.dob)
    )
    events: list[Event] = [(SUPPORTED_FROM, 0, p.register_supported)]
    t = start
    if emergency:  # police protection (<= 72 hours) or an EPO (<= 21 days) first: 361, 362
        t = start + days(rng.randint(1, 3) if first_ls == "L1" else rng.randint(5, 21))
        if rng.random() < 0.4:  # home again after the emergency
            return _finish(p, j, events, t, rng.choice(("E4A", "E4B", "E13")), child)
        events.append((t, 0, lambda jj, d=t: jj.status(d, ls)))
    end, rec, foster_only = _outcome(p, j, events, child, t, ls, path, age)
    settled = min([end] + [d for d, order, _ in events if order >= 2])  # no moves once placed
    for d in p.move_dates(start, settled - days(14), MOVE_RATE[band(age)]):
        move = (d, age_on(child.dob, d), child.home_post, foster_only, uasc)
        events.append((d, 1, lambda jj, m=move: p.move(jj, *m)))
    return _finish(p, j, events, end, rec, child)


def _finish(
    p: Planner, j: Journey, events: list[Event], end: date, rec: str, child: Child
) -> Period:
    for d, _o, fn in sorted(events, key=lambda e: (e[0], e[1])):
        if d < end:  # nothing happens in a period after the day it ends
            fn(j)
    if callable(rec):
        rec = rec(j)
    j.leave(end, rec, p.at18())
    return j.period


def _outcome(p: Planner, j, events, child: Child, t: date, ls: str, path: str, age: int):
    """Adds the path's status changes to `events`; returns (end, REC or REC-chooser, foster_only)."""
    rng = p.rng
    if ls == "C1" and path != "adopt":
        d = t + days(rng.uniform(150, 400))
        events.append((d, 0, lambda jj, d=d: jj.status(d, "C2")))
    if ls == "V2" and age < 16 and path in ("to18", "home") and rng.random() < 0.2:
        d = t + days(rng.uniform(60, 300))  # pre-proceedings ends in an interim care order
        events.append((d, 0, lambda jj, d=d: jj.status(d, "C1")))
    if path in SIMPLE:
        low, high, rec = SIMPLE[path]
        return t + days(rng.uniform(low, high)), rec(rng), False
    return OUTCOME_PLANS.get(path, _to18)(p, events, child, t, ls, age)


SIMPLE = {  # path: (shortest and longest stay in days, REC)
    "remand": (14, 150, lambda rng: rng.choices(("E14", "E9"), (72, 28))[0]),
    "nts": (20, 120, lambda rng: "E3"),
    "cao": (200, 700, lambda rng: "E41"),
    "transfer": (60, 600, lambda rng: "E3"),
}


def _to18(p: Planner, events, child: Child, t: date, ls: str, age: int):
    return eighteenth(child.dob) + days(30), "E5", False  # the 18th birthday decides the REC


def _adopt(p: Planner, events, child: Child, t: date, ls: str, age: int):
    rng = p.rng
    order = t + days(rng.uniform(200, 420))
    placed = order + days(rng.uniform(30, 200))
    consent = ls == "V2"  # no placement order when the parents consented (A3/A4)
    if not consent:
        events.append((order, 0, lambda jj, d=order: jj.status(d, "E1")))
    events.append((placed, 2, lambda jj, d=placed: _place_for_adoption(p, jj, d, child, consent)))
    return placed + days(rng.uniform(120, 330)), rng.choice(("E11", "E11", "E11", "E12")), True


def _uasc(p: Planner, events, child: Child, t: date, ls: str, age: int):
    rng = p.rng
    r = rng.random()
    if r < 0.12:  # transferred to another council (National Transfer Scheme)
        return t + days(rng.uniform(20, 120)), "E3", False
    if r < 0.17:  # assessed as an adult, moved abroad, or went missing
        return t + days(rng.uniform(30, 300)), rng.choice(("E15", "E16", "E8")), False
    return _to18(p, events, child, t, ls, age)


def _sgo(p: Planner, events, child: Child, t: date, ls: str, age: int):
    return t + days(p.rng.uniform(300, 800)), lambda jj: sgo_end(p, jj), age < 5


def _independent(p: Planner, events, child: Child, t: date, ls: str, age: int):
    rng = p.rng
    return (
        child.dob + relativedelta(years=16) + days(rng.uniform(180, 700)),
        rng.choice(("E5", "E6")),
        False,
    )


def _home(p: Planner, events, child: Child, t: date, ls: str, age: int):
    rng = p.rng
    end = t + days(min(rng.lognormvariate(6.0, 0.85), 2500))
    if ls != "V2" and rng.random() < 0.2:  # placed with parents first (378: not under s20)
        d = end - days(rng.uniform(60, 180))
        setting = p.market.with_parents(child.home_post)
        events.append((d, 3, lambda jj, d=d: jj.move(d, setting, "CARPL")))
    return end, rng.choices(("E4A", "E4B", "E13"), (80, 8, 12))[0], False


OUTCOME_PLANS = {"adopt": _adopt, "uasc": _uasc, "sgo": _sgo, "indep": _independent, "home": _home}


def _place_for_adoption(p: Planner, j: Journey, d: date, child: Child, consent: bool) -> None:
    """A5/A6 (or A3/A4 with consent) placement, straight from a foster placement (336)."""
    if not j.setting.place.startswith("U"):
        j.move(d - days(40), p.market.foster(child.home_post), "CARPL")
    j.move(d, p.market.adoption(j.setting, child.home_post, consent), "CARPL")
