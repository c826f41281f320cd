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
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from irohub.children.models import Child, Episode
from irohub.council.models import Population, ServiceFact
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


@pytest.fixture
def council(db) -> Council:
    """An empty council to build rows in (see the module docstring)."""
    return Council()
