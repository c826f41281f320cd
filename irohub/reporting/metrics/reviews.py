"""Review activity (metrics.md §2.6): statutory looked-after reviews (reg 33) completed in the
year, by month, type, chair and format, with reg 48 short-break reviews counted on their own.

A review belongs to the year of its completion date (the 903 REVIEW date). The chair is the IRO
recorded in review_details, else the IRO allocated on the day (irohub.reviews.derive).
"""

from __future__ import annotations

from collections import Counter

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct, round_half_up
from irohub.reviews.models import Review
from irohub.staff.models import EmploymentType

REVIEW_TYPES = ("first", "second", "subsequent")
FORMATS = (*Review.Format.values, "not_recorded")
CHILD_CHAIRS = frozenset({Review.ChairedBy.CHILD, Review.ChairedBy.CO_CHAIRED})
CHAIR_OFFER_AGE = 5  # Hounslow offers every child over 5 the chance to chair


def provider_kind(employment_type: str) -> str:
    """The iro_provider dimension: in-house (permanent or fixed term), agency, commissioned."""
    if employment_type == EmploymentType.COMMISSIONED:
        return "commissioned"
    return "agency" if employment_type == EmploymentType.AGENCY else "in_house"


@metric("reviews.held.count", title="Reviews held", unit="count")
def held(ctx: MetricContext) -> MetricResult:
    return MetricResult("reviews.held.count", len(data.reviews_in_period(ctx)))


@metric("reviews.children_reviewed.count", title="Children reviewed", unit="count")
def children_reviewed(ctx: MetricContext) -> MetricResult:
    n = len({r.child for r in data.reviews_in_period(ctx)})
    return MetricResult("reviews.children_reviewed.count", n)


@metric("reviews.per_child.mean", title="Reviews per child reviewed", unit="mean")
def per_child(ctx: MetricContext) -> MetricResult:
    """Reviews held ÷ children reviewed, to 2 decimal places (Brent: 798/440 = 1.81)."""
    reviews = data.reviews_in_period(ctx)
    children = len({r.child for r in reviews})
    value = round_half_up(len(reviews) / children, 2) if children else None
    return MetricResult(
        "reviews.per_child.mean", value, numerator=len(reviews), denominator=children
    )


def _by_month(ctx: MetricContext) -> dict[str, int]:
    counts = Counter(data.month_key(r.review_date) for r in data.reviews_in_period(ctx))
    return {month: counts[month] for month in ctx.period.months()}


@metric("reviews.by_month.count", title="Reviews held each month", unit="breakdown")
def by_month(ctx: MetricContext) -> MetricResult:
    return MetricResult("reviews.by_month.count", _by_month(ctx))


@metric("reviews.by_month.mean", title="Reviews held per month on average", unit="mean")
def by_month_mean(ctx: MetricContext) -> MetricResult:
    """Reviews held ÷ months in the period, to 1 decimal place (Brent: 798/12 = 66.5)."""
    months = len(ctx.period.months())
    n = len(data.reviews_in_period(ctx))
    return MetricResult(
        "reviews.by_month.mean", round_half_up(n / months, 1), numerator=n, denominator=months
    )


@metric("reviews.by_type.count", title="Reviews by type", unit="breakdown")
def by_type(ctx: MetricContext) -> MetricResult:
    """First, second and subsequent reviews; reviews outside any period of care (or after the
    18th birthday) have no type and are counted in `not_assessed`."""
    counts = Counter(r.review_type for r in data.reviews_in_period(ctx))
    value = {t: counts[t] for t in REVIEW_TYPES}
    not_assessed = sum(n for t, n in counts.items() if t not in REVIEW_TYPES)
    return data.count_breakdown("reviews.by_type.count", value, not_assessed=not_assessed)


@metric("reviews.by_iro.count", title="Reviews chaired by each IRO", unit="breakdown")
def by_iro(ctx: MetricContext) -> MetricResult:
    """Reviews per chairing IRO (iro_id), most first; `by_provider` splits in-house, agency
    and commissioned IROs; `no_chair` counts reviews with no recorded or allocated IRO."""
    reviews, people = data.reviews_in_period(ctx), data.iros(ctx)
    counts = Counter(r.chair_iro_id for r in reviews if r.chair is not None)
    kinds = Counter(provider_kind(people[r.chair].employment_type) for r in reviews if r.chair)
    value = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    extra = {"by_provider": {k: kinds[k] for k in ("in_house", "agency", "commissioned")},
             "no_chair": sum(r.chair is None for r in reviews)}  # fmt: skip
    return MetricResult("reviews.by_iro.count", value, extra=extra)


@metric("reviews.per_iro_fte_month", title="Reviews per IRO (FTE) per month", unit="number")
def per_iro_fte_month(ctx: MetricContext) -> MetricResult:
    """Reviews held ÷ months ÷ mean IRO FTE in post over the year (Bromley: 938/12/5.5 =
    14.2), to 1 decimal place; None when no IRO was in post."""
    months, fte = len(ctx.period.months()), data.mean_iro_fte(ctx)
    n = len(data.reviews_in_period(ctx))
    value = round_half_up(n / months / fte, 1) if fte else None
    extra = {"mean_fte": round_half_up(fte, 2), "months": months, "reviews": n}
    return MetricResult("reviews.per_iro_fte_month", value, extra=extra)


@metric("reviews.by_format.pct", title="Reviews by format", unit="breakdown")
def by_format(ctx: MetricContext) -> MetricResult:
    """In person, virtual, hybrid and not recorded, as shares of all reviews held."""
    reviews = data.reviews_in_period(ctx)
    counts = Counter(r.format or "not_recorded" for r in reviews)
    return data.pct_breakdown(
        "reviews.by_format.pct", {f: counts[f] for f in FORMATS}, len(reviews)
    )


@metric("reviews.child_chaired.count", title="Reviews chaired by the child", unit="count")
def child_chaired(ctx: MetricContext) -> MetricResult:
    """Reviews chaired or co-chaired by the child; `pct_5plus` is their share of the reviews
    of children aged 5 and over (the children offered the chair)."""
    reviews = data.reviews_in_period(ctx)
    chaired = [r for r in reviews if r.chaired_by in CHILD_CHAIRS]
    older = sum(data.age(r.dob, r.review_date) >= CHAIR_OFFER_AGE for r in reviews)
    co = sum(r.chaired_by == Review.ChairedBy.CO_CHAIRED for r in chaired)
    extra = {"chaired": len(chaired) - co, "co_chaired": co, "pct_5plus": pct(len(chaired), older)}
    return MetricResult("reviews.child_chaired.count", len(chaired), extra=extra)


@metric("reviews.additional.count", title="Additional (early) reviews", unit="count")
def additional(ctx: MetricContext) -> MetricResult:
    n = sum(bool(r.additional) for r in data.reviews_in_period(ctx))
    return MetricResult("reviews.additional.count", n)


@metric("reviews.short_break.count", title="Short-break (reg 48) reviews", unit="count")
def short_break(ctx: MetricContext) -> MetricResult:
    """Reg 48 reviews completed in the year, with their own timeliness (`in_time_pct`)."""
    breaks = [r for r in data.all_reviews_in_period(ctx) if r.statutory_basis == data.REG48]
    timed = [r for r in breaks if r.in_time is not None]
    on_time = sum(r.in_time for r in timed)
    extra = {"in_time": on_time, "in_time_pct": pct(on_time, len(timed))}
    return MetricResult("reviews.short_break.count", len(breaks), extra=extra)
