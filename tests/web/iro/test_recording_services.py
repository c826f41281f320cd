"""The recording and caseload services without the pages: timing with the rules engine, PN0,
optimistic locking, and the status and midway rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from irohub.council.selectors import current_rules
from irohub.reviews import recording
from irohub.reviews.caseload import Midway, arrange, midway_state, review_status
from irohub.reviews.models import Review

from .factories import allocate, make_child, make_iro, review

D = dt.date
TODAY = D(2026, 11, 22)


@pytest.fixture
def rules(db):
    return current_rules()


@pytest.mark.django_db
def test_assess_times_a_review_like_the_derive_step(rules):
    child = make_child(started=D(2024, 3, 28))  # first review due 29 April 2024 (Easter)
    on_time = recording.assess(child, D(2024, 4, 29), rules=rules)
    late = recording.assess(child, D(2024, 4, 30), rules=rules)
    assert (on_time.due_date, on_time.in_time) == (D(2024, 4, 29), True)
    assert (late.review_type, late.days_late) == ("first", 1)
    review(child, D(2024, 4, 29))
    second = recording.assess(child, D(2024, 7, 30), rules=rules)
    assert (second.review_type, second.due_date, second.days_late) == ("second", D(2024, 7, 29), 1)


@pytest.mark.django_db
def test_assess_leaves_a_review_outside_care_untimed(rules):
    child = make_child(started=D(2025, 1, 6))
    assert recording.assess(child, D(2024, 12, 1), rules=rules) is None


@pytest.mark.django_db
def test_assess_of_a_changed_review_ignores_its_old_date(rules):
    child = make_child(started=D(2025, 1, 6))
    first = review(child, D(2025, 1, 27))
    moved = recording.assess(child, D(2025, 2, 10), rules=rules, excluding=first.pk)
    assert (moved.review_type, moved.days_late) == ("first", 7)


@pytest.mark.django_db
def test_check_sets_pn0_and_drops_a_late_reason_when_in_time(rules):
    baby = make_child(dob=D(2024, 1, 1), started=D(2026, 10, 1))
    details = recording.check(baby, {"review_date": D(2026, 10, 20), "pn_code": "PN1",
                                     "late_reason": "other"}, today=TODAY, rules=rules)  # fmt: skip
    assert (details["pn_code"], details["late_reason"]) == ("PN0", "")


@pytest.mark.django_db
def test_check_lists_every_problem(rules):
    child = make_child(started=D(2025, 1, 6))
    with pytest.raises(ValidationError) as problems:
        recording.check(child, {"review_date": D(2025, 3, 1), "pn_code": "PN0",
                                "decisions_date": D(2025, 2, 1)}, today=TODAY, rules=rules)  # fmt: skip
    assert set(problems.value.message_dict) == {"pn_code", "decisions_date", "late_reason"}


@pytest.mark.django_db
def test_change_review_refuses_a_stale_version(users, rules):
    child = make_child(started=D(2025, 1, 6))
    allocate(child, make_iro())
    held = recording.record_review(child=child, details={"review_date": D(2025, 1, 27),
                                                         "pn_code": "PN1"}, by=users["iro"], today=TODAY)  # fmt: skip
    recording.change_review(review=held, version=1, changes={"pn_code": "PN2"}, by=users["iro"],
                            today=TODAY)  # fmt: skip
    with pytest.raises(recording.StaleReview):
        recording.change_review(review=held, version=1, changes={"pn_code": "PN3"},
                                by=users["manager"], today=TODAY)  # fmt: skip
    held.refresh_from_db()
    assert (held.pn_code, held.version) == ("PN2", 2)


@pytest.mark.django_db
def test_record_issued_moves_the_version_on(users):
    child = make_child(started=D(2025, 1, 6))
    held = recording.record_review(child=child, details={"review_date": D(2025, 1, 27),
                                                         "pn_code": "PN1"}, by=users["iro"], today=TODAY)  # fmt: skip
    issued = recording.mark_record_issued(review=held, on=D(2025, 2, 3), by=users["business_support"],
                                          today=TODAY)  # fmt: skip
    assert (issued.record_shared_date, issued.version) == (D(2025, 2, 3), 2)


@pytest.mark.django_db
def test_a_review_in_a_short_break_period_is_regulation_48(users):
    child = make_child(started=D(2026, 5, 1), ls="V3")
    saved = recording.record_review(child=child, details={"review_date": D(2026, 7, 1),
                                                          "pn_code": "PN1"}, by=users["iro"], today=TODAY)  # fmt: skip
    assert saved.statutory_basis == Review.Basis.REG48


def test_unknown_fields_are_a_programming_error():
    with pytest.raises(TypeError):
        recording._only_fields({"due_date": D(2026, 1, 1)})


@pytest.mark.parametrize(
    ("due", "booked", "status"),
    [(None, None, "none"), (D(2026, 11, 21), D(2026, 11, 30), "overdue"),
     (D(2026, 11, 22), None, "due_soon"), (D(2026, 12, 1), D(2026, 11, 30), "booked"),
     (D(2026, 12, 18), None, "due_soon"), (D(2026, 12, 21), None, "on_time")],
)  # fmt: skip
def test_review_status(due, booked, status):
    assert review_status(due, booked, today=TODAY, soon=D(2026, 12, 18)) == status


@pytest.mark.django_db
def test_midway_state(rules):
    last, due = D(2026, 9, 1), D(2027, 3, 1)  # window 12 November to 19 December 2026
    assert midway_state(None, due, None, rules=rules, today=TODAY) == Midway("none")
    assert midway_state(last, due, None, rules=rules, today=D(2026, 11, 11)).status == "upcoming"
    assert midway_state(last, due, None, rules=rules, today=TODAY).window == (
        D(2026, 11, 12), D(2026, 12, 19))  # fmt: skip
    assert (
        midway_state(last, due, D(2026, 8, 1), rules=rules, today=D(2026, 12, 20)).status
        == "missed"
    )
    assert midway_state(last, due, D(2026, 10, 1), rules=rules, today=TODAY).status == "held"


def test_arrange_puts_children_without_a_due_date_last():
    class Row:
        def __init__(self, name, due, status):
            self.child = type("C", (), {"family_name": name, "given_name": "", "child_id": name})
            self.next_due, self.status = due, status

    rows = [Row("b", None, "none"), Row("a", D(2026, 12, 1), "on_time")]
    assert [r.child.family_name for r in arrange(rows, sort="due")] == ["a", "b"]
    assert [r.child.family_name for r in arrange(rows, sort="name")] == ["a", "b"]
    assert [r.child.family_name for r in arrange(rows, status="none")] == ["b"]


@pytest.mark.django_db
def test_an_old_gap_does_not_block_an_unrelated_change(users, rules):
    """An imported late review with no late reason can still have its record issued; moving
    its date (a change that touches the timing) must give the reason."""
    from irohub.reviews.derive import recompute

    child = make_child(started=D(2025, 1, 6))
    late = review(child, D(2025, 2, 10))  # due 3 February 2025, no late reason imported
    recompute([child.pk], as_at=TODAY)
    late.refresh_from_db()
    issued = recording.mark_record_issued(review=late, on=D(2025, 3, 1), by=users["business_support"],
                                          today=TODAY)  # fmt: skip
    assert issued.record_shared_date == D(2025, 3, 1)
    with pytest.raises(ValidationError) as moved:
        recording.change_review(review=issued, version=issued.version,
                                changes={"review_date": D(2025, 2, 11)}, by=users["iro"], today=TODAY)  # fmt: skip
    assert "late_reason" in moved.value.message_dict
