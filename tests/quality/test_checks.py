"""The data-quality report: each rule found with its child, date and explanation."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from irohub.children.models import Child, Episode
from irohub.quality.checks.report import findings
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review
from irohub.staff.models import IRO, Allocation
from irohub.statutory.settings import RuleSettings

D = dt.date
BORN = dt.date(2012, 5, 1)
AS_AT = D(2025, 3, 31)
pytestmark = pytest.mark.django_db


def child(child_id, dob=BORN):
    return Child.objects.create(child_id=child_id, sex="F", dob=dob, ethnicity="WBRI")


def episode(c, start, end=None, rne="S", rec=""):
    Episode.objects.create(child=c, decom=start, dec=end, rne=rne, ls="C2", cin="N1",
                           place="U4", rec=rec)  # fmt: skip


def iro(code="I1"):
    return IRO.objects.get_or_create(iro_id=code, defaults=dict(
        name=code, employment_type="permanent", fte=1, start_date=D(2020, 1, 1)))[0]  # fmt: skip


def run():
    recompute(None, as_at=AS_AT)
    return [(f.rule, f.child, f.date) for f in findings(rules=RuleSettings(), as_at=AS_AT)]


def test_clean_data_has_no_findings():
    c = child("OK")
    episode(c, D(2024, 4, 2), D(2024, 6, 3), rec="X1")
    episode(c, D(2024, 6, 3), rne="P")
    Allocation.objects.create(child=c, iro=iro(), start_date=D(2024, 4, 3))
    Review.objects.create(child=c, review_date=D(2024, 4, 30), pn_code="PN1")
    assert run() == []


def test_review_rules_166_167_440_441_and_chair_and_outside_care():
    young = child("Y", dob=D(2021, 3, 10))  # 4th birthday 10/03/2025
    episode(young, D(2024, 4, 2))
    Allocation.objects.create(child=young, iro=iro(), start_date=D(2024, 4, 2))
    Review.objects.create(child=young, review_date=D(2024, 4, 30), pn_code="PN1")  # 441
    Review.objects.create(child=young, review_date=D(2025, 3, 10), pn_code="PN0")  # birthday: ok
    Review.objects.create(child=young, review_date=D(2025, 3, 11), pn_code="PN0")  # 440
    Review.objects.create(child=young, review_date=D(2024, 7, 30), pn_code="")  # 167
    Review.objects.create(child=young, review_date=D(2024, 8, 30), pn_code="",
                          statutory_basis="reg48")  # not in the 903: no code needed  # fmt: skip
    old = child("O")
    episode(old, D(2024, 4, 2), D(2024, 6, 1), rec="E4A")
    Review.objects.create(child=old, review_date=D(2024, 4, 30), pn_code="PN1")
    Review.objects.create(child=old, review_date=D(2024, 9, 1), pn_code="PN1")
    found = run()
    assert ("903-441", "Y", D(2024, 4, 30)) in found
    assert ("903-440", "Y", D(2025, 3, 11)) in found
    assert ("903-167", "Y", D(2024, 7, 30)) in found
    assert not [f for f in found if f[1] == "Y" and f[2] in (D(2025, 3, 10), D(2024, 8, 30))
                and f[0].startswith("903")]  # fmt: skip
    assert ("irohub-review-outside-care", "O", D(2024, 9, 1)) in found
    assert ("irohub-review-no-chair", "O", D(2024, 4, 30)) in found


def test_episode_chain_rules():
    a = child("A")
    episode(a, D(2024, 4, 2), D(2024, 5, 1), rne="P", rec="X1")  # 357: first is not S
    episode(a, D(2024, 5, 1), D(2024, 6, 1), rne="S", rec="E4A")  # 431: S on the previous DEC
    episode(a, D(2024, 6, 1), D(2024, 6, 1), rne="P", rec="X1")  # 432 after E4A; 355 same day
    episode(a, D(2024, 6, 5), None, rne="L", rec="E13")  # 433: not on the previous DEC; 148
    b = child("B")
    episode(b, D(2024, 4, 2), D(2024, 5, 1), rec="X1")  # 388: X1 with nothing following
    episode(b, D(2024, 7, 1), D(2024, 6, 1), rec="E4A")  # 356: ends before it starts
    c = child("C")
    episode(c, D(2024, 4, 2), None)
    episode(c, D(2024, 5, 2), None, rne="P")  # 501: the first never ended
    rules = {(rule, who) for rule, who, _ in run() if rule.startswith("903")}
    assert rules >= {("903-357", "A"), ("903-431", "A"), ("903-432", "A"), ("903-355", "A"),
                     ("903-433", "A"), ("903-148", "A"), ("903-388", "B"), ("903-356", "B"),
                     ("903-501", "C")}  # fmt: skip


def test_overlapping_and_missing_allocations():
    a = child("A")
    episode(a, D(2024, 4, 2))  # in care from Tue 02/04/2024: an IRO due by 09/04/2024
    Allocation.objects.create(child=a, iro=iro("I1"), start_date=D(2024, 4, 20),
                              end_date=D(2024, 8, 31))  # fmt: skip
    Allocation.objects.create(child=a, iro=iro("I2"), start_date=D(2024, 8, 1),
                              end_date=D(2024, 12, 31))  # overlaps I1  # fmt: skip
    handover = child("H")
    episode(handover, D(2024, 4, 2))
    Allocation.objects.create(child=handover, iro=iro("I1"), start_date=D(2024, 4, 3),
                              end_date=D(2024, 9, 1))  # fmt: skip
    Allocation.objects.create(child=handover, iro=iro("I2"), start_date=D(2024, 9, 1))
    recompute(None, as_at=AS_AT)
    found = findings(rules=RuleSettings(), as_at=AS_AT)
    mine = [
        (f.rule, f.child, f.date, f.message)
        for f in found
        if f.rule.startswith("irohub-a") or f.rule == "irohub-no-iro"
    ]  # noqa: E501
    assert mine == [
        ("irohub-allocation-overlap", "A", D(2024, 8, 1),
         "I2's allocation from 01/08/2024 overlaps I1's from 20/04/2024 to 31/08/2024."),
        ("irohub-no-iro", "A", D(2024, 4, 10),
         "Looked after from 02/04/2024 but no IRO was allocated from 10/04/2024 to 19/04/2024 "
         "(an IRO was due by 09/04/2024)."),
        ("irohub-no-iro", "A", D(2025, 1, 1),
         "Looked after from 02/04/2024 but no IRO was allocated from 01/01/2025 to now "
         "(an IRO was due by 09/04/2024)."),
    ]  # fmt: skip


def test_command_text_and_json(capsys):
    c = child("Y", dob=D(2021, 3, 10))
    episode(c, D(2024, 4, 2))
    Allocation.objects.create(child=c, iro=iro(), start_date=D(2024, 4, 2))
    Review.objects.create(child=c, review_date=D(2024, 4, 30), pn_code="PN1")
    recompute(None, as_at=AS_AT)
    call_command("quality", "--as-at", "2025-03-31")
    text = capsys.readouterr().out
    assert "1 data-quality findings as at 31/03/2025" in text
    assert "903-441: PN1-PN7 used for a child under 4 at the review" in text
    assert "Y  30/04/2024  PN1 on 30/04/2024, but the child is under 4 until 10/03/2025" in text
    call_command("quality", "--format", "json", "--as-at", "2025-03-31")
    report = json.loads(capsys.readouterr().out)
    assert report["total"] == 1 and report["rules"]["903-441"]["count"] == 1
    assert report["findings"][0] == {
        "rule": "903-441", "child": "Y", "date": "2024-04-30",
        "message": "PN1 on 30/04/2024, but the child is under 4 until 10/03/2025: the code "
                   "should be PN0."}  # fmt: skip


def test_history_cut_short_is_not_reported():
    """An episode that came in open from before the oldest extract may continue one never seen
    (no 357), and no IRO gap is reported before the council's allocation records begin."""
    old = child("OLD")
    episode(old, D(2014, 5, 1), D(2016, 6, 1), rne="P", rec="X1")  # open at 01/04/2016
    episode(old, D(2016, 6, 1), rne="P")
    Allocation.objects.create(child=old, iro=iro(), start_date=D(2016, 2, 1))
    new = child("NEW")
    episode(new, D(2016, 8, 1), D(2016, 9, 1), rne="T", rec="E4A")  # first ever, not S: 357
    found = run()
    assert ("903-357", "NEW", D(2016, 8, 1)) in found
    assert not [f for f in found if f[1] == "OLD"]
