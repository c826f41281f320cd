"""The dashboard's assurance panels: the target register, the year's priorities and the case
audits. Every figure is read from a metric result the dashboard has already worked out
(`targets.register`, `audit.cases.count`, `audit.score.mean_by_role`, and each priority's
evidence metric): nothing here counts or rates anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from irohub.quality.models import Audit
from irohub.reporting.metrics.base import REGISTRY, MetricContext, MetricResult
from irohub.reporting.selectors import priorities_for

REGISTER = "targets.register"
CASES = "audit.cases.count"
SCORES = "audit.score.mean_by_role"
IDS = (REGISTER, CASES, SCORES)
# The priority statuses as GOV.UK tags (the same colours as the targets and priorities page).
STATUS_TAGS = {
    "Achieved": "govuk-tag--green",
    "Part achieved": "govuk-tag--yellow",
    "Not achieved": "govuk-tag--red",
    "In progress": "govuk-tag--blue",
    "Not started": "govuk-tag--grey",
}
ROLE_NAMES = {"iro": "IRO", "manager": "Manager", "moderated": "Moderated"}


@dataclass
class TargetLine:
    """One row of the target register as the dashboard shows it."""

    title: str
    target: str
    actual: str
    gap: str
    lower_is_better: bool
    rag: str | None
    note: str = ""


@dataclass
class PriorityLine:
    title: str
    status: str
    tag: str
    evidence: str  # the evidence metric's title, or "" when none is named
    figure: str  # its current figure as the page writes it


@dataclass
class ScoreLine:
    role: str
    mean: float | None
    scored: int
    delta: float | None = None  # moderated minus this role's score, over audits with both
    lowered: int | None = None  # audits whose moderated score is below this role's


@dataclass
class Audits:
    cases: int
    children: int
    by_type: dict[str, int]
    scores: list[ScoreLine]


def _is_pct(metric_id: str) -> bool:
    return metric_id in REGISTRY and REGISTRY[metric_id].unit == "pct"


def _number(value, metric_id: str, *, signed: bool = False) -> str:
    if value is None:
        return "–"
    shown = f"{value:+g}" if signed else f"{value:g}"
    if _is_pct(metric_id):
        return f"{shown} points" if signed else f"{shown}%"
    return shown


def targets(register: MetricResult) -> list[TargetLine]:
    """The `targets.register` rows, each with its figure's title, as the page writes them."""
    found = []
    for row in register.value or []:
        metric_id = row["metric_id"]
        known = REGISTRY.get(metric_id)
        found.append(TargetLine(
            known.title if known else metric_id, _number(row["target"], metric_id),
            _number(row["actual"], metric_id), _number(row["gap"], metric_id, signed=True),
            row["direction"] == "lower_is_better", row["rag"], row.get("note", ""),
        ))  # fmt: skip
    return found


def figure(result: MetricResult | None) -> str:
    """A priority's evidence figure: a single number as the dashboard writes it, else why not."""
    if result is None:
        return "No figure has this name"
    value = result.value
    if value is None:
        return "Not available yet"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "Not a single figure"
    if _is_pct(result.id) and result.denominator is not None:
        return f"{value:g}% ({result.numerator} of {result.denominator})"
    return _number(value, result.id)


def priorities(year: str, ctx: MetricContext, known: dict[str, MetricResult]) -> list[PriorityLine]:
    """This year's priorities (one query) with their evidence metric's figure, reusing a figure
    already worked out for the dashboard, else working it out once in the same context."""
    found = []
    for row in priorities_for([year])[year]:
        metric_id = row.evidence_metric_id
        if metric_id and metric_id not in known and metric_id in REGISTRY:
            known[metric_id] = REGISTRY[metric_id].function(ctx)
        found.append(PriorityLine(
            row.title, row.status, STATUS_TAGS.get(row.status, "govuk-tag--grey"),
            REGISTRY[metric_id].title if metric_id in REGISTRY else metric_id,
            figure(known.get(metric_id)) if metric_id else "",
        ))  # fmt: skip
    return found


def audits(cases: MetricResult, scores: MetricResult) -> Audits:
    """The year's audits: how many, of how many children, by type, and the mean scores."""
    extra = scores.extra
    lines = [
        ScoreLine(ROLE_NAMES.get(role, role), mean, extra["audits_scored"].get(role, 0),
                  extra["moderation_delta"].get(role), extra["lowered_by_moderation"].get(role))
        for role, mean in scores.value.items()
    ]  # fmt: skip
    names = dict(Audit.Type.choices)
    by_type = {names.get(kind, kind): n for kind, n in cases.extra["by_type"].items()}
    return Audits(cases.value, cases.extra["children"], by_type, lines)
