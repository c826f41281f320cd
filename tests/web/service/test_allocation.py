"""Allocation: suggested IROs ranked and explained (caseload room per FTE, a sibling's IRO, a
previous IRO, contract scope), and the allocate service (ends the current allocation, starts
the new one, updates the child's current IRO, audited)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from irohub.audit.models import AuditEvent
from irohub.council.selectors import current_rules
from irohub.staff import allocation
from irohub.staff.models import Allocation

from .builders import D, allocate, caseload, derive, make_child, make_iro, sibling_group

pytestmark = pytest.mark.django_db


def _names(found):
    return [s.iro.name for s in found]


def test_most_room_per_fte_comes_first(today):
    full = make_iro(name="Full Time")
    part = make_iro(name="Part Time", fte="0.5")
    caseload(full, 6, today=today)  # 6 per FTE
    caseload(part, 2, today=today)  # 4 per FTE: more room for their hours
    child = make_child()
    derive([child], today)
    found = allocation.suggestions(child, today=today, rules=current_rules())
    assert _names(found) == ["Part Time", "Full Time"]
    assert found[0].children == 2 and found[0].band == (25, 35) and found[0].room == 33
    assert found[0].reasons[0] == (
        "Has room for 33 more: 2 children at 0.5 FTE, against 25 to 35 (50 to 70 for a "
        "full-time IRO, pro rata)."
    )
    assert (
        found[1].reasons[0]
        == "Has room for 64 more: 6 children, against 50 to 70 for a full-time IRO."
    )


def test_an_iro_over_the_band_is_explained(today):
    busy = make_iro(name="Busy", fte="0.1")
    caseload(busy, 9, today=today)
    child = make_child()
    derive([child], today)
    [found] = allocation.suggestions(child, today=today, rules=current_rules())
    assert found.room == -2
    assert found.reasons[0].startswith("Is 2 over the band: 9 children at 0.1 FTE, against 5 to 7")


def test_a_siblings_iro_comes_before_room(today):
    make_iro(name="Roomy")
    sisters = make_iro(name="Sisters IRO")
    caseload(sisters, 5, today=today)
    sister = make_child(given="Sara")
    allocate(sister, sisters)
    child = make_child(given="Tom")
    sibling_group("SG1", sister, child)
    derive([sister, child], today)
    found = allocation.suggestions(child, today=today, rules=current_rules())
    assert _names(found) == ["Sisters IRO", "Roomy"]
    assert any("brother or sister" in reason and "Sara" in reason for reason in found[0].reasons)


def test_a_previous_iro_comes_before_room(today):
    make_iro(name="Roomy")
    before = make_iro(name="Known Before")
    caseload(before, 3, today=today)
    child = make_child(started=D(2025, 1, 6))
    allocate(child, before, start=D(2025, 1, 8), end=D(2025, 6, 30))
    derive([child], today)
    found = allocation.suggestions(child, today=today, rules=current_rules())
    assert _names(found) == ["Known Before", "Roomy"]
    assert "Was this child's IRO from 8 January 2025 to 30 June 2025." in found[0].reasons


def test_the_current_iro_and_iros_not_in_post_are_not_suggested(today):
    mine = make_iro(name="Current")
    make_iro(name="Left", end=D(2026, 1, 31))
    make_iro(name="Starts Later", start=D(2027, 1, 1))
    other = make_iro(name="Other")
    child = make_child()
    allocate(child, mine)
    derive([child], today)
    assert _names(allocation.suggestions(child, today=today, rules=current_rules())) == [other.name]


def test_contract_scope_puts_an_iro_outside_it_last(settings, today):
    settings.IROHUB_CONTRACT_AGES = "Review Partners=16-17"
    commissioned = make_iro(name="Commissioned", provider="Review Partners")
    busy = make_iro(name="In House")
    caseload(busy, 4, today=today)
    young = make_child(dob=D(2016, 3, 1))
    older = make_child(dob=D(2010, 1, 1))
    derive([young, older], today)
    rules = current_rules()
    for_young = allocation.suggestions(young, today=today, rules=rules)
    assert _names(for_young) == ["In House", "Commissioned"]
    assert for_young[1].in_scope is False
    assert for_young[1].reasons[-1] == (
        "Works for Review Partners, whose contract covers 16 to 17 year olds: the child is 10, "
        "outside it."
    )
    for_older = allocation.suggestions(older, today=today, rules=rules)
    assert _names(for_older) == ["Commissioned", "In House"]  # in scope, and more room
    assert for_older[0].in_scope is True and commissioned.pk == for_older[0].iro.pk


def test_contract_scope_setting_is_parsed_and_checked():
    assert allocation.contract_scopes("A Ltd=16-17; *=0-17") == {"A Ltd": (16, 17), "*": (0, 17)}
    assert allocation.contract_scopes("") == {}
    with pytest.raises(ImproperlyConfigured):
        allocation.contract_scopes("A Ltd=sixteen")


def test_any_provider_scope_applies_to_every_commissioned_iro(settings, db):
    settings.IROHUB_CONTRACT_AGES = "*=16-17"
    scopes = allocation.contract_scopes()
    assert allocation.scope_of(make_iro(provider="Anyone"), scopes) == (16, 17)
    assert allocation.scope_of(make_iro(), scopes) is None


# --- the service ---------------------------------------------------------------------------


def test_allocate_ends_the_current_allocation_and_updates_the_child(today, users):
    old, new = make_iro(name="Old"), make_iro(name="New")
    child = make_child()
    allocate(child, old)
    derive([child], today)
    made = allocation.allocate(child=child, iro=new, start=D(2026, 11, 20), reason="reallocation",
                               note="Old IRO moves team", by=users["manager"], today=today)  # fmt: skip
    rows = list(child.allocations.order_by("start_date").values_list("iro__name", "end_date"))
    assert rows == [("Old", D(2026, 11, 19)), ("New", None)]
    child.refresh_from_db()
    assert child.current_iro == new and made.change_reason == "reallocation"
    event = AuditEvent.objects.get(action="allocated")
    assert event.actor_name == "manager" and event.target_id == str(made.pk)
    assert event.after["note"] == "Old IRO moves team" and event.after["iro"] == new.pk
    assert event.before["allocations"][0]["iro"] == old.pk


def test_a_first_allocation_starts_one(today, users):
    iro = make_iro()
    child = make_child(started=D(2026, 11, 18))
    derive([child], today)
    allocation.allocate(child=child, iro=iro, start=today, reason="initial", by=users["manager"],
                        today=today)  # fmt: skip
    child.refresh_from_db()
    assert child.current_iro == iro
    assert allocation.without_iro(today=today) == []


def test_a_choice_made_the_same_day_is_corrected_not_doubled(today, users):
    first, second = make_iro(), make_iro()
    child = make_child()
    derive([child], today)
    by = users["manager"]
    allocation.allocate(child=child, iro=first, start=today, reason="initial", by=by, today=today)
    allocation.allocate(child=child, iro=second, start=today, reason="initial", by=by, today=today)
    assert list(child.allocations.values_list("iro", "end_date")) == [(second.pk, None)]
    assert AuditEvent.objects.filter(action="allocated").count() == 2


@pytest.mark.parametrize(
    ("case", "field"),
    [("same_iro", "iro"), ("not_in_post", "iro"), ("bad_reason", "reason"), ("later", "start")],
)
def test_allocate_refuses_and_changes_nothing(case, field, today, users):
    mine, other = make_iro(), make_iro(end=D(2026, 6, 30))
    child = make_child()
    allocate(child, mine)
    if case == "later":
        allocate(child, make_iro(), start=D(2026, 12, 1))
    derive([child], today)
    iro = {"same_iro": mine, "not_in_post": other}.get(case, make_iro())
    reason = "nonsense" if case == "bad_reason" else "reallocation"
    before = list(Allocation.objects.values_list("pk", "iro", "end_date"))
    with pytest.raises(ValidationError) as refused:
        allocation.allocate(child=child, iro=iro, start=today, reason=reason,
                            by=users["manager"], today=today)  # fmt: skip
    assert field in refused.value.message_dict
    assert list(Allocation.objects.values_list("pk", "iro", "end_date")) == before
    assert not AuditEvent.objects.filter(action="allocated").exists()


def test_without_iro_lists_children_in_care_with_no_allocation(today):
    iro = make_iro()
    waiting = make_child(started=D(2026, 11, 16))
    left_care = make_child(started=D(2026, 1, 5))
    left_care.episodes.update(dec=D(2026, 3, 1), rec="E11")
    allocated = make_child()
    allocate(allocated, iro)
    derive([waiting, left_care, allocated], today)
    assert allocation.without_iro(today=today) == [waiting]
