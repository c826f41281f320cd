"""Publication mode for the report JSON's "metrics" object (interfaces.md §4, metrics.md §2.3).

The same rule as for tables (publication.protect): counts 1..up_to hidden as "c", secondary
suppression wherever a published total would give a hidden count away, percentages and rates
built on a hidden count hidden too. The metric ids named here are those of the core list.
"""

from __future__ import annotations

from irohub.reporting.document import SUPPRESSED, Cell, Table, is_number
from irohub.reporting.publication import DEFAULT_UP_TO, Line, is_small, protect, suppress_table

# A breakdown whose categories add up to another metric that is published: hiding one category
# needs a second, or the total minus the others gives it away.
PARTITION_TOTALS = {
    "cohort.cla_snapshot.by_age_band": "cohort.cla_snapshot.count",
    "cohort.cla_snapshot.by_sex": "cohort.cla_snapshot.count",
    "cohort.cla_snapshot.by_ethnicity": "cohort.cla_snapshot.count",
    "cohort.cla_snapshot.by_ethnicity_code": "cohort.cla_snapshot.count",
    "cohort.legal_status.count": "cohort.cla_snapshot.count",
    "flow.discharges.by_reason": "flow.discharges.count",
    "reviews.by_type.count": "reviews.held.count",
    "reviews.by_iro.count": "reviews.held.count",
    "reviews.by_month.count": "reviews.held.count",
    "participation.code.count": "reviews.held.count",
    "reviews.timeliness.late_reason.count": "reviews.timeliness.late_count",
    "escalation.max_stage.count": "escalation.raised.count",
}
# Figures computed from counts: hidden wherever the count they rest on is hidden.
DERIVED_FROM = {
    "cohort.cla_snapshot.rate_per_10k": ("cohort.cla_snapshot.count",),
    "cohort.cla_month_end.rate_per_10k": ("cohort.cla_month_end.count",),
    "reviews.per_child.mean": ("reviews.held.count", "reviews.children_reviewed.count"),
}
CHANGE_OF = {"cohort.cla_snapshot.change_pct": "cohort.cla_snapshot.count"}
POPULATION_SOURCES = {
    "sex": "cohort.cla_snapshot.by_sex",
    "age_band": "cohort.cla_snapshot.by_age_band",
    "ethnicity_group": "cohort.cla_snapshot.by_ethnicity",
}
# Not counts of children: hours, targets, FTE, means and rates (handled above), and the IRO
# workforce, which councils publish by name of post and the DfE rule does not cover.
NOT_COUNT_WORDS = {"hours", "target", "fte", "mean", "mean_wd", "per_fte", "per_child", "register"}
NOT_COUNT_WORDS |= {"per_iro_fte_month", "rate_per_10k", "changes_per_child", "mean_by_role"}
NOT_COUNT_WORDS |= {"change_pct", "pct"}
# About the IROs, not the children: people and FTE (a caseload per FTE divides a large count of
# children by an FTE, which is not a small count of anyone).
STAFF_METRICS = {
    "iro.headcount",
    "iro.fte",
    "iro.by_employment_type",
    "iro.by_ethnicity",
    "iro.by_sex.pct",
    "iro.caseload.per_fte",
}
PARTS = ("value", "previous")
_TOTAL = "__total__"


# The shape of a metric (interfaces.md §4) is suppressed cell by cell below; the detail some
# metrics carry beside it (counts by sex or by code, shares...) is not, so publication keeps only
# its words (a reason, a date, a flag) and leaves its numbers out.
SHAPE_KEYS = frozenset({"value", "numerator", "denominator", "previous", "change", "change_pct"})


def _shape_and_words(metric):
    if not isinstance(metric, dict) or "value" not in metric:
        return metric
    return {
        key: value
        for key, value in metric.items()
        if key in SHAPE_KEYS or value is None or isinstance(value, str | bool)
    }


def suppress_metrics(metrics: dict, *, up_to: int = DEFAULT_UP_TO) -> dict:
    """A suppressed copy (the input is left as it was); see publication.suppress_metrics."""
    out = {key: _shape_and_words(_copy(value)) for key, value in metrics.items()}
    hidden: dict[str, dict[str, set]] = {}
    for metric_id, metric in out.items():
        if isinstance(metric, dict) and "value" in metric:
            hidden[metric_id] = _suppress_one(metric_id, metric, metrics, up_to)
    _suppress_derived(out, hidden)
    return out


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _suppress_one(metric_id: str, metric: dict, original: dict, up_to: int) -> dict[str, set]:
    if metric_id in STAFF_METRICS:
        return {}
    if "numerator" in metric:
        previous = metric.get("previous")
        if isinstance(previous, dict) and "numerator" in previous:
            _suppress_pct(previous, up_to)  # last year's figure, in full
        return {"value": _suppress_pct(metric, up_to)}
    if set(metric_id.split(".")) & NOT_COUNT_WORDS:
        return {}
    result = {}
    for part in PARTS:
        if part in metric:
            total = _published_total(metric_id, part, original)
            metric[part], result[part] = _suppress_counts(metric[part], total, up_to)
    if result.get("value") or result.get("previous"):
        for key in ("change", "change_pct"):
            if key in metric:
                metric[key] = SUPPRESSED
    return result


def _published_total(metric_id: str, part: str, original: dict) -> Cell:
    total = original.get(PARTITION_TOTALS.get(metric_id, ""), {})
    return total.get(part) if isinstance(total, dict) else None


def _suppress_counts(value, total: Cell, up_to: int):
    """(suppressed value, hidden keys); a hidden scalar is recorded as the key None."""
    if not isinstance(value, dict):
        return (SUPPRESSED, {None}) if is_small(value, up_to) else (value, set())
    if all(not isinstance(v, dict) for v in value.values()):
        values = {**value, _TOTAL: total}
        hidden = protect(values, [Line(tuple(value), _TOTAL)], up_to=up_to) - {_TOTAL}
        return {k: SUPPRESSED if k in hidden else v for k, v in value.items()}, hidden
    if all(isinstance(v, dict) for v in value.values()):
        return _suppress_matrix_or_records(value, up_to)
    return value, set()


def _suppress_matrix_or_records(value: dict, up_to: int):
    inner = [v for record in value.values() for v in record.values()]
    if any(isinstance(v, float | dict) for v in inner):
        return _suppress_records(value, up_to)
    table = _matrix_table(value)
    public = suppress_table(table, up_to=up_to)
    hidden = {row[0] for row, was in zip(public.rows, table.rows, strict=True) if row != was}
    columns = table.columns[1:-1]
    matrix = {row[0]: dict(zip(columns, row[1:-1], strict=True)) for row in public.rows[:-1]}
    return {r: {c: matrix[r][c] for c in value[r]} for r in value}, hidden


def _matrix_table(value: dict) -> Table:
    """A matrix as a table with its row and column sums, as a report prints it."""
    columns = list(dict.fromkeys(c for record in value.values() for c in record))
    rows = [[r, *(record.get(c, 0) for c in columns)] for r, record in value.items()]
    rows = [[*row, sum(v for v in row[1:] if is_number(v))] for row in rows]
    sums = [sum(row[j] for row in rows if is_number(row[j])) for j in range(1, len(columns) + 2)]
    return Table(
        id="matrix",
        title="",
        columns=["", *columns, "Total"],
        rows=[*rows, ["Total", *sums]],
        kinds=["label"] + ["count"] * (len(columns) + 1),
        total_row=True,
        total_column=True,
    )


def _suppress_records(value: dict, up_to: int):
    """Per-category records ({"children": n, "fte": f, "per_fte": x}): a hidden count hides
    the figures computed from it."""
    hidden = set()
    for key, record in value.items():
        small = [k for k, v in record.items() if isinstance(v, int) and is_small(v, up_to)]
        if small:
            hidden.add(key)
            for k in record:
                if k in small or k.startswith("per_") or k.endswith(("_pct", "ratio", "rate")):
                    record[k] = SUPPRESSED
    return value, hidden


def _suppress_pct(metric: dict, up_to: int) -> set:
    numerator, denominator = metric.get("numerator"), metric.get("denominator")
    if not isinstance(numerator, dict):
        if not (is_small(numerator, up_to) or is_small(denominator, up_to)):
            return set()
        metric["value"] = SUPPRESSED
        metric["numerator"] = SUPPRESSED if numerator else numerator
        metric["denominator"] = SUPPRESSED if is_small(denominator, up_to) else denominator
        return {None}
    if isinstance(denominator, dict):
        hidden = {
            k
            for k, n in numerator.items()
            if is_small(n, up_to) or is_small(denominator.get(k), up_to)
        }
        for k in hidden & set(denominator):
            denominator[k] = SUPPRESSED if is_small(denominator[k], up_to) else denominator[k]
    else:
        values = {**numerator, _TOTAL: denominator}
        hidden = protect(values, [Line(tuple(numerator), _TOTAL)], up_to=up_to) - {_TOTAL}
    for k in hidden:
        numerator[k] = SUPPRESSED if numerator.get(k) else numerator.get(k)
        if isinstance(metric.get("value"), dict) and k in metric["value"]:
            metric["value"][k] = SUPPRESSED
    return hidden


def _suppress_derived(out: dict, hidden: dict[str, dict[str, set]]) -> None:
    for derived, sources in DERIVED_FROM.items():
        for part in PARTS:
            keys = set().union(*(hidden.get(s, {}).get(part, set()) for s in sources))
            _hide_keys(out.get(derived), part, keys)
    for derived, source in CHANGE_OF.items():
        if any(hidden.get(source, {}).values()):
            _hide_keys(out.get(derived), "value", {None})
    comparison = out.get("cohort.population_comparison.pct", {}).get("value")
    for dimension, categories in (comparison or {}).items():
        for category in hidden.get(POPULATION_SOURCES.get(dimension, ""), {}).get("value", set()):
            if isinstance(categories.get(category), dict):
                categories[category].update(cla_pct=SUPPRESSED, ratio=SUPPRESSED)
    for row in (out.get("targets.register") or {}).get("value") or []:
        if None in hidden.get(row.get("metric_id"), {}).get("value", set()):
            row.update(actual=SUPPRESSED, gap=SUPPRESSED)


def _hide_keys(metric, part: str, keys: set) -> None:
    if not isinstance(metric, dict) or not keys or part not in metric:
        return
    if isinstance(metric[part], dict):
        for key in keys & set(metric[part]):
            metric[part][key] = SUPPRESSED
    else:
        metric[part] = SUPPRESSED
