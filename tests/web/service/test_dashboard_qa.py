"""The dashboard's assurance panels: the target register (actual, gap and RAG from the
`targets.register` metric), this year's priorities with their evidence figure, and the case
audits (`audit.cases.count`, `audit.score.mean_by_role`), each matching the metric functions;
empty states in plain words; senior leaders read them without the link to record audits; the
query count bounded on a caseload of 60+ children."""

from __future__ import annotations

from decimal import Decimal

import pytest

from irohub.council.models import Priority, Target
from irohub.council.selectors import current_rules
from irohub.quality.models import Audit
from irohub.reporting.dashboard import figures
from irohub.reporting.dashboard.periods import year_to_date
from irohub.reporting.metrics import compute

from .builders import D, caseload, derive, review

pytestmark = pytest.mark.django_db

IDS = ["targets.register", "audit.cases.count", "audit.score.mean_by_role",
       "reviews.timeliness.all_pct"]  # fmt: skip


def _expected(today):
    rules = current_rules()
    return compute(IDS, period=year_to_date(today, rules), rules=rules, as_at=today,
                   with_previous=False)  # fmt: skip


def _reviewed(iro, today, *, late: int, timely: int):
    """First reviews due 29 September 2026: `timely` held on 28 September, `late` on 5 October."""
    kids = caseload(iro, late + timely, today=today, started=D(2026, 9, 1))
    for index, child in enumerate(kids):
        day = D(2026, 9, 28) if index < timely else D(2026, 10, 5)
        review(child, day, chair=iro, record_date=day)
    derive(kids, today)
    return kids


def _audit(number, child, day, iro=None, manager=None, moderated=None, kind="dip_sample"):
    score = {"iro_score": iro, "manager_score": manager, "moderated_score": moderated}
    return Audit.objects.create(audit_id=f"AUD{number:04d}", child=child, audit_date=day,
                                audit_type=kind, **{k: Decimal(v) for k, v in score.items()
                                                    if v is not None})  # fmt: skip


def _targets():
    Target.objects.create(year="2026-27", metric_id="reviews.timeliness.all_pct", target=90)
    Target.objects.create(year="2026-27", metric_id="audit.cases.count", target=2,
                          direction=Target.Direction.HIGHER)  # fmt: skip
    Target.objects.create(year="2026-27", metric_id="audit.score.mean_by_role", target=3)
    Target.objects.create(year="2025-26", metric_id="reviews.held.count", target=999)


def test_the_target_register_is_the_metrics_own(client_for, iro, today):
    kids = _reviewed(iro, today, late=1, timely=3)
    _audit(1, kids[0], D(2026, 6, 1), iro="3")
    _targets()
    board = figures.work_out(today=today, rules=current_rules())
    register = _expected(today)["targets.register"].value
    assert len(board.targets) == len(register) == 3  # this year's rows only
    by_title = {t.title: t for t in board.targets}
    timely = by_title["Reviews held on time"]
    assert timely.target == "90%" and not timely.lower_is_better
    row = next(r for r in register if r["metric_id"] == "reviews.timeliness.all_pct")
    assert (row["actual"], row["gap"], row["rag"]) == (75.0, -15.0, "red")
    assert (timely.actual, timely.gap, timely.rag) == ("75%", "-15 points", "red")
    cases = by_title["Cases audited"]
    assert (cases.actual, cases.gap, cases.rag) == ("1", "-1", "red")
    breakdown = next(t for t in board.targets if t.note)
    assert breakdown.rag is None and breakdown.note == "the metric is not a single number"
    page = client_for("manager").get("/dashboard/").content.decode()
    assert "Target register for 2026-27" in page and "-15 points" in page
    assert "the metric is not a single number" in page and "No figure yet" in page
    assert "999" not in page  # last year's target is not this year's


def test_priorities_show_their_status_and_evidence_figure(client_for, iro, today):
    _reviewed(iro, today, late=1, timely=3)
    Priority.objects.create(year="2026-27", position=1, title="Every review on time",
                            status="in_progress", evidence_metric_id="reviews.timeliness.all_pct")  # fmt: skip
    Priority.objects.create(year="2026-27", position=2, title="Hear every child",
                            status="achieved")  # fmt: skip
    Priority.objects.create(year="2026-27", position=3, title="Audit more",
                            status="not_started", evidence_metric_id="no.such.metric")  # fmt: skip
    Priority.objects.create(year="2025-26", position=1, title="Last year's", status="achieved")
    board = figures.work_out(today=today, rules=current_rules())
    timely = _expected(today)["reviews.timeliness.all_pct"]
    first, second, third = board.priorities
    assert (first.title, first.status, first.tag) == (
        "Every review on time", "In progress", "govuk-tag--blue")  # fmt: skip
    assert first.figure == f"{timely.value:g}% ({timely.numerator} of {timely.denominator})"
    assert first.figure == "75% (3 of 4)"
    assert (second.evidence, second.figure, second.tag) == ("", "", "govuk-tag--green")
    assert third.figure == "No figure has this name"
    page = client_for("senior_leader").get("/dashboard/").content.decode()
    assert "1. Every review on time" in page and "govuk-tag--blue" in page
    assert "None named" in page and "Last year&#x27;s" not in page


def test_audits_this_year_match_the_metric_functions(client_for, iro, today):
    kids = caseload(iro, 3, today=today)
    _audit(1, kids[0], D(2026, 5, 1), iro="4", manager="3", moderated="3")
    _audit(2, kids[0], D(2026, 7, 1), iro="2", manager="2", moderated="3", kind="thematic")
    _audit(3, kids[1], D(2026, 8, 1), iro="3")
    _audit(4, kids[2], D(2026, 3, 31), iro="1")  # last year
    board = figures.work_out(today=today, rules=current_rules())
    expected = _expected(today)
    cases, scores = expected["audit.cases.count"], expected["audit.score.mean_by_role"]
    audits = board.audits
    assert (audits.cases, audits.children) == (cases.value, cases.extra["children"]) == (3, 2)
    assert audits.by_type == {"Dip sample": 2, "Thematic": 1, "Moderation": 0}
    lines = {s.role: s for s in audits.scores}
    assert {"iro": lines["IRO"].mean, "manager": lines["Manager"].mean,
            "moderated": lines["Moderated"].mean} == scores.value  # fmt: skip
    assert scores.value == {"iro": 3.0, "manager": 2.5, "moderated": 3.0}
    assert lines["IRO"].delta == scores.extra["moderation_delta"]["iro"] == 0.0
    assert lines["Manager"].delta == scores.extra["moderation_delta"]["manager"] == 0.5
    assert (lines["IRO"].lowered, lines["IRO"].scored) == (1, 3)
    page = client_for("manager").get("/dashboard/").content.decode()
    assert "3 cases audited so far this year, of 2 children" in page
    assert "2 dip sample, 1 thematic, 0 moderation" in page
    assert 'href="/quality/audits/"' in page


def test_empty_states_are_worded_plainly(client_for):
    page = client_for("manager").get("/dashboard/").content.decode()
    assert "No targets are set for 2026-27." in page
    assert "No priorities are set for 2026-27." in page
    assert "No cases have been audited in 2026-27 yet." in page


def test_senior_leaders_read_the_panels_without_the_links_to_change_them(client_for, iro, today):
    kids = caseload(iro, 1, today=today)
    _audit(1, kids[0], D(2026, 5, 1), iro="4")
    _targets()
    Priority.objects.create(year="2026-27", position=1, title="Hear every child")
    manager = client_for("manager").get("/dashboard/").content.decode()
    leader = client_for("senior_leader").get("/dashboard/").content.decode()
    for page in (manager, leader):
        assert "Target register for 2026-27" in page and "Hear every child" in page
        assert "1 case audited so far this year" in page
    assert 'href="/quality/audits/"' in manager
    assert "/quality/" not in leader and "<form" not in leader.split('id="main-content"')[-1]
    # The figures were cached by the manager's visit; the link is still the reader's own.
    assert client_for("senior_leader").get("/quality/audits/").status_code == 403


def test_the_panels_keep_the_query_count_bounded(client_for, iro, today,
                                                 django_assert_max_num_queries):  # fmt: skip
    kids = _reviewed(iro, today, late=15, timely=50)
    for number, child in enumerate(kids[:20]):
        _audit(number, child, D(2026, 6, 1), iro="3", manager="2", moderated="2")
    _targets()
    for position, metric_id in enumerate(["reviews.timeliness.all_pct", "audit.cases.count",
                                          "feedback.felt_listened_to.pct", ""]):  # fmt: skip
        Priority.objects.create(year="2026-27", position=position, title=f"Priority {position}",
                                evidence_metric_id=metric_id)  # fmt: skip
    client = client_for("manager")
    with django_assert_max_num_queries(36):
        assert client.get("/dashboard/").status_code == 200
    with django_assert_max_num_queries(8):  # from the cache
        assert client.get("/dashboard/").status_code == 200
