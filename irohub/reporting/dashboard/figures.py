"""The dashboard's figures, worked out by `irohub.reporting.metrics` (never queried here), each
against the council's target for the year with the target register's RAG rule, and kept in the
cache for a few minutes: the figures of a large council take a second or more to work out, and
managers open the dashboard many times a day.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone

from irohub.council.models import CouncilRules, Target
from irohub.reporting.dashboard import assurance, providers
from irohub.reporting.dashboard.periods import month_to_date, year_to_date
from irohub.reporting.metrics.base import (
    REGISTRY,
    MetricContext,
    MetricResult,
    _load_metric_modules,
    compute,
)
from irohub.reporting.metrics.targets import rag
from irohub.staff.models import IRO

FRESH_FOR_SECONDS = 300
# Figures against targets, in the order shown; those also shown for the month so far.
AGAINST_TARGET = (
    "reviews.timeliness.all_pct", "reviews.timeliness.first_pct",
    "reviews.timeliness.second_pct", "reviews.timeliness.subsequent_pct",
    "participation.direct.pct_4plus", "participation.any.pct_4plus",
    "quality.record.within_15wd_pct", "midway.coverage.pct", "iro.allocation.within_5wd_pct",
)  # fmt: skip
MONTHLY = AGAINST_TARGET[:7]
LIVE = ("reviews.held.count", "reviews.overdue_open.count", "reviews.due_soon.count",
        "escalation.open.count", "iro.unallocated.count", "iro.caseload.per_fte",
        "iro.caseload.by_iro")  # fmt: skip
PROVIDER = (*AGAINST_TARGET[:5], "quality.record.within_15wd_pct", "reviews.held.count")


@dataclass
class Row:
    """One figure this year (and this month) against its target."""

    id: str
    title: str
    year: MetricResult
    month: MetricResult | None = None
    target: float | None = None
    higher_is_better: bool = True
    rag: str | None = None
    month_rag: str | None = None

    @property
    def year_text(self) -> str:
        return text(self.year)

    @property
    def month_text(self) -> str:
        return text(self.month) if self.month is not None else "Not shown"

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "None set"
        shown = f"{self.target:g}{'%' if REGISTRY[self.id].unit == 'pct' else ''}"
        return f"{shown} or more" if self.higher_is_better else f"{shown} or less"


def text(result: MetricResult) -> str:
    """A figure as the page writes it: "85.1% (63 of 74)", "12", or "No reviews yet"."""
    if REGISTRY[result.id].unit == "pct":
        if result.value is None:
            return "None to count yet"
        return f"{result.value:g}% ({result.numerator} of {result.denominator})"
    return "Not known" if result.value is None else f"{result.value:g}"


@dataclass
class Caseload:
    iro_id: str
    name: str
    provider: str
    fte: float
    children: int
    per_fte: float | None
    band: tuple[int, int]  # 50-70 pro rata to FTE
    status: str  # within, above or below the band


@dataclass
class Provider:
    name: str
    iros: list[str]
    children: int
    rows: list[Row]


@dataclass
class Dashboard:
    today: date
    year: str
    month: str
    worked_out_at: datetime
    rows: list[Row]
    live: dict[str, MetricResult]
    caseloads: list[Caseload]
    providers: list[Provider] = field(default_factory=list)
    escalations: list[dict] = field(default_factory=list)
    targets: list[assurance.TargetLine] = field(default_factory=list)
    priorities: list[assurance.PriorityLine] = field(default_factory=list)
    audits: assurance.Audits | None = None
    key: str = ""  # its cache key
    html: str = ""  # the figures as the page shows them, rendered once (`keep_html`)


def open_escalations(result: MetricResult, names: dict[str, str]) -> list[dict]:
    """The live list of escalation.open.count, red first, with dates and IRO names to show."""
    found = []
    for row in result.extra.get("live", []):
        due = row["overall_due"]
        found.append({**row, "opened": date.fromisoformat(row["opened"]),
                      "overall_due": date.fromisoformat(due) if due else None,
                      "iro": names.get(row["iro_id"], row["iro_id"] or "None")})  # fmt: skip
    return found


def _targets(label: str) -> dict[str, tuple[Decimal, str]]:
    rows = Target.objects.filter(year=label).values_list("metric_id", "target", "direction")
    return {metric_id: (target, direction) for metric_id, target, direction in rows}


def _rag(result: MetricResult | None, target) -> str | None:
    if result is None or target is None or not isinstance(result.value, int | float):
        return None
    is_pct = REGISTRY[result.id].unit == "pct"
    return rag(Decimal(str(result.value)), target[0], target[1], is_pct)


def rows(year: dict, month: dict, targets: dict, ids=AGAINST_TARGET) -> list[Row]:
    found = []
    for metric_id in ids:
        target = targets.get(metric_id)
        found.append(Row(
            metric_id, REGISTRY[metric_id].title, year[metric_id], month.get(metric_id),
            float(target[0]) if target else None,
            target is None or target[1] == Target.Direction.HIGHER,
            _rag(year[metric_id], target), _rag(month.get(metric_id), target),
        ))  # fmt: skip
    return found


def caseloads(by_iro: MetricResult, band, people: dict[str, tuple[str, str]]) -> list[Caseload]:
    """Each IRO's caseload (iro.caseload.by_iro) against the 50-70 band pro rata to FTE."""
    found = []
    for iro_id, row in by_iro.value.items():
        low, high = round(band[0] * row["fte"]), round(band[1] * row["fte"])
        status = (
            "above" if row["children"] > high else "below" if row["children"] < low else "within"
        )
        name, provider = people.get(iro_id, (iro_id, ""))
        found.append(Caseload(iro_id, name, provider, row["fte"], row["children"],
                              row["per_fte"], (low, high), status))  # fmt: skip
    return sorted(found, key=lambda c: (-(c.per_fte or 0), c.name))


def _provider(name, chairs, ctx, targets, loads) -> Provider:
    narrowed = providers.scoped(ctx, chairs)
    figures = {mid: REGISTRY[mid].function(narrowed) for mid in PROVIDER}
    mine = [c for c in loads if c.provider == name]
    return Provider(name, [c.name for c in mine], sum(c.children for c in mine),
                    rows(figures, {}, targets, ids=PROVIDER))  # fmt: skip


def work_out(*, today: date, rules) -> Dashboard:
    """Every figure of the dashboard as at today (no cache)."""
    year_period, month_period = year_to_date(today, rules), month_to_date(today)
    _load_metric_modules()  # the registry fills as the metric modules are imported
    ctx = MetricContext(year_period, rules, as_at=today)
    year = {mid: REGISTRY[mid].function(ctx) for mid in (*AGAINST_TARGET, *LIVE, *assurance.IDS)}
    month = compute(MONTHLY, period=month_period, rules=rules, as_at=today, with_previous=False)
    targets = _targets(year_period.label)
    people = {iro_id: (name, provider) for iro_id, name, provider
              in IRO.objects.values_list("iro_id", "name", "provider")}  # fmt: skip
    loads = caseloads(year["iro.caseload.by_iro"], rules.caseload.band_per_fte, people)
    names = {iro_id: name for iro_id, (name, _) in people.items()}
    return Dashboard(
        today=today, year=year_period.label, month=month_period.label,
        worked_out_at=timezone.now(), rows=rows(year, month, targets),
        live={mid: year[mid] for mid in LIVE}, caseloads=loads,
        providers=[_provider(name, chairs, ctx, targets, loads)
                   for name, chairs in providers.providers(ctx).items()],
        escalations=open_escalations(year["escalation.open.count"], names),
        targets=assurance.targets(year[assurance.REGISTER]),
        priorities=assurance.priorities(year_period.label, ctx, dict(year)),
        audits=assurance.audits(year[assurance.CASES], year[assurance.SCORES]),
    )  # fmt: skip


_lock = threading.Lock()


def live(*, today: date, rules, refresh: bool = False) -> Dashboard:
    """The dashboard as at today, from the cache when worked out in the last few minutes under
    the same rules; `refresh` works it out again now."""
    rules_id = CouncilRules.objects.order_by("-id").values_list("id", flat=True).first()
    key = f"irohub.dashboard:{today.isoformat()}:{rules_id}"
    found = None if refresh else cache.get(key)
    if found is None:
        with _lock:  # several requests at once in one process work it out once
            found = None if refresh else cache.get(key)
            if found is None:
                found = work_out(today=today, rules=rules)
                found.key = key
                cache.set(key, found, FRESH_FOR_SECONDS)
    return found


def keep_html(board: Dashboard, html: str) -> None:
    """Keep the rendered figures with them until they are worked out again (the same for
    every reader: nothing in them depends on who is looking)."""
    board.html = html
    left = FRESH_FOR_SECONDS - (timezone.now() - board.worked_out_at).total_seconds()
    if board.key and left > 1:
        cache.set(board.key, board, left)
