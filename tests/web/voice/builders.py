"""Small synthetic builders for the escalation, voice, quality and reminder tests: IROs with
sign-in accounts, children in care allocated to them, reviews. Every name and identifier here
is made up."""

from __future__ import annotations

import datetime as dt
import itertools

from irohub.children.models import Child, Episode
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review
from irohub.staff.models import IRO, Allocation

D = dt.date
IN_CARE_FROM = D(2025, 1, 6)
ALLOCATED_FROM = D(2025, 1, 8)
BORN = D(2014, 6, 15)
REVIEWED = D(2025, 1, 27)
_serial = itertools.count(1)


def make_iro(user=None, *, name=None, provider="", email=None) -> IRO:
    number = next(_serial)
    return IRO.objects.create(
        iro_id=f"VIRO{number:03d}",
        name=name or f"Ira Sample {number}",
        email=f"iro{number}@example.org" if email is None else email,
        employment_type="commissioned" if provider else "permanent",
        provider=provider,
        fte=1,
        start_date=D(2020, 1, 1),
        user=user,
    )


def make_child(*, dob=BORN, given="Alex", started=IN_CARE_FROM, **extra) -> Child:
    """A child looked after since `started` (one open episode)."""
    number = next(_serial)
    child = Child.objects.create(
        child_id=f"V{number:05d}", sex="M", dob=dob, ethnicity="WBRI", given_name=given,
        family_name=f"Sample{number}", **extra,
    )  # fmt: skip
    Episode.objects.create(child=child, decom=started, rne="S", ls="C2", cin="N1", place="U4")
    return child


def allocate(child, iro, start=ALLOCATED_FROM, end=None) -> Allocation:
    return Allocation.objects.create(child=child, iro=iro, start_date=start, end_date=end,
                                     change_reason="initial")  # fmt: skip


def review(child, day, **extra) -> Review:
    extra.setdefault("pn_code", "PN1")
    return Review.objects.create(child=child, review_date=day, **extra)


def caseload(iro, size: int, *, today, reviewed=REVIEWED) -> list[Child]:
    """`size` children allocated to `iro`, each with one review, derived as at `today`."""
    children = []
    for index in range(size):
        child = make_child(dob=D(2008 + index % 12, 1 + index % 12, 1 + index % 27))
        allocate(child, iro)
        if reviewed is not None:
            review(child, reviewed)
        children.append(child)
    recompute([c.pk for c in children], as_at=today)
    return children
