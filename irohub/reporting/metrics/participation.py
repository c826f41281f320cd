"""Participation of children in their reviews (metrics.md §2.8): the 903 PN codes, on the two
bases the seeds use — all reviews, and reviews of children aged 4 and over (all − PN0) — with
the groupings of `irohub.statutory.participation` (direct, attended, any, views conveyed, none).

PN0 means "under 4 at the review" and is derived from the date of birth, never taken from the
recorded code (Hounslow's table mixed under-4s into the other codes, §2.17): a review of a child
under `participation.pn0_under_age` is PN0 whatever was recorded. A review of an older child with
no valid PN1-PN7 code is `not_coded` and left out of every base (reported in `extra`).
"""

from __future__ import annotations

from collections import Counter

from irohub.reporting.metrics import data
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct
from irohub.statutory import participation as pn

CODES = tuple(sorted(pn.PN_CODES))  # PN0..PN7
FOUR_PLUS = tuple(sorted(pn.FOUR_PLUS))  # PN1..PN7


def code_of(ctx: MetricContext, review: data.ReviewRow) -> str | None:
    """The review's PN code: PN0 from the date of birth, else the recorded PN1-PN7, else None."""
    if pn.pn0_expected(review.dob, review.review_date, ctx.rules.participation.pn0_under_age):
        return "PN0"
    code = (review.pn_code or "").strip().upper()
    return code if code in pn.FOUR_PLUS else None


def _counts(ctx: MetricContext) -> tuple[dict[str, int], int]:
    """(reviews per code PN0..PN7, reviews of children 4+ with no valid code)."""

    def load():
        found = Counter(code_of(ctx, r) for r in data.reviews_in_period(ctx))
        return {c: found[c] for c in CODES}, found[None]

    return ctx.cached("participation.counts", load)


def _extra(ctx: MetricContext) -> dict:
    return {"not_coded": _counts(ctx)[1]}


@metric("participation.code.count", title="Reviews by participation code", unit="breakdown")
def code_count(ctx: MetricContext) -> MetricResult:
    counts, _ = _counts(ctx)
    return MetricResult("participation.code.count", dict(counts), extra=_extra(ctx))


@metric("participation.code.pct_all", title="Participation codes, all reviews", unit="breakdown")
def code_pct_all(ctx: MetricContext) -> MetricResult:
    counts, _ = _counts(ctx)
    return data.pct_breakdown(
        "participation.code.pct_all", counts, sum(counts.values()), **_extra(ctx)
    )


@metric("participation.code.pct_4plus", title="Participation codes, children aged 4+",
        unit="breakdown")  # fmt: skip
def code_pct_4plus(ctx: MetricContext) -> MetricResult:
    counts, _ = _counts(ctx)
    older = {c: counts[c] for c in FOUR_PLUS}
    return data.pct_breakdown(
        "participation.code.pct_4plus", older, sum(older.values()), **_extra(ctx)
    )


def _share(ctx: MetricContext, metric_id: str, group: frozenset[str], *, four_plus=True):
    counts, _ = _counts(ctx)
    base_codes = FOUR_PLUS if four_plus else CODES
    base = sum(counts[c] for c in base_codes)
    n = sum(counts[c] for c in group)
    return MetricResult(metric_id, pct(n, base), numerator=n, denominator=base, extra=_extra(ctx))


@metric("participation.under4.pct", title="Reviews of children under 4", unit="pct")
def under4(ctx: MetricContext) -> MetricResult:
    return _share(ctx, "participation.under4.pct", frozenset({"PN0"}), four_plus=False)


@metric("participation.direct.pct_4plus", title="Attended and spoke for themselves (4+)",
        unit="pct")  # fmt: skip
def direct(ctx: MetricContext) -> MetricResult:
    return _share(ctx, "participation.direct.pct_4plus", pn.DIRECT)


@metric("participation.attended.pct_4plus", title="Attended their review (4+)", unit="pct")
def attended(ctx: MetricContext) -> MetricResult:
    return _share(ctx, "participation.attended.pct_4plus", pn.ATTENDED)


@metric("participation.any.pct_4plus", title="Took part in any way (4+)", unit="pct")
def any_participation(ctx: MetricContext) -> MetricResult:
    return _share(ctx, "participation.any.pct_4plus", pn.ANY)


@metric("participation.views_conveyed.pct_4plus", title="Views conveyed (4+)", unit="pct")
def views_conveyed(ctx: MetricContext) -> MetricResult:
    return _share(ctx, "participation.views_conveyed.pct_4plus", pn.VIEWS_CONVEYED)


@metric("participation.none.pct_4plus", title="Did not take part (4+)", unit="pct")
def none(ctx: MetricContext) -> MetricResult:
    return _share(ctx, "participation.none.pct_4plus", pn.NONE)


@metric("participation.contributed.pct_all", title="Contributed in some way (all reviews)",
        unit="pct")  # fmt: skip
def contributed(ctx: MetricContext) -> MetricResult:
    """(all − PN7) ÷ all, Hounslow's "contributed in some way" (PN0 counts as contributing)."""
    every = frozenset(CODES) - pn.NONE
    return _share(ctx, "participation.contributed.pct_all", every, four_plus=False)


@metric("participation.seen_before_review.pct", title="Child seen by the IRO before the review",
        unit="pct")  # fmt: skip
def seen_before_review(ctx: MetricContext) -> MetricResult:
    """Reviews of children aged 4+ where the IRO saw or spoke with the child before the meeting
    ÷ reviews of children aged 4+; `not_recorded` counts those with no answer recorded."""
    under_age = ctx.rules.participation.pn0_under_age
    older = [
        r
        for r in data.reviews_in_period(ctx)
        if not pn.pn0_expected(r.dob, r.review_date, under_age)
    ]
    seen = sum(r.seen_before is True for r in older)
    return MetricResult(
        "participation.seen_before_review.pct", pct(seen, len(older)), numerator=seen,
        denominator=len(older), extra={"not_recorded": sum(r.seen_before is None for r in older)},
    )  # fmt: skip
