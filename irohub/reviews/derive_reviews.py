"""The review half of `derive.recompute`: which period of care each review belongs to, its
sequence, type, due date and timeliness from `irohub.statutory.reviews.review_timetables`, and
the chair (the IRO allocated on the day, when none was recorded)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from irohub.reviews import bulk
from irohub.reviews.bulk import scoped as _scoped
from irohub.reviews.models import Review
from irohub.staff.models import Allocation
from irohub.statutory.reviews import ReviewHeld, review_timetables

DERIVED = ["period_id", "sequence", "review_type", "due_date", "in_time", "days_late", "chair_id",
           "chair_source"]  # fmt: skip
NOT_ASSESSED = (None, "", None, None, None)


READ = ("child_id", "review_date", "additional", "statutory_basis", "first_part_date", *DERIVED)


def save_reviews(
    stat_periods, period_pks, children, pks, *, rules, as_at, pending=(), known_from=None
):
    """Write each review's derived fields (inserting the `pending` new ones); return the
    timetables by (child, period number). Reviews are known from `known_from` (None: all are):
    the first known review of a period that began before then has no due date or timeliness."""
    reviews = _read(pks, pending)
    placed, items, keys = _place(reviews, stat_periods, period_pks, children)
    tables = review_timetables(items, rules=rules, as_at=as_at, reviews_known_from=known_from)
    timetables = dict(zip(keys, tables, strict=True))
    assessed = {(child, a.completed): a for (child, _), t in timetables.items() for a in t.reviews}
    chairs = _chairs(pks)
    changed = []
    for pk, child, day, _additional, _basis, _part, *current in reviews:
        a = assessed.get((child, day))
        derived = (
            (a.sequence, a.review_type, a.due_date, a.in_time, a.days_late) if a else NOT_ASSESSED
        )
        chair = _chair(current[6], current[7], chairs.get(child, ()), day)
        wanted = (placed.get(pk), *derived, *chair)
        if pk < 0:
            pending[-pk - 1].update(zip(DERIVED, wanted, strict=True))
        elif tuple(current) != wanted:
            changed.append((pk, *wanted))
    bulk.update(Review, changed, DERIVED)
    bulk.insert(Review, pending)
    return timetables


def _read(pks, pending) -> list[tuple]:
    """Stored reviews as (pk, *READ), then the pending ones: having no primary key yet, they
    are keyed by a negative stand-in."""
    reviews = list(_scoped(Review.objects, "child_id", pks).values_list("pk", *READ))
    defaults = {f: Review._meta.get_field(f).get_default() for f in READ}
    reviews += [
        (-n, *(row.get(f, defaults[f]) for f in READ)) for n, row in enumerate(pending, start=1)
    ]
    return reviews


def _place(reviews, stat_periods, period_pks, children):
    """Each review's period, and the (period, reviews held, date of birth) items to time."""
    by_child = defaultdict(list)
    for row in reviews:
        by_child[row[1]].append(row)
    items, keys, placed = [], [], {}
    for p in stat_periods:
        # A review on a day two periods share (a short break ending as full-time care starts)
        # belongs to the first.
        inside = [r for r in by_child.get(p.child, ()) if r[0] not in placed and p.covers(r[2])]
        for r in inside:
            placed[r[0]] = period_pks[(p.child, p.number)]
        held = [ReviewHeld(r[2], bool(r[3]), r[4], r[5]) for r in inside]
        items.append((p, held, children.get(p.child)))
        keys.append((p.child, p.number))
    return placed, items, keys


def _chairs(pks) -> dict[int, list[tuple]]:
    allocations = defaultdict(list)
    for child, iro, start, end in (
        _scoped(Allocation.objects, "child_id", pks)
        .order_by("start_date")
        .values_list("child_id", "iro_id", "start_date", "end_date")
    ):
        allocations[child].append((iro, start, end))
    return allocations


def _chair(chair, source: str, allocations, day: date) -> tuple[int | None, str]:
    """A recorded chair stays; otherwise the IRO allocated on the review date chaired it."""
    if source == Review.ChairSource.RECORDED:
        return chair, source
    found = None
    for iro, start, end in allocations:
        if start <= day and (end is None or day <= end):
            found = iro  # the latest allocation covering the day wins
    return (found, Review.ChairSource.ALLOCATION) if found else (None, "")
