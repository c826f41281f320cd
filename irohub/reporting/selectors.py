"""Reads the annual report shares with its pages. None of them reads a figure: every figure comes
from the metrics (irohub.reporting.metrics). These read the words around the figures (the
manager's narrative, the council's priorities), which years have data, and the identifiers a
public report must never contain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Min

from irohub.children.models import Child, Episode
from irohub.council.models import Priority
from irohub.reporting.metrics.base import ReportingPeriod
from irohub.reporting.models import ReportNarrative
from irohub.reviews.models import Review
from irohub.statutory.settings import RuleSettings


@dataclass(frozen=True)
class NarrativeText:
    kind: str
    text: str


@dataclass(frozen=True)
class PriorityRow:
    title: str
    status: str  # the label, e.g. "Part achieved"
    narrative: str
    evidence_metric_id: str


def narratives_for(year: str) -> dict[str, list[NarrativeText]]:
    """The manager's texts of a year's report, by section, in order (one query)."""
    found: dict[str, list[NarrativeText]] = {}
    rows = ReportNarrative.objects.filter(year=year).order_by("section", "order", "id")
    for section, kind, text in rows.values_list("section", "kind", "text"):
        found.setdefault(section, []).append(NarrativeText(kind, text))
    return found


def section_entries(year: str, section: str) -> list[ReportNarrative]:
    """The texts of one section, for the page that edits them."""
    return list(
        ReportNarrative.objects.filter(year=year, section=section)
        .select_related("updated_by")
        .order_by("order", "id")
    )


def priorities_for(years: list[str]) -> dict[str, list[PriorityRow]]:
    """The council's priorities of the given reporting years, by year, in their order."""
    labels = dict(Priority.Status.choices)
    found: dict[str, list[PriorityRow]] = {year: [] for year in years}
    rows = Priority.objects.filter(year__in=years).order_by("year", "position", "id")
    for year, title, status, narrative, metric_id in rows.values_list(
        "year", "title", "status", "narrative", "evidence_metric_id"
    ):
        found[year].append(PriorityRow(title, labels.get(status, status), narrative, metric_id))
    return found


def years_with_data(*, today: date, rules: RuleSettings | None = None) -> list[ReportingPeriod]:
    """Reporting years with reviews, newest first: from the year of the first review (the DfE
    return's history starts there; older episodes only say when a child came into care) to the
    year of the latest episode or review, never beyond today's year."""
    reviews = Review.objects.aggregate(first=Min("review_date"), last=Max("review_date"))
    episodes = Episode.objects.aggregate(first=Min("decom"), last=Max("decom"), ended=Max("dec"))
    first_day = reviews["first"] or episodes["first"]
    if first_day is None:
        return []
    known = [d for d in (reviews["last"], episodes["last"], episodes["ended"]) if d is not None]
    first = ReportingPeriod.containing(first_day, rules)
    last = ReportingPeriod.containing(min(max(known), today), rules)
    return [
        ReportingPeriod.for_year(year, rules)
        for year in range(last.start.year, first.start.year - 1, -1)
    ]


def child_identifiers() -> list[str]:
    """Every child's 903 id, UPN and full name: none may appear in a public report."""
    found: list[str] = []
    for child_id, upn, given, family in Child.objects.values_list(
        "child_id", "upn", "given_name", "family_name"
    ):
        found.append(child_id)
        if upn:
            found.append(upn)
        if given and family:
            found.append(f"{given} {family}")
    return found
