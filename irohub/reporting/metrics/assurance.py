"""Feedback, complaints and case audits (metrics.md §2.14, §2.15).

Interpretations:

* Feedback responses count in the year of their `response_date`. The four yes/no questions are
  asked of children and young people: each percentage is the children's responses answering
  "yes" ÷ the children's responses that answered that question (a blank is not a "no").
* `complaints.iro_service.count` counts complaints received in the year (any stage).
* `audit.cases.count` counts audits (one per audit_id) dated in the year, the distinct children
  in `extra["children"]` (Brent 24/25 reported one dip sample as 16 and as 17: the data decide).
* `audit.score.mean_by_role` is the mean score of each auditor role over the year's audits that
  have that score; the moderation delta is the mean of (moderated - IRO) and of (moderated -
  manager) over the audits that have both scores, and `lowered_by_moderation` counts the audits
  whose moderated score is below each auditor's.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from irohub.quality.models import Audit
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric, pct, round_half_up
from irohub.voice.models import Complaint, FeedbackResponse

RESPONDENTS = tuple(FeedbackResponse.Respondent.values)
CHILD = FeedbackResponse.Respondent.CHILD.value
QUESTIONS = ("knows_iro_role", "felt_listened_to", "questions_answered", "life_getting_better")
ROLES = {"iro": "iro_score", "manager": "manager_score", "moderated": "moderated_score"}


def _feedback(ctx: MetricContext) -> list[tuple]:
    def load():
        return list(
            FeedbackResponse.objects.filter(
                response_date__range=(ctx.period.start, ctx.period.end)
            ).values_list("respondent", "age_band", *QUESTIONS)
        )

    return ctx.cached("assurance.feedback", load)


@metric("feedback.responses.count", title="Feedback responses", unit="count")
def responses(ctx: MetricContext) -> MetricResult:
    rows = _feedback(ctx)
    by_respondent = Counter(row[0] for row in rows)
    return MetricResult(
        "feedback.responses.count",
        len(rows),
        extra={"by_respondent": {r: by_respondent.get(r, 0) for r in RESPONDENTS}},
    )


def _question(ctx: MetricContext, question: str) -> MetricResult:
    """Children answering yes ÷ children who answered, with the same by age band."""
    column = 2 + QUESTIONS.index(question)
    answered = [row for row in _feedback(ctx) if row[0] == CHILD and row[column] is not None]
    yes = sum(1 for row in answered if row[column])
    bands: dict[str, list[int]] = {}
    for row in answered:
        counts = bands.setdefault(row[1] or "not stated", [0, 0])
        counts[0] += 1 if row[column] else 0
        counts[1] += 1
    by_band = {
        band: {"value": pct(n, d), "numerator": n, "denominator": d}
        for band, (n, d) in sorted(bands.items())
    }
    return MetricResult(
        f"feedback.{question}.pct",
        pct(yes, len(answered)),
        numerator=yes,
        denominator=len(answered),
        extra={"by_age_band": by_band},
    )


@metric("feedback.knows_iro_role.pct", title="Children who know what their IRO does", unit="pct")
def knows_iro_role(ctx: MetricContext) -> MetricResult:
    return _question(ctx, "knows_iro_role")


@metric("feedback.felt_listened_to.pct", title="Children who felt listened to", unit="pct")
def felt_listened_to(ctx: MetricContext) -> MetricResult:
    return _question(ctx, "felt_listened_to")


@metric(
    "feedback.questions_answered.pct", title="Children whose questions were answered", unit="pct"
)
def questions_answered(ctx: MetricContext) -> MetricResult:
    return _question(ctx, "questions_answered")


@metric(
    "feedback.life_getting_better.pct", title="Children who say life is getting better", unit="pct"
)
def life_getting_better(ctx: MetricContext) -> MetricResult:
    return _question(ctx, "life_getting_better")


@metric("complaints.iro_service.count", title="Complaints about the IRO service", unit="count")
def complaints(ctx: MetricContext) -> MetricResult:
    def load():
        return list(
            Complaint.objects.filter(
                received_date__range=(ctx.period.start, ctx.period.end)
            ).values_list("stage", "outcome")
        )

    rows = ctx.cached("assurance.complaints", load)
    stages = Counter(f"stage {stage}" if stage else "stage not recorded" for stage, _ in rows)
    outcomes = Counter(outcome or "not recorded" for _, outcome in rows)
    return MetricResult(
        "complaints.iro_service.count",
        sum(stages.values()),
        extra={
            "by_stage": dict(sorted(stages.items())),
            "by_outcome": dict(sorted(outcomes.items())),
        },
    )


def _audits(ctx: MetricContext) -> list[tuple]:
    def load():
        return list(
            Audit.objects.filter(audit_date__range=(ctx.period.start, ctx.period.end)).values_list(
                "child_id", "audit_type", *ROLES.values()
            )
        )

    return ctx.cached("assurance.audits", load)


@metric("audit.cases.count", title="Cases audited", unit="count")
def audit_cases(ctx: MetricContext) -> MetricResult:
    rows = _audits(ctx)
    by_type = Counter(row[1] for row in rows)
    return MetricResult(
        "audit.cases.count",
        len(rows),
        extra={
            "children": len({row[0] for row in rows}),
            "by_type": {kind: by_type.get(kind, 0) for kind in Audit.Type.values},
        },
    )


def _mean(values: list[Decimal]) -> float | None:
    return round_half_up(sum(values, Decimal(0)) / len(values), 2) if values else None


@metric("audit.score.mean_by_role", title="Mean audit score by auditor role", unit="breakdown")
def audit_scores(ctx: MetricContext) -> MetricResult:
    rows = _audits(ctx)
    scores = {role: [row[2 + i] for row in rows if row[2 + i] is not None]
              for i, role in enumerate(ROLES)}  # fmt: skip
    both_iro = [(row[4], row[2]) for row in rows if row[4] is not None and row[2] is not None]
    both_manager = [(row[4], row[3]) for row in rows if row[4] is not None and row[3] is not None]
    return MetricResult(
        "audit.score.mean_by_role",
        {role: _mean(values) for role, values in scores.items()},
        extra={
            "audits_scored": {role: len(values) for role, values in scores.items()},
            "moderation_delta": {
                "iro": _mean([moderated - iro for moderated, iro in both_iro]),
                "manager": _mean([moderated - manager for moderated, manager in both_manager]),
            },
            "lowered_by_moderation": {
                "iro": sum(1 for moderated, iro in both_iro if moderated < iro),
                "manager": sum(1 for moderated, manager in both_manager if moderated < manager),
            },
        },
    )
