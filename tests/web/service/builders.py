"""Small synthetic builders for the service-wide pages' tests: IROs with sign-in accounts,
children in care, allocations, reviews and bookings. Every name and identifier is made up."""

from __future__ import annotations

import datetime as dt
import itertools

from irohub.children.models import Child, Episode, Flag
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review, ReviewBooking
from irohub.staff.models import IRO, Allocation

D = dt.date
BORN = D(2014, 6, 15)
IN_CARE_FROM = D(2025, 1, 6)
IN_POST_FROM = D(2020, 1, 1)
ALLOCATED_FROM = D(2025, 1, 8)
_serial = itertools.count(1)


def make_iro(user=None, *, name=None, provider="", fte=1, start=IN_POST_FROM, end=None) -> IRO:
    number = next(_serial)
    return IRO.objects.create(
        iro_id=f"SIRO{number:03d}", name=name or f"Iro Example {number}",
        email=f"siro{number}@example.org",
        employment_type="commissioned" if provider else "permanent", provider=provider,
        fte=fte, start_date=start, end_date=end, user=user,
    )  # fmt: skip


def make_child(*, dob=BORN, given="Sam", family=None, started=IN_CARE_FROM, **extra) -> Child:
    """A child looked after since `started` (one open episode)."""
    number = next(_serial)
    child = Child.objects.create(
        child_id=f"S{number:05d}", sex="F", dob=dob, ethnicity="WBRI", given_name=given,
        family_name=family or f"Example{number}", **extra,
    )  # fmt: skip
    if started is not None:
        Episode.objects.create(child=child, decom=started, rne="S", ls="C2", cin="N1", place="U4")
    return child


def allocate(child, iro, start=ALLOCATED_FROM, end=None, reason="initial") -> Allocation:
    return Allocation.objects.create(child=child, iro=iro, start_date=start, end_date=end,
                                     change_reason=reason)  # fmt: skip


def sibling_group(group: str, *children, start=IN_POST_FROM) -> None:
    for child in children:
        Flag.objects.create(child=child, flag=Flag.Kind.SIBLING_GROUP, sibling_group=group,
                            start_date=start)  # fmt: skip


def review(child, day, **extra) -> Review:
    extra.setdefault("pn_code", "PN1")
    return Review.objects.create(child=child, review_date=day, **extra)


def book(child, day, *, iro=None, **extra) -> ReviewBooking:
    return ReviewBooking.objects.create(child=child, planned_date=day, format="in_person",
                                        iro=iro or child.current_iro, **extra)  # fmt: skip


def caseload(iro, size: int, *, today, started=IN_CARE_FROM, reviewed=None) -> list[Child]:
    """`size` children allocated to `iro` (each reviewed on `reviewed`, if given), derived."""
    children = []
    for index in range(size):
        child = make_child(dob=D(2010 + index % 12, 1 + index % 12, 1 + index % 27),
                           started=started)  # fmt: skip
        allocate(child, iro, start=max(started, ALLOCATED_FROM))
        if reviewed is not None:
            review(child, reviewed)
        children.append(child)
    derive(children, today)
    return children


def derive(children, today) -> None:
    recompute([c.pk for c in children], as_at=today)
