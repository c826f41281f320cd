"""Drafted sentences: the wording helpers, and the sections' sentences from fixed figures (no
database: the figures are MetricResults as the metrics would return them)."""

from __future__ import annotations

from datetime import date

import pytest

from irohub.reporting import sentences as say
from irohub.reporting.metrics.base import MetricResult, ReportingPeriod
from irohub.reporting.sections import (
    children,
    children_flow,
    escalations,
    feedback,
    participation,
    progress,
    quality,
    reviews,
    risks,
    service,
    timeliness,
)
from irohub.reporting.sections.base import ReportInputs
from irohub.reporting.sections.figures import Figures
from irohub.statutory.settings import RuleSettings


def inputs(*results: MetricResult, said: dict | None = None) -> ReportInputs:
    metrics = {r.id: r.to_json() for r in results}
    return ReportInputs(
        period=ReportingPeriod.for_year("2024-25"),
        rules=RuleSettings.default(),
        as_at=date(2025, 3, 31),
        tables=Figures(metrics),
        said=Figures(said if said is not None else metrics),
    )


# --- wording helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count", "expected"),
    [
        ("review", 1, "review"),
        ("review", 2, "reviews"),
        ("review", 0, "reviews"),
        ("child", 1, "child"),
        ("child", 440, "children"),
        ("priority", 3, "priorities"),
        ("day", 2, "days"),
        ("match", 2, "matches"),
    ],
)
def test_plural(word, count, expected):
    assert say.plural(word, count) == expected


def test_numbers_have_thousands_separators_and_no_trailing_zeros():
    assert say.number(1600) == "1,600"
    assert say.number(1.81) == "1.81"
    assert say.number(7.50) == "7.5"
    assert say.number(12.0) == "12"
    assert say.count_of(1, "child") == "1 child"
    assert say.count_of(1600, "review") == "1,600 reviews"


@pytest.mark.parametrize(
    ("value", "beside", "expected"),
    [
        (85.1, None, "85%"),  # whole numbers, as committee reports write them
        (85.5, None, "86%"),  # half-up
        (84.5, None, "85%"),
        (85.0, 83.0, "85%"),
        (85.1, 84.9, "85.1%"),  # the decimal is needed to tell the two apart
        (84.9, 85.1, "84.9%"),
        (99.6, None, "99.6%"),  # never "100%" of something that is not all
        (0.4, None, "0.4%"),  # never "0%" of something that happened
        (100.0, None, "100%"),
        (0.0, None, "0%"),
        (85.1, "c", "85%"),  # a suppressed comparison is no comparison
    ],
)
def test_percent_has_one_decimal_only_when_needed(value, beside, expected):
    assert say.percent(value, beside=beside) == expected


def test_year_on_year_words():
    assert say.compare_count(798, 835, year="2023-24") == "37 fewer than in 2023-24"
    assert say.compare_count(847, 835, year="2023-24") == "12 more than in 2023-24"
    assert say.compare_count(835, 835, year="2023-24") == "the same number as in 2023-24"
    assert say.compare_count(34, 33, since="a year before") == "1 more than a year before"
    assert say.compare_percent(85.1, 83.0) == "up from 83%"
    assert say.compare_percent(82.0, 87.4) == "down from 87%"
    assert say.compare_percent(85.0, 85.0, year="2023-24") == "the same as in 2023-24"
    assert say.compare_percent(85.1, 84.9) == "up from 84.9%"


@pytest.mark.parametrize("missing", [None, "c"])
def test_no_comparison_with_a_missing_or_suppressed_figure(missing):
    assert say.compare_count(798, missing, year="2023-24") is None
    assert say.compare_count(missing, 835, year="2023-24") is None
    assert say.compare_percent(85.1, missing) is None
    assert say.percent_with_change(85.1, missing) == "85%"
    assert say.percent_with_change(missing, 83.0) is None
    assert say.count_with_change(missing, 3, "review", year="2023-24") is None


def test_sentence_joins_what_exists_and_capitalises():
    assert say.sentence("a thing", None, "another") == "A thing; another."
    assert say.sentence(None, None) is None
    assert say.listing(["a", "b", "c"]) == "a, b and c"
    assert say.drafted("One.", None, "Two.") == ["One.", "Two."]


# --- sections' sentences -------------------------------------------------------------------------


def brent_reviews() -> list[MetricResult]:
    """Brent 2024-25's published headline figures (seed 000), as metric results."""
    return [
        MetricResult("reviews.held.count", 798, previous=835),
        MetricResult("reviews.children_reviewed.count", 440, previous=452),
        MetricResult("reviews.timeliness.all_pct", 85.1, 679, 798, previous=83.0),
    ]


def test_the_reviews_headline_of_the_brief():
    assert reviews.headline(inputs(*brent_reviews())) == (
        "798 reviews were held for 440 children, 37 fewer than in 2023-24; 85% were on time, "
        "up from 83%."
    )


def test_headline_without_last_year_or_timeliness():
    held = MetricResult("reviews.held.count", 1)
    assert reviews.headline(inputs(held)) == "1 review was held."


def test_no_sentence_about_a_missing_figure():
    empty = inputs(MetricResult("reviews.held.count", None))
    assert reviews.headline(empty) is None
    assert children.headline(empty) is None
    assert participation.headline(empty) is None
    assert escalations.headline(empty) is None
    assert service.team_sentence(empty) is None
    assert timeliness.sentences(empty) == []
    assert quality.sentences(empty) == []
    assert feedback.sentences(empty) == []


def test_sentences_are_drafted_from_the_published_figures():
    """In a public report a suppressed count is never written in a sentence."""
    figures = brent_reviews()
    said = {r.id: r.to_json() for r in figures}
    said["reviews.children_reviewed.count"] = {"value": "c"}
    text = reviews.headline(inputs(*figures, said=said))
    assert text == "798 reviews were held, 37 fewer than in 2023-24; 85% were on time, up from 83%."
    assert "440" not in text


def test_children_in_care_headline_with_the_rate():
    text = children.headline(
        inputs(
            MetricResult("cohort.cla_snapshot.count", 329, previous=295),
            MetricResult("cohort.cla_snapshot.rate_per_10k", 50.0, previous=44.8),
        )
    )
    assert text == (
        "329 children were in care on 31 March 2025, 34 more than a year before; that is 50.0 "
        "for every 10,000 children in the area."
    )


def test_participation_on_the_4_plus_base():
    """Brent 24/25: PN1 519 of 683 reviews of children aged 4+ (76%); 98.4% took part."""
    text = participation.headline(
        inputs(
            MetricResult("participation.direct.pct_4plus", 76.0, 519, 683, previous=77.0),
            MetricResult("participation.any.pct_4plus", 98.4, 672, 683),
        )
    )
    assert text == (
        "Of the 683 reviews of children aged 4 or over, 76% of children attended and spoke for "
        "themselves, down from 77%; 98% took part in some way."
    )
    under = participation.under_four(
        inputs(MetricResult("participation.under4.pct", 14.3, 114, 797))
    )
    assert under == "Of the 797 reviews, 114 (14%) were of children under 4."


def test_timeliness_by_type_is_pooled_overall():
    text = timeliness.by_type_sentence(
        inputs(
            MetricResult("reviews.timeliness.all_pct", 89.3, 736, 824, previous=94.9),
            MetricResult("reviews.timeliness.first_pct", 68.8, 119, 173),
            MetricResult("reviews.timeliness.second_pct", 90.3, 130, 144),
            MetricResult("reviews.timeliness.subsequent_pct", 96.1, 487, 507),
        )
    )
    assert text == (
        "89% of reviews were on time, down from 95%: 69% of first reviews, 90% of second "
        "reviews and 96% of later reviews."
    )


def test_caseloads_against_the_band_of_the_rules():
    by_iro = {
        "IRO1": {"children": 63, "fte": 1.0, "per_fte": 63.0},
        "IRO2": {"children": 45, "fte": 0.6, "per_fte": 75.0},
    }
    text = service.caseload_sentence(
        inputs(
            MetricResult("iro.caseload.per_fte", 67.5, 108, 1.6),
            MetricResult("iro.caseload.by_iro", by_iro),
        )
    )
    assert text == (
        "Each full-time IRO held 67.5 children on average, within the 50-70 band of the IRO "
        "Handbook; 1 of 2 IROs was within it."
    )


def test_team_sentence_names_the_employment_types():
    text = service.team_sentence(
        inputs(
            MetricResult("iro.headcount", 8),
            MetricResult("iro.fte", 7.4),
            MetricResult("iro.by_employment_type", {"permanent": 4, "commissioned": 4}),
        )
    )
    assert text == (
        "The service had 8 IROs (7.4 full-time equivalent) on 31 March 2025: 4 permanent and "
        "4 commissioned."
    )


def test_escalations_and_cafcass():
    figures = inputs(
        MetricResult("escalation.raised.count", 27, previous=34),
        MetricResult("escalation.children.count", 24),
        MetricResult("escalation.formal.count", 0),
        MetricResult("escalation.resolved_within_20wd.pct", 92.0, 23, 25),
        MetricResult("escalation.cafcass_referral.count", 0),
    )
    assert escalations.headline(figures) == (
        "IROs raised 27 escalations for 24 children, 7 fewer than in 2023-24; none went on to "
        "a formal stage."
    )
    assert escalations.resolved_sentence(figures) == (
        "92% of the escalations concluded in the year were resolved within 20 working days; "
        "no case was referred to Cafcass."
    )


def test_flow_sentence():
    text = children_flow.flow_sentence(
        inputs(
            MetricResult("flow.admissions.count", 184, previous=172),
            MetricResult("flow.admissions.children_count", 177),
            MetricResult("flow.discharges.count", 183),
            MetricResult("flow.discharges.children_count", 177),
        )
    )
    assert text == (
        "There were 184 admissions to care (177 children), 12 more than in 2023-24; "
        "183 discharges from care (177 children)."
    )


def test_quality_sentences_use_the_deadlines_in_force():
    figures = inputs(
        MetricResult("quality.pre_meeting_report.on_time_pct", 48.6, 350, 720, previous=55.0),
        MetricResult("quality.record.within_15wd_pct", 71.4, 514, 720),
    )
    assert quality.sentences(figures) == [
        "The social worker's report was shared at least 5 working days before the review for "
        "49% of reviews (down from 55%).",
        "The record was completed within 15 working days for 71%.",
    ]


def test_targets_and_risks():
    register = [
        {"metric_id": "reviews.timeliness.all_pct", "target": 90, "direction": "higher_is_better",
         "actual": 85.1, "gap": -4.9, "rag": "amber"},
        {"metric_id": "participation.direct.pct_4plus", "target": 80, "actual": 70.0,
         "direction": "higher_is_better", "gap": -10.0, "rag": "red"},
        {"metric_id": "iv.matched.count", "target": 14, "actual": 17, "gap": 3, "rag": "green",
         "direction": "higher_is_better"},
    ]  # fmt: skip
    figures = inputs(
        MetricResult("targets.register", register),
        MetricResult("reviews.overdue_open.count", 3),
        MetricResult("iro.unallocated.count", 0),
    )
    assert progress.target_summary(figures) == (
        "Of the 3 targets for 2024-25, 1 was met, 1 was close and 1 was not met."
    )
    risk = risks.sentences(figures)
    assert any(text.endswith("(70%) was short of its target of 80%.") for text in risk), risk
    assert "On 31 March 2025, 3 children were waiting for an overdue review." in risk
    assert not any("without an allocated IRO" in text for text in risk)


def test_nothing_is_written_as_no_rather_than_zero():
    figures = inputs(
        MetricResult("reviews.held.count", 0, previous=3),
        MetricResult("reviews.children_reviewed.count", 0),
        MetricResult("escalation.raised.count", 0),
        MetricResult("escalation.children.count", 0),
    )
    assert reviews.headline(figures) == "No reviews were held, 3 fewer than in 2023-24."
    assert escalations.headline(figures) == "IROs raised no escalations."
    assert say.subject(0, "child") == "no children"
    assert say.subject(1, "child") == "1 child"
