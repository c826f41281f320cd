"""Small synthetic builders for the IRO pages' tests: IROs with sign-in accounts, children in
care with an allocation, reviews. Every name and identifier here is made up."""

from __future__ import annotations

import datetime as dt
import itertools

from irohub.children.models import Child, Episode, Flag
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review
from irohub.staff.models import IRO, Allocation
from irohub.statutory.participation import age_on

D = dt.date
BORN = D(2014, 6, 15)
IN_CARE_FROM = D(2025, 1, 6)
ALLOCATED_FROM = D(2025, 1, 8)
_serial = itertools.count(1)


def make_iro(user=None, *, name=None, provider="", employment_type=None, fte=1) -> IRO:
    number = next(_serial)
    employment = employment_type or ("commissioned" if provider else "permanent")
    return IRO.objects.create(
        iro_id=f"IRO{number:03d}",
        name=name or f"Iro Example {number}",
        email=f"iro{number}@example.org",
        employment_type=employment,
        provider=provider,
        fte=fte,
        start_date=D(2020, 1, 1),
        user=user,
    )


def make_child(
    *, dob=BORN, given="Sam", family=None, started=IN_CARE_FROM, ls="C2", **extra
) -> Child:
    """A child looked after since `started` (one open episode)."""
    number = next(_serial)
    child = Child.objects.create(
        child_id=f"C{number:05d}",
        sex="F",
        dob=dob,
        ethnicity="WBRI",
        given_name=given,
        family_name=family or f"Example{number}",
        **extra,
    )
    if started is not None:
        Episode.objects.create(child=child, decom=started, rne="S", ls=ls, cin="N1", place="U4")
    return child


def allocate(child, iro, start=ALLOCATED_FROM, end=None) -> Allocation:
    return Allocation.objects.create(child=child, iro=iro, start_date=start, end_date=end,
                                     change_reason="initial")  # fmt: skip


def review(child, day, **extra) -> Review:
    extra.setdefault("pn_code", "PN1")
    return Review.objects.create(child=child, review_date=day, **extra)


def flag(child, kind, start=IN_CARE_FROM, end=None, group="") -> Flag:
    return Flag.objects.create(child=child, flag=kind, start_date=start, end_date=end,
                               sibling_group=group)  # fmt: skip


def caseload(iro, size: int, *, today) -> list[Child]:
    """`size` children allocated to `iro`, with a review each, derived as at `today`."""
    children = []
    for index in range(size):
        child = make_child(dob=D(2008 + index % 14, 1 + index % 12, 1 + index % 27))
        allocate(child, iro)
        held = D(2025, 1, 27)
        review(child, held, pn_code="PN0" if age_on(child.dob, held) < 4 else "PN1")
        children.append(child)
    recompute([c.pk for c in children], as_at=today)
    return children
