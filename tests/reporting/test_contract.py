"""The report JSON contract (interfaces.md §4): every core id of metrics.md, registered, present
and shaped as the contract says."""

from __future__ import annotations

from pathlib import Path

import pytest

from irohub.reporting.contract import CORE_METRIC_IDS, core_ids_in_spec, missing_core_ids
from irohub.reporting.document import SUPPRESSED, is_number

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "metrics.md"
PERCENTAGE_SUFFIXES = ("_pct", ".pct", ".pct_all", ".pct_4plus")

pytestmark = pytest.mark.django_db  # the report is made once per session (conftest.py)


def test_core_ids_are_the_core_list_of_metrics_md():
    if not SPEC.exists():
        pytest.skip(f"{SPEC} is not beside the repository")
    assert list(CORE_METRIC_IDS) == core_ids_in_spec(SPEC.read_text(encoding="utf-8"))


def test_core_ids_are_unique():
    assert len(set(CORE_METRIC_IDS)) == len(CORE_METRIC_IDS) == 110


def test_every_core_id_is_registered():
    missing = missing_core_ids()
    assert not missing, "Core metrics with no implementation yet: " + ", ".join(missing)


def test_top_level_keys_and_period(annual_outputs):
    out = annual_outputs.json
    assert list(out) == ["reporting_year", "period", "snapshot_date", "rules", "metrics"]
    assert out["reporting_year"] == "2025-26"
    assert out["period"] == {"start": "2025-04-01", "end": "2026-03-31"}
    assert out["snapshot_date"] == "2026-03-31"


def test_rules_are_the_rules_in_force_as_rules_show_prints_them(annual_outputs):
    rules = annual_outputs.json["rules"]
    assert rules["reviews"]["first"] == "20 working days"
    assert set(rules) >= {"council", "reporting", "reviews", "deadlines", "publication"}


def test_every_core_id_is_present_in_order(annual_outputs):
    for out in (annual_outputs.json, annual_outputs.public_json):
        assert list(out["metrics"]) == list(CORE_METRIC_IDS)
        assert all("value" in metric for metric in out["metrics"].values())


def test_percentages_carry_their_numerator_and_denominator(annual_outputs):
    for metric_id, metric in annual_outputs.json["metrics"].items():
        if not metric_id.endswith(PERCENTAGE_SUFFIXES) or metric.get("missing"):
            continue
        if metric_id == "cohort.population_comparison.pct":  # its own shape (metrics.md)
            continue
        assert "numerator" in metric and "denominator" in metric, metric_id
        value = metric["value"]
        values = value.values() if isinstance(value, dict) else [value]
        for figure in values:
            if is_number(figure):
                assert round(figure, 1) == figure, (metric_id, figure)


def test_percentage_of_nothing_is_null_not_zero(annual_outputs):
    for metric_id, metric in annual_outputs.json["metrics"].items():
        if metric_id.endswith(PERCENTAGE_SUFFIXES) and metric.get("denominator") == 0:
            assert metric["value"] is None, metric_id


def test_breakdowns_use_the_category_keys_of_the_contract(annual_outputs):
    metrics = annual_outputs.json["metrics"]
    assert set(metrics["participation.code.count"]["value"]) <= {f"PN{n}" for n in range(8)}
    assert set(metrics["reviews.by_type.count"]["value"]) <= {"first", "second", "subsequent"}
    assert set(metrics["cohort.cla_snapshot.by_sex"]["value"]) <= {"M", "F", "U"}
    assert list(metrics["reviews.by_month.count"]["value"]) == annual_outputs.period.months()
    assert set(metrics["cohort.cla_snapshot.by_age_band"]["value"]) == {
        "under 1", "1-4", "5-9", "10-15", "16+",
    }  # fmt: skip


def test_previous_year_is_there_because_the_data_reach_back(annual_outputs):
    metrics = annual_outputs.json["metrics"]
    assert is_number(metrics["reviews.held.count"]["previous"])
    assert is_number(metrics["cohort.cla_snapshot.count"]["previous"])


def test_public_json_keeps_the_shapes(annual_outputs):
    public, internal = annual_outputs.public_json["metrics"], annual_outputs.json["metrics"]
    for metric_id, metric in public.items():
        # The public JSON keeps the contract's keys and may drop a metric's extra detail.
        contract_keys = {"value", "numerator", "denominator", "previous"} & set(internal[metric_id])
        assert contract_keys <= set(metric) <= set(internal[metric_id]), metric_id
        value = metric["value"]
        if value == SUPPRESSED:
            assert internal[metric_id]["value"] != SUPPRESSED
