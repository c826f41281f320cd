"""The report JSON (interfaces.md §4): the contract other people's scripts read.

`CORE_METRIC_IDS` is the core list of metrics.md, in its order; every one of them appears in the
JSON, even when its value is 0 or null. A core id no metric module has registered yet is still
written (value null, `"missing": true`) so a script sees the gap instead of a KeyError, and
`missing_core_ids()` names it so the tests fail until it lands.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from irohub.reporting.metrics.base import (
    REGISTRY,
    MetricDef,
    MetricResult,
    ReportingPeriod,
    compute,
)
from irohub.statutory.settings import RuleSettings

CORE_METRIC_IDS: tuple[str, ...] = (
    # Cohort
    "cohort.cla_snapshot.count",
    "cohort.cla_snapshot.rate_per_10k",
    "cohort.cla_snapshot.by_age_band",
    "cohort.cla_snapshot.by_sex",
    "cohort.cla_snapshot.age_by_sex",
    "cohort.cla_snapshot.by_ethnicity",
    "cohort.cla_snapshot.by_ethnicity_code",
    "cohort.population_comparison.pct",
    "cohort.uasc.count",
    "cohort.uasc_16plus.count",
    "cohort.cla_month_end.count",
    "cohort.cla_month_end.rate_per_10k",
    "cohort.uasc_month_end.count",
    "cohort.cla_snapshot.change_pct",
    "cohort.cla_any_time.count",
    "cohort.legal_status.count",
    "cohort.remand.count",
    "cohort.short_breaks.count",
    # Flow and placements
    "flow.admissions.count",
    "flow.admissions.children_count",
    "flow.admissions.by_month_age",
    "flow.discharges.count",
    "flow.discharges.children_count",
    "flow.discharges.by_month_age",
    "flow.discharges.by_reason",
    "placement.type.pct",
    "placement.out_of_area.count",
    "placement.distance_over_20mi.count",
    # Reviews
    "reviews.held.count",
    "reviews.children_reviewed.count",
    "reviews.per_child.mean",
    "reviews.by_month.count",
    "reviews.by_month.mean",
    "reviews.by_type.count",
    "reviews.by_iro.count",
    "reviews.per_iro_fte_month",
    "reviews.by_format.pct",
    "reviews.child_chaired.count",
    "reviews.additional.count",
    "reviews.short_break.count",
    # Timeliness
    "reviews.timeliness.all_pct",
    "reviews.timeliness.first_pct",
    "reviews.timeliness.second_pct",
    "reviews.timeliness.subsequent_pct",
    "reviews.timeliness.late_count",
    "reviews.timeliness.monthly_pct",
    "reviews.timeliness.missed_count",
    "reviews.timeliness.late_reason.count",
    "reviews.overdue_open.count",
    "reviews.due_soon.count",
    # Participation
    "participation.code.count",
    "participation.code.pct_all",
    "participation.code.pct_4plus",
    "participation.under4.pct",
    "participation.direct.pct_4plus",
    "participation.attended.pct_4plus",
    "participation.any.pct_4plus",
    "participation.views_conveyed.pct_4plus",
    "participation.none.pct_4plus",
    "participation.contributed.pct_all",
    "participation.seen_before_review.pct",
    # Quality of planning and recording
    "quality.pre_meeting_report.on_time_pct",
    "quality.care_plan.available_at_review_pct",
    "quality.decisions.within_5wd_pct",
    "quality.record.within_15wd_pct",
    "quality.record.mean_wd",
    "quality.advocacy_offered.pct",
    # Midway reviews and footprint
    "midway.held.count",
    "midway.children.count",
    "midway.coverage.pct",
    "quality.iro_footprint.count",
    # IRO workforce
    "iro.headcount",
    "iro.fte",
    "iro.by_employment_type",
    "iro.by_sex.pct",
    "iro.by_ethnicity",
    "iro.caseload.per_fte",
    "iro.caseload.by_iro",
    "iro.allocation.within_5wd_pct",
    "iro.unallocated.count",
    "iro.continuity.changes_per_child",
    "iro.continuity.same_iro_pct",
    # Escalations
    "escalation.raised.count",
    "escalation.children.count",
    "escalation.formal.count",
    "escalation.informal.count",
    "escalation.max_stage.count",
    "escalation.resolved_within_20wd.pct",
    "escalation.open.count",
    "escalation.by_theme.count",
    "escalation.outcome.count",
    "escalation.cafcass_referral.count",
    "escalation.good_practice_alerts.count",
    # Advocacy and independent visitors
    "advocacy.referrals.count",
    "advocacy.children_supported.count",
    "advocacy.hours.delivered",
    "advocacy.hours.contracted",
    "advocacy.issues.by_theme",
    "iv.matched.count",
    "iv.target",
    "iv.hours",
    # Feedback, complaints, audits, targets
    "feedback.responses.count",
    "feedback.knows_iro_role.pct",
    "feedback.felt_listened_to.pct",
    "feedback.questions_answered.pct",
    "feedback.life_getting_better.pct",
    "complaints.iro_service.count",
    "audit.cases.count",
    "audit.score.mean_by_role",
    "targets.register",
)

_CORE_START = "## The core list"
_CORE_END = "Shapes in the JSON"
_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


def core_ids_in_spec(text: str) -> list[str]:
    """The ids of metrics.md's core list, in order (used to keep CORE_METRIC_IDS in step)."""
    start = text.index(_CORE_START)
    end = text.index(_CORE_END, start)
    return _ID.findall(text[start:end])


def registry() -> dict[str, MetricDef]:
    """Every registered metric (the metric modules are imported first)."""
    from irohub.reporting.metrics.base import _load_metric_modules

    _load_metric_modules()
    return REGISTRY


def missing_core_ids() -> list[str]:
    """Core ids no metric module implements yet (the report shows them as not available)."""
    known = registry()
    return [mid for mid in CORE_METRIC_IDS if mid not in known]


def compute_core(
    period: ReportingPeriod, *, rules: RuleSettings, as_at: date
) -> dict[str, MetricResult]:
    """Every core metric for the period, computed once: the JSON and every report format read
    this one dict. A core id not registered yet becomes a null result marked missing."""
    missing = set(missing_core_ids())
    wanted = [mid for mid in CORE_METRIC_IDS if mid not in missing]
    results = compute(wanted, period=period, rules=rules, as_at=as_at)
    for mid in CORE_METRIC_IDS:
        if mid in missing:
            results[mid] = MetricResult(mid, None, extra={"missing": True})
    return {mid: results[mid] for mid in CORE_METRIC_IDS}


def report_json(
    period: ReportingPeriod,
    *,
    publication: bool,
    as_at: date,
    rules: RuleSettings | None = None,
    results: dict[str, MetricResult] | None = None,
) -> dict[str, Any]:
    """The report JSON of interfaces.md §4. Pass `results` to reuse a computation already made
    (the command writes the JSON and a document from one computation)."""
    if rules is None:
        from irohub.council.selectors import current_rules

        rules = current_rules()
    if results is None:
        results = compute_core(period, rules=rules, as_at=as_at)
    metrics = {mid: results[mid].to_json() for mid in CORE_METRIC_IDS}
    if publication:
        metrics = _published(metrics, rules)
    return {
        "reporting_year": period.label,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "snapshot_date": period.snapshot.isoformat(),
        "rules": rules.to_dict(),
        "metrics": metrics,
    }


def _published(metrics: dict[str, Any], rules: RuleSettings) -> dict[str, Any]:
    """Small numbers suppressed, and a check that no child identifier is anywhere in it (a
    metric's extra detail must never carry one; IdentifierLeak names it if it does)."""
    import json

    from irohub.reporting.publication import assert_no_identifiers, suppress_metrics
    from irohub.reporting.selectors import child_identifiers

    metrics = suppress_metrics(metrics, up_to=rules.publication.suppress_up_to)
    assert_no_identifiers(json.dumps(metrics, default=str), child_identifiers())
    return metrics
