"""Review due dates, types and timeliness agree with irohub.statutory; periods are clean chains."""

from __future__ import annotations

from irohub.statutory.participation import valid_codes
from irohub.statutory.reviews import ReviewHeld, review_timetables
from irohub.statutory.settings import RuleSettings
from irohub.synth.build import statutory_periods

from .conftest import AS_AT


def test_periods_have_no_problems(council):
    periods = statutory_periods(council, RuleSettings.default())
    assert periods
    assert [p for p in periods if p.problems] == []


def test_due_dates_agree_with_review_timetable(council):
    rules = RuleSettings.default()
    periods = statutory_periods(council, rules)
    dob = {c.id: c.dob for c in council.children}
    by_child: dict[str, list] = {}
    for r in council.reviews:
        by_child.setdefault(r.child, []).append(r)
    items, expected = [], []
    for p in periods:
        held = [r for r in by_child.get(p.child, []) if p.covers(r.date)]
        if held and held[0].date >= council.start and p.start >= council.start:
            items.append(
                (p, [ReviewHeld(r.date, r.additional, r.basis) for r in held], dob[p.child])
            )
            expected.append(held)
    timetables = review_timetables(items, rules=rules, as_at=AS_AT)
    compared = 0
    for table, held in zip(timetables, expected, strict=True):
        assert len(table.reviews) == len(held)
        for assessed, review in zip(table.reviews, held, strict=True):
            assert (assessed.due_date, assessed.review_type, assessed.in_time) == (
                review.due,
                review.review_type,
                review.in_time,
            )
            compared += 1
    assert compared > 3000


def test_pn_codes_fit_the_age(council):
    dob = {c.id: c.dob for c in council.children}
    for r in council.reviews:
        if r.code is not None:
            assert r.code in valid_codes(dob[r.child], r.date)
        else:
            assert r.basis == "reg48"


def test_no_review_after_leaving_or_at_18(council):
    periods = statutory_periods(council, RuleSettings.default())
    spans: dict[str, list] = {}
    for p in periods:
        spans.setdefault(p.child, []).append(p)
    dob = {c.id: c.dob for c in council.children}
    for r in council.reviews:
        assert any(p.covers(r.date) for p in spans[r.child])
        assert r.date < dob[r.child].replace(year=dob[r.child].year + 18)
        assert r.date <= AS_AT
