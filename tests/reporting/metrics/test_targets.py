"""The target register: actuals from the registry, gaps and RAG (2024-25).

Four children's feedback responses: listened Y Y Y N (75.0%), know the IRO's role Y Y Y N
(75.0%), questions answered Y Y N N (50.0%); two complaints received.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from irohub.council.models import Target
from irohub.reporting.metrics.targets import rag
from irohub.voice.models import Complaint, FeedbackResponse

D = date
HIGHER, LOWER = "higher_is_better", "lower_is_better"


def target(metric_id, value, direction=HIGHER, year="2024-25"):
    return Target.objects.create(year=year, metric_id=metric_id, target=Decimal(str(value)),
                                 direction=direction)  # fmt: skip


@pytest.fixture
def register(council):
    for listened, knows, answered in [(1, 1, 1), (1, 1, 1), (1, 1, 0), (0, 0, 0)]:
        FeedbackResponse.objects.create(
            response_date=D(2024, 6, 1), respondent="child", felt_listened_to=bool(listened),
            knows_iro_role=bool(knows), questions_answered=bool(answered),
        )  # fmt: skip
    Complaint.objects.create(received_date=D(2024, 6, 1), stage=1)
    Complaint.objects.create(received_date=D(2024, 7, 1), stage=1)
    target("feedback.felt_listened_to.pct", 80)
    target("feedback.knows_iro_role.pct", 70)
    target("feedback.questions_answered.pct", 85)
    target("complaints.iro_service.count", 2, LOWER)
    target("feedback.responses.count", "4.4")
    target("nope.metric", 1)
    target("escalation.max_stage.count", 1)
    target("advocacy.hours.contracted", 900)
    target("feedback.knows_iro_role.pct", 99, year="2023-24")
    return council


def test_each_target_with_its_actual_gap_and_rag(register):
    result = register.metric("targets.register")
    rows = {row["metric_id"]: row for row in result.value}
    assert len(rows) == 8  # the year's targets only
    assert rows["feedback.felt_listened_to.pct"] == {
        "metric_id": "feedback.felt_listened_to.pct", "target": 80, "direction": HIGHER,
        "actual": 75.0, "gap": -5.0, "rag": "amber",
    }  # fmt: skip
    assert (
        rows["feedback.knows_iro_role.pct"]["gap"],
        rows["feedback.knows_iro_role.pct"]["rag"],
    ) == (5.0, "green")
    assert rows["feedback.questions_answered.pct"]["rag"] == "red"
    assert rows["complaints.iro_service.count"]["actual"] == 2
    assert rows["complaints.iro_service.count"]["rag"] == "green"  # lower is better, met
    responses = rows["feedback.responses.count"]
    assert (responses["target"], responses["gap"], responses["rag"]) == (4.4, -0.4, "amber")
    assert result.extra["rag_counts"] == {"green": 2, "amber": 2, "red": 1}


def test_targets_without_a_single_number_have_no_rag(register):
    rows = {row["metric_id"]: row for row in register.metric("targets.register").value}
    assert rows["nope.metric"]["note"] == "no metric has this id"
    assert rows["escalation.max_stage.count"]["note"] == "the metric is not a single number"
    assert rows["advocacy.hours.contracted"]["note"] == "not available this year"
    for key in ("nope.metric", "escalation.max_stage.count", "advocacy.hours.contracted"):
        assert (rows[key]["actual"], rows[key]["gap"], rows[key]["rag"]) == (None, None, None)


def test_the_actual_is_the_metric_itself(register):
    r = register.metrics(["targets.register", "feedback.felt_listened_to.pct"])
    rows = {row["metric_id"]: row for row in r["targets.register"].value}
    assert (
        rows["feedback.felt_listened_to.pct"]["actual"] == r["feedback.felt_listened_to.pct"].value
    )


@pytest.mark.parametrize(
    "actual, target_value, direction, is_pct, expected",
    [
        (90, 90, HIGHER, True, "green"),
        (85, 90, HIGHER, True, "amber"),
        (84.9, 90, HIGHER, True, "red"),
        (12, 10, LOWER, True, "amber"),
        (16, 10, LOWER, True, "red"),
        (9, 10, LOWER, True, "green"),
        (90, 100, HIGHER, False, "amber"),
        (89, 100, HIGHER, False, "red"),
        (110, 100, LOWER, False, "amber"),
        (111, 100, LOWER, False, "red"),
    ],
)
def test_rag_rule(actual, target_value, direction, is_pct, expected):
    value = rag(Decimal(str(actual)), Decimal(str(target_value)), direction, is_pct)
    assert value == expected


def test_no_targets_is_an_empty_register(council):
    result = council.metric("targets.register")
    assert result.value == []
    assert result.extra["rag_counts"] == {"green": 0, "amber": 0, "red": 0}


def test_the_register_reuses_the_context_loaders(register, django_assert_max_num_queries):
    # targets, feedback, complaints, escalations (3), service facts
    with django_assert_max_num_queries(7):
        register.metrics(["targets.register", "feedback.responses.count"])
