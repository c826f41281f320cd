"""Derived data, set-wise: periods of care from episodes, every review's type, due date and
timeliness, and each child's live fields, all from `irohub.statutory` (the one implementation of
every date rule). A handful of queries read the children's history; bulk writes save only what
changed, so recomputing unchanged data writes nothing.

Reviews are known from `history_start()`: a period of care that began before then is timed from
its first known review (decision record 0004)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F, Min

from irohub.children.models import Child, Episode, HeaderYear, PeriodOfCare
from irohub.council.selectors import current_rules
from irohub.reviews import bulk, derive_reviews
from irohub.reviews.bulk import scoped as _scoped
from irohub.staff.models import Allocation
from irohub.statutory.periods import Episode as StatEpisode
from irohub.statutory.periods import PeriodOfCare as StatPeriod
from irohub.statutory.periods import periods_of_care


@dataclass
class Pending:
    """Episodes and reviews an import has yet to insert (dicts of attribute names): recompute
    counts them with the stored rows and inserts them with their derived fields set."""

    episodes: list[dict] = field(default_factory=list)
    reviews: list[dict] = field(default_factory=list)


def recompute(
    child_ids: Iterable[int] | None = None, *, as_at: date, rules=None, pending=None
) -> int:
    """Recompute the derived data of these children (primary keys; None means every child) as at
    a date, and return how many children were looked at. Call it after any change to a child's
    episodes, reviews or allocations, after the rules change, and daily (live fields move on).
    `pending` rows (an import's new episodes and reviews, of these children) are inserted."""
    pks = None if child_ids is None else set(child_ids)
    pending = pending or Pending()
    if pks is not None and not pks:
        return 0
    rules = rules or current_rules()
    with transaction.atomic():
        children = _read_children(pks)
        stat_periods = periods_of_care(
            _read_episodes(pks, pending.episodes),
            break_in_care_min_days=rules.reviews.break_in_care_min_days,
        )
        period_pks = _save_periods(stat_periods, set(children), pks)
        _save_episode_periods(stat_periods, period_pks, pks, pending.episodes)
        timetables = derive_reviews.save_reviews(
            stat_periods, period_pks, children, pks, rules=rules, as_at=as_at,
            pending=pending.reviews, known_from=history_start(),
        )  # fmt: skip
        _save_children(children, stat_periods, period_pks, timetables, pks, as_at)
    return len(children)


def history_start() -> date | None:
    """The day irohub's records of reviews start: 1 April of the earliest SSDA903 collection
    year imported (a 903 return carries only the reviews held in its year, so the reviews of a
    child already in care then are not known), or None when no 903 was imported (reviews
    entered in irohub from a child's first day are all known). Pass it as `reviews_known_from`
    to every review timetable built from stored reviews."""
    first = HeaderYear.objects.aggregate(first=Min("year"))["first"]
    return None if first is None else date(first, 4, 1)


def cut_short(period_pks: Iterable[int] | None = None) -> dict[int, str]:
    """period pk -> the RNE of the first episode, for the periods of care (of these pks; None:
    all) whose first episode continues an earlier one (RNE not S): a 903 return holds only the
    episodes open in its year, so their start is not in the data. One query."""
    rows = Episode.objects.filter(decom=F("period__start")).exclude(rne="S").order_by()
    if period_pks is not None:
        rows = rows.filter(period_id__in=list(period_pks))
    return dict(rows.values_list("period_id", "rne"))


def period_for_timing(period, child, first_rne: str | None = None) -> StatPeriod:
    """A stored period of care (anything with start, end, short_break and number) as the rules
    core times it, without reading its episodes: `first_rne` is the RNE of its first episode
    when that is not S (see `cut_short`), else None; the core reads nothing else of them."""
    episodes = (
        () if first_rne in (None, "S") else (StatEpisode(child, period.start, None, first_rne, ""),)
    )
    return StatPeriod(child, period.start, period.end, episodes, period.short_break, period.number)


def _read_children(pks) -> dict[int, date]:
    return dict(_scoped(Child.objects, "pk", pks).values_list("pk", "dob"))


EPISODE_FIELDS = ("child_id", "decom", "dec", "rne", "ls", "rec", "place")


def _read_episodes(pks, pending: list[dict]) -> list[StatEpisode]:
    rows = list(_scoped(Episode.objects, "child_id", pks).values_list(*EPISODE_FIELDS))
    rows += [tuple(row[f] for f in EPISODE_FIELDS) for row in pending]
    return [
        StatEpisode(c, s, e, rne, ls, rec or None, place) for c, s, e, rne, ls, rec, place in rows
    ]


def _save_periods(stat_periods, children: set[int], pks) -> dict[tuple[int, int], int]:
    """Upsert PeriodOfCare rows by (child, number), delete those no longer there; return pks."""
    existing = {
        (c, n): (pk, (start, end, sb, reason))
        for pk, c, n, start, end, sb, reason in _scoped(
            PeriodOfCare.objects, "child_id", pks
        ).values_list("pk", "child_id", "number", "start", "end", "short_break", "end_reason")
    }
    new, changed, wanted = [], [], set()
    for p in stat_periods:
        key = (p.child, p.number)
        wanted.add(key)
        values = (p.start, p.end, p.short_break, p.end_reason or "")
        if key not in existing:
            new.append({"child_id": p.child, "number": p.number, "start": p.start, "end": p.end,
                        "short_break": p.short_break, "end_reason": p.end_reason or ""})  # fmt: skip
        elif existing[key][1] != values:
            changed.append((existing[key][0], *values))
    gone = [pk for key, (pk, _) in existing.items() if key not in wanted and key[0] in children]
    if gone:
        PeriodOfCare.objects.filter(pk__in=gone).delete()
    bulk.insert(PeriodOfCare, new)
    bulk.update(PeriodOfCare, changed, ["start", "end", "short_break", "end_reason"])
    result = {key: pk for key, (pk, _) in existing.items() if key in wanted}
    if new:
        created = _scoped(PeriodOfCare.objects, "child_id", {p["child_id"] for p in new})
        for pk, child, number in created.values_list("pk", "child_id", "number"):
            result.setdefault((child, number), pk)
    return result


def _save_episode_periods(stat_periods, period_pks, pks, pending: list[dict]) -> None:
    wanted = {
        (e.child, e.start): period_pks[(p.child, p.number)]
        for p in stat_periods
        for e in p.episodes
    }
    changed = []
    for pk, child, start, period in _scoped(Episode.objects, "child_id", pks).values_list(
        "pk", "child_id", "decom", "period_id"
    ):
        target = wanted.get((child, start))
        if target != period:
            changed.append((pk, target))
    bulk.update(Episode, changed, ["period_id"])
    for row in pending:
        row["period_id"] = wanted.get((row["child_id"], row["decom"]))
    bulk.insert(Episode, pending)


def _save_children(children, stat_periods, period_pks, timetables, pks, as_at) -> None:
    """Looked after now, the current period, the next review due and the current IRO."""
    live: dict[int, tuple] = {pk: (False, None, None, "", None) for pk in children}
    for p in stat_periods:
        if p.start <= as_at and (p.end is None or p.end > as_at):
            table = timetables.get((p.child, p.number))
            due = table.next_due if table else None
            kind = (table.next_type or "") if table else ""
            live[p.child] = (True, period_pks[(p.child, p.number)], due, kind, None)
    for child, iro in _current_iros(pks, as_at).items():
        if child in live:
            live[child] = (*live[child][:4], iro)
    fields = ["looked_after", "current_period_id", "next_review_due", "next_review_type",
              "current_iro_id"]  # fmt: skip
    changed = [
        (pk, *live[pk])
        for pk, *current in _scoped(Child.objects, "pk", pks).values_list("pk", *fields)
        if tuple(current) != live[pk]
    ]
    bulk.update(Child, changed, fields)


def _current_iros(pks, as_at: date) -> dict[int, int]:
    """The IRO allocated to each child on the date (the latest allocation if two overlap)."""
    rows = (
        _scoped(Allocation.objects, "child_id", pks)
        .filter(start_date__lte=as_at)
        .exclude(end_date__lt=as_at)
        .order_by("start_date")
        .values_list("child_id", "iro_id")
    )
    return dict(rows)
