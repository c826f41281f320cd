"""Small, hand-made councils for metric tests (shared by every metric family).

Build rows with the `council` fixture, derive, then compute:

    def test_something(council):
        child = council.child("C1", dob=date(2015, 2, 1))
        council.episode(child, date(2024, 3, 28), ls="C2", place="U4")
        council.review(child, date(2024, 4, 29), pn_code="PN1", format="in_person")
        council.derive()                       # periods, review types, due dates, live fields
        result = council.metric("reviews.held.count")            # 2024-25 by default
        results = council.metrics(["reviews.held.count", ...])   # one shared context

Defaults keep tests short: a child is a White British boy, an episode starts a period
(RNE S) under a full care order in an in-house foster placement, and a review is reg 33.
`council.year` is the reporting year; `council.as_at` "today" for live metrics (pinned, never
the clock). `metric_context()` gives a MetricContext for testing loaders in data.py.

Fixtures: `council` (empty) and `timed` (a small council whose every review is timed by hand,
see the comment above it; used by the review and timeliness tests).
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from irohub.children.models import Child, Episode
from irohub.council.models import Population, ServiceFact
from irohub.reporting.metrics import postcode_index
from irohub.reporting.metrics.base import MetricContext, ReportingPeriod, compute
from irohub.reviews import derive
from irohub.reviews.models import Contact, Review
from irohub.staff.models import IRO, Allocation
from irohub.statutory.settings import RuleSettings

AS_AT = date(2026, 11, 22)
YEAR = "2024-25"


class Council:
    """Builders for one small synthetic council; every builder returns the saved row."""

    def __init__(self):
        self.rules = RuleSettings.default()
        self.year = YEAR
        self.as_at = AS_AT
        self._serial = itertools.count(1)

    # --- rows ---------------------------------------------------------------------------------

    def child(self, child_id: str | None = None, *, dob: date, sex="M", ethnicity="WBRI",
              uasc=False, **extra) -> Child:  # fmt: skip
        child_id = child_id or f"C{next(self._serial):04d}"
        return Child.objects.create(
            child_id=child_id, dob=dob, sex=sex, ethnicity=ethnicity, uasc=uasc, **extra
        )

    def episode(self, child: Child, decom: date, *, dec: date | None = None, rec: str = "",
                rne: str = "S", ls: str = "C2", place: str = "U4", place_provider: str = "PR1",
                cin: str = "N1", **extra) -> Episode:  # fmt: skip
        """One 903 episode. Give `dec` and `rec` together; rec "X1" continues the period."""
        return Episode.objects.create(
            child=child, decom=decom, dec=dec, rec=rec, rne=rne, ls=ls, place=place,
            place_provider=place_provider, cin=cin, **extra,
        )  # fmt: skip

    def in_care(self, child_id: str | None = None, *, dob: date, start: date,
                end: date | None = None, rec: str = "", **child_fields) -> Child:  # fmt: skip
        """A child with one episode from `start` (to `end`, ceasing with `rec`, default E8)."""
        episode_fields = {k: child_fields.pop(k) for k in ("ls", "place", "place_provider",
                          "home_post", "pl_post") if k in child_fields}  # fmt: skip
        child = self.child(child_id, dob=dob, **child_fields)
        self.episode(child, start, dec=end, rec=(rec or "E8") if end else "", **episode_fields)
        return child

    def review(self, child: Child, review_date: date, *, pn_code: str = "PN1", **details) -> Review:
        """A review (reg 33 by default); details are Review fields (format, chair, ...)."""
        return Review.objects.create(child=child, review_date=review_date, pn_code=pn_code,
                                     **details)  # fmt: skip

    def iro(self, iro_id: str | None = None, *, fte="1", start=date(2020, 1, 1), end=None,
            employment_type="permanent", **extra) -> IRO:  # fmt: skip
        iro_id = iro_id or f"IRO{next(self._serial)}"
        return IRO.objects.create(
            iro_id=iro_id, name=extra.pop("name", f"IRO {iro_id}"), fte=Decimal(str(fte)),
            start_date=start, end_date=end, employment_type=employment_type, **extra,
        )  # fmt: skip

    def allocate(self, child: Child, iro: IRO, start: date, end: date | None = None,
                 reason: str = "initial") -> Allocation:  # fmt: skip
        return Allocation.objects.create(child=child, iro=iro, start_date=start, end_date=end,
                                         change_reason=reason)  # fmt: skip

    def contact(self, child: Child, iro: IRO, day: date, kind="midway_review") -> Contact:
        return Contact.objects.create(child=child, iro=iro, contact_date=day, contact_type=kind)

    def population(self, year: int, dimension: str, category: str, count: int) -> Population:
        return Population.objects.create(
            year=year, dimension=dimension, category=category, count=count
        )

    def service_fact(self, item: str, value, year: str | None = None) -> ServiceFact:
        return ServiceFact.objects.create(year=year or self.year, item=item, value=value)

    # --- derive and compute -------------------------------------------------------------------

    def derive(self, as_at: date | None = None) -> None:
        """Periods of care, review types, due dates and live fields (irohub.reviews.derive)."""
        derive.recompute(as_at=as_at or self.as_at, rules=self.rules)

    def period(self, year: str | None = None) -> ReportingPeriod:
        return ReportingPeriod.for_year(year or self.year, self.rules)

    def metric_context(self, year: str | None = None, as_at: date | None = None):
        return MetricContext(self.period(year), self.rules, as_at=as_at or self.as_at)

    def metrics(self, ids, *, year: str | None = None, as_at: date | None = None,
                with_previous: bool = False) -> dict:  # fmt: skip
        return compute(
            list(ids), period=self.period(year), rules=self.rules,
            as_at=as_at or self.as_at, with_previous=with_previous,
        )  # fmt: skip

    def metric(self, metric_id: str, **kwargs):
        return self.metrics([metric_id], **kwargs)[metric_id]


@pytest.fixture(autouse=True, scope="session")
def _postcode_index_in_a_scratch_folder(tmp_path_factory):
    """The derived postcode index goes to a folder of the test session, not the tree's var/."""
    folder = tmp_path_factory.mktemp("postcode-index")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postcode_index, "cache_dir", lambda: folder)
        yield


@pytest.fixture
def council(db) -> Council:
    """An empty council to build rows in (see the module docstring)."""
    return Council()


# `timed`: the hand-timed council of the review and timeliness tests (2024-25; England and
# Wales bank holidays), derived as at TIMED_AS_AT, 01/04/2025.
#
#   R1 dob 01/02/2015, in care from Thu 28/03/2024 (IRO1):
#      29/04/2024 first, due Mon 29/04 (20 working days; Good Friday, Easter Monday)   on time
#      30/07/2024 second, due 29/07, 1 day late; chaired by IRO2 (recorded), virtual    late
#      20/01/2025 subsequent, due 30/01/2025                                            on time
#   R2 dob 15/06/2022, in care Wed 01/05/2024 (IRO2, commissioned), left 01/12/2024 (E4A):
#      01/06/2024 first, due Fri 31/05 (6 and 27 May are bank holidays)                 late
#      second due 01/09/2024 passed in care with no review: MISSED (left after it)
#   R3 dob 15/05/2008, UASC, in care Mon 02/09/2024 (IRO1):
#      30/09/2024 first, due 30/09; chaired by the child                                on time
#      second due 30/12/2024: MISSED; overdue as at 01/04/2025
#   R4 dob 01/01/2012, in care from Thu 01/06/2023 (IRO1); before the year: 28/06/2023 first,
#      20/09/2023 second, 15/03/2024 subsequent. In the year:
#      20/09/2024 subsequent, due 15/09/2024, 5 days late (IRO capacity), co-chaired    late
#      01/02/2025 additional (counts as the next review), due 20/03/2025, hybrid        on time
#   R5 reg 48 short breaks from 05/05/2024; reg 48 review 01/08/2024 (due 05/08/2024)
#   R6 dob 01/01/2010, a review on 01/08/2024 but never in care: held, not assessed, no chair
#   R7 dob 01/01/2016, in care Mon 10/03/2025: first review due Mon 07/04/2025 (due soon)
#
# Reg 33 reviews in the year: 8 (7 timed): on time 4 -> 57.1%; first 2/3, second 0/1,
# subsequent 2/3 (the mean of those three rates would be 44.4%: never used).

TIMED_AS_AT = date(2025, 4, 1)


@pytest.fixture
def timed(council):
    c = council
    iro1 = c.iro("IRO1", fte="1")
    iro2 = c.iro("IRO2", fte="0.6", start=date(2023, 4, 1), employment_type="commissioned")
    r1 = c.in_care("R1", dob=date(2015, 2, 1), start=date(2024, 3, 28))
    c.allocate(r1, iro1, date(2024, 3, 28))
    c.review(r1, date(2024, 4, 29), format="in_person")
    c.review(r1, date(2024, 7, 30), format="virtual", chair=iro2, chair_source="recorded",
             late_reason="rescheduled")  # fmt: skip
    c.review(r1, date(2025, 1, 20))
    r2 = c.in_care("R2", dob=date(2022, 6, 15), start=date(2024, 5, 1), end=date(2024, 12, 1),
                   rec="E4A")  # fmt: skip
    c.allocate(r2, iro2, date(2024, 5, 2), date(2024, 12, 1))
    c.review(r2, date(2024, 6, 1), pn_code="PN0")
    r3 = c.in_care("R3", dob=date(2008, 5, 15), uasc=True, start=date(2024, 9, 2))
    c.allocate(r3, iro1, date(2024, 9, 3))
    c.review(r3, date(2024, 9, 30), chaired_by="child")
    r4 = c.in_care("R4", dob=date(2012, 1, 1), start=date(2023, 6, 1))
    c.allocate(r4, iro1, date(2023, 6, 1))
    for day in (date(2023, 6, 28), date(2023, 9, 20), date(2024, 3, 15)):
        c.review(r4, day)
    c.review(r4, date(2024, 9, 20), chaired_by="co_chaired", late_reason="iro_capacity")
    c.review(r4, date(2025, 2, 1), additional=True, format="hybrid")
    r5 = c.child("R5", dob=date(2013, 1, 1))
    c.episode(r5, date(2024, 5, 5), dec=date(2024, 5, 7), rec="E4A", ls="V3")
    c.episode(r5, date(2024, 8, 10), dec=date(2024, 8, 12), rec="E4A", ls="V3")
    c.review(r5, date(2024, 8, 1), statutory_basis="reg48", pn_code="")
    c.review(c.child("R6", dob=date(2010, 1, 1)), date(2024, 8, 1))
    c.in_care("R7", dob=date(2016, 1, 1), start=date(2025, 3, 10))
    c.as_at = TIMED_AS_AT
    c.derive()
    return c
