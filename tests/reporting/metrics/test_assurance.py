"""Feedback, complaints and audit metrics against a hand-computed council (2024-25).

Feedback in the year (Y/N/blank):      knows  listened  answered  better
  F1 child 8-11                         Y      Y         N         Y
  F2 child 11-18                        N      Y         Y         -
  F3 child 11-18                        -      N         Y         Y
  F4 child (no band)                    Y      Y         Y         N
  F5 parent, F6 carer, F7 professional  Y      Y         Y         Y   (not children: left out)
  plus a child's response on 31/03/2024 and one on 01/04/2025 (other years)
knows 2/3 = 66.7%; listened 3/4 = 75.0%; answered 3/4 = 75.0%; better 2/3 = 66.7%.

Audits (Hounslow Table 9's scores): IRO 4, 2, 3, 7.5, 5 (mean 4.3); manager 5, 4, 4, 7.5, 6
(5.3); moderated 2, 2, 3, 5, 2 (2.8); moderated - IRO -1.5, moderated - manager -2.5.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from irohub.quality.models import Audit
from irohub.voice.models import Complaint, FeedbackResponse

D = date
ASSURANCE_IDS = [
    "feedback.responses.count", "feedback.knows_iro_role.pct", "feedback.felt_listened_to.pct",
    "feedback.questions_answered.pct", "feedback.life_getting_better.pct",
    "complaints.iro_service.count", "audit.cases.count", "audit.score.mean_by_role",
]  # fmt: skip
Y, N, _ = True, False, None


def respond(day, respondent, band, knows, listened, answered, better):
    return FeedbackResponse.objects.create(
        response_date=day, respondent=respondent, age_band=band, knows_iro_role=knows,
        felt_listened_to=listened, questions_answered=answered, life_getting_better=better,
    )  # fmt: skip


def audit(audit_id, child, day, kind="dip_sample", scores=(None, None, None)):
    iro, manager, moderated = (None if s is None else Decimal(str(s)) for s in scores)
    return Audit.objects.create(
        audit_id=audit_id, child=child, audit_date=day, audit_type=kind, iro_score=iro,
        manager_score=manager, moderated_score=moderated,
    )  # fmt: skip


@pytest.fixture
def assurance(council):
    respond(D(2024, 4, 1), "child", "8-11", Y, Y, N, Y)
    respond(D(2024, 6, 1), "child", "11-18", N, Y, Y, _)
    respond(D(2024, 9, 1), "child", "11-18", _, N, Y, Y)
    respond(D(2025, 3, 31), "child", "", Y, Y, Y, N)
    for respondent in ("parent", "carer", "professional"):
        respond(D(2024, 7, 1), respondent, "", Y, Y, Y, Y)
    respond(D(2024, 3, 31), "child", "8-11", N, N, N, N)
    respond(D(2025, 4, 1), "child", "8-11", N, N, N, N)
    Complaint.objects.create(received_date=D(2024, 5, 1), stage=1, outcome="upheld")
    Complaint.objects.create(received_date=D(2024, 9, 1), stage=2)
    Complaint.objects.create(received_date=D(2023, 12, 1), stage=1)
    children = [council.child(f"C{i}", dob=D(2010, 1, 1)) for i in range(1, 6)]
    scores = [(4, 5, 2), (2, 4, 2), (3, 4, 3), (7.5, 7.5, 5), (5, 6, 2)]
    for i, (child, score) in enumerate(zip(children, scores, strict=True), start=1):
        audit(f"A{i}", child, D(2024, 5, i), scores=score)
    audit("A6", children[0], D(2024, 11, 1), kind="thematic")
    audit("A0", children[0], D(2024, 3, 1), scores=(1, 1, 1))
    return council


def test_feedback_counts_every_response_of_the_year(assurance):
    result = assurance.metric("feedback.responses.count")
    assert result.value == 7
    assert result.extra["by_respondent"] == {"child": 4, "parent": 1, "carer": 1,
                                             "professional": 1}  # fmt: skip


@pytest.mark.parametrize(
    "metric_id, expected",
    [
        ("feedback.knows_iro_role.pct", (66.7, 2, 3)),
        ("feedback.felt_listened_to.pct", (75.0, 3, 4)),
        ("feedback.questions_answered.pct", (75.0, 3, 4)),
        ("feedback.life_getting_better.pct", (66.7, 2, 3)),
    ],
)
def test_children_answering_yes_of_those_who_answered(assurance, metric_id, expected):
    result = assurance.metric(metric_id)
    assert (result.value, result.numerator, result.denominator) == expected


def test_feedback_by_age_band(assurance):
    by_band = assurance.metric("feedback.knows_iro_role.pct").extra["by_age_band"]
    assert by_band == {
        "11-18": {"value": 0.0, "numerator": 0, "denominator": 1},
        "8-11": {"value": 100.0, "numerator": 1, "denominator": 1},
        "not stated": {"value": 100.0, "numerator": 1, "denominator": 1},
    }


def test_complaints_received_in_the_year(assurance):
    result = assurance.metric("complaints.iro_service.count")
    assert result.value == 2
    assert result.extra["by_stage"] == {"stage 1": 1, "stage 2": 1}
    assert result.extra["by_outcome"] == {"not recorded": 1, "upheld": 1}


def test_audits_count_cases_not_children(assurance):
    result = assurance.metric("audit.cases.count")
    assert result.value == 6
    assert result.extra["children"] == 5
    assert result.extra["by_type"] == {"dip_sample": 5, "thematic": 1, "moderation": 0}


def test_mean_scores_by_role_and_the_moderation_delta(assurance):
    result = assurance.metric("audit.score.mean_by_role")
    assert result.value == {"iro": 4.3, "manager": 5.3, "moderated": 2.8}
    assert result.extra["audits_scored"] == {"iro": 5, "manager": 5, "moderated": 5}
    assert result.extra["moderation_delta"] == {"iro": -1.5, "manager": -2.5}
    assert result.extra["lowered_by_moderation"] == {"iro": 3, "manager": 5}


def test_no_data_gives_zero_counts_and_null_percentages(council):
    r = council.metrics(ASSURANCE_IDS)
    assert r["feedback.responses.count"].value == 0
    assert r["feedback.knows_iro_role.pct"].value is None
    assert r["feedback.knows_iro_role.pct"].denominator == 0
    assert r["complaints.iro_service.count"].value == 0
    assert r["audit.cases.count"].value == 0
    assert r["audit.score.mean_by_role"].value == {"iro": None, "manager": None, "moderated": None}


def test_the_family_costs_three_queries(assurance, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assurance.metrics(ASSURANCE_IDS)
