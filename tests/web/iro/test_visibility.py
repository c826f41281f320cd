"""Who sees which child: own caseload, cover only in the grant's dates, a commissioned
provider's children, the whole service for managers and administrators, nothing for leaders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from irohub.audit.models import AuditEvent
from irohub.staff import cover
from irohub.staff.models import CoverGrant
from irohub.staff.visibility import can_see_child, visible_children, visible_iros

from .factories import allocate, make_child, make_iro

D = dt.date
pytestmark = pytest.mark.django_db
TODAY = D(2026, 11, 22)


@pytest.fixture
def service(users, user_factory):
    """Two in-house IROs, one commissioned provider with two IROs, a child each."""
    ann = make_iro(users["iro"], name="Ann")
    bob = make_iro(user_factory(role="iro"), name="Bob")
    commissioned = user_factory(role="commissioned_iro", provider="Northway Reviews Ltd")
    cat = make_iro(commissioned, name="Cat", provider="Northway Reviews Ltd")
    dan = make_iro(None, name="Dan", provider="Northway Reviews Ltd")
    kids = {}
    for name, iro in (("ann", ann), ("bob", bob), ("cat", cat), ("dan", dan)):
        kids[name] = make_child(given=name.title())
        allocate(kids[name], iro)
    return {"ann": ann, "bob": bob, "cat": cat, "dan": dan, "kids": kids,
            "commissioned": commissioned}  # fmt: skip


def seen(user, on=TODAY) -> set[str]:
    return set(visible_children(user, on=on).values_list("given_name", flat=True))


def test_an_iro_sees_their_own_caseload_only(users, service):
    assert seen(users["iro"]) == {"Ann"}
    assert can_see_child(users["iro"], service["kids"]["ann"], on=TODAY)
    assert not can_see_child(users["iro"], service["kids"]["bob"], on=TODAY)


def test_an_allocation_counts_only_between_its_dates(users, service):
    late = make_child(given="Later")
    allocate(late, service["ann"], start=D(2026, 12, 1))
    ended = make_child(given="Ended")
    allocate(ended, service["ann"], start=D(2025, 1, 1), end=D(2026, 11, 21))
    assert seen(users["iro"]) == {"Ann"}
    assert seen(users["iro"], on=D(2026, 11, 21)) == {"Ann", "Ended"}
    assert seen(users["iro"], on=D(2026, 12, 1)) == {"Ann", "Later"}


def test_a_commissioned_iro_sees_their_providers_children(service):
    assert seen(service["commissioned"]) == {"Cat", "Dan"}
    assert set(visible_iros(service["commissioned"]).values_list("name", flat=True)) == {
        "Cat", "Dan"}  # fmt: skip


def test_a_commissioned_iro_without_a_provider_falls_back_to_their_iro_record(
    user_factory, service
):
    other = user_factory(role="commissioned_iro")
    make_iro(other, name="Eve", provider="Northway Reviews Ltd")
    assert seen(other) == {"Cat", "Dan"}
    nobody = user_factory(role="commissioned_iro")
    assert seen(nobody) == set()


@pytest.mark.parametrize("role", ["manager", "business_support", "administrator"])
def test_the_service_sees_every_child(users, service, role):
    assert seen(users[role]) == {"Ann", "Bob", "Cat", "Dan"}
    assert can_see_child(users[role], service["kids"]["dan"], on=TODAY)


def test_senior_leaders_see_no_child(users, service):
    assert seen(users["senior_leader"]) == set()
    assert not can_see_child(users["senior_leader"], service["kids"]["ann"], on=TODAY)
    assert not visible_iros(users["senior_leader"]).exists()


def test_cover_of_a_caseload_applies_only_in_its_dates(users, service):
    cover.grant(covering_iro=service["ann"], covered_iro=service["bob"], start=D(2026, 11, 23),
                end=D(2026, 11, 27), reason="Annual leave", by=users["manager"])  # fmt: skip
    assert seen(users["iro"], on=D(2026, 11, 22)) == {"Ann"}
    assert seen(users["iro"], on=D(2026, 11, 23)) == {"Ann", "Bob"}
    assert seen(users["iro"], on=D(2026, 11, 27)) == {"Ann", "Bob"}
    assert seen(users["iro"], on=D(2026, 11, 28)) == {"Ann"}


def test_cover_of_one_child_and_ending_it_early(users, service):
    grant = cover.grant(covering_iro=service["ann"], child=service["kids"]["dan"],
                        start=D(2026, 11, 20), reason="Urgent review", by=users["manager"])  # fmt: skip
    assert seen(users["iro"]) == {"Ann", "Dan"}
    cover.end(grant=grant, on=TODAY, by=users["manager"])
    assert seen(users["iro"], on=D(2026, 11, 21)) == {"Ann", "Dan"}
    assert seen(users["iro"]) == {"Ann"}
    actions = list(
        AuditEvent.objects.filter(target_type="staff.covergrant").values_list("action", flat=True)
    )
    assert sorted(actions) == ["ended", "granted"]
    # ending again changes nothing and writes nothing
    cover.end(grant=grant, on=TODAY, by=users["manager"])
    assert AuditEvent.objects.filter(target_type="staff.covergrant").count() == 2


def test_a_commissioned_iro_covering_sees_the_covered_child_too(users, service):
    cover.grant(covering_iro=service["cat"], child=service["kids"]["ann"], start=TODAY,
                end=TODAY, reason="Sickness", by=users["manager"])  # fmt: skip
    assert seen(service["commissioned"]) == {"Ann", "Cat", "Dan"}


def test_a_grant_needs_exactly_one_target_and_dates_in_order(users, service):
    manager = users["manager"]
    with pytest.raises(ValidationError) as neither:
        cover.grant(covering_iro=service["ann"], start=TODAY, reason="x", by=manager)
    assert "covered_iro" in neither.value.message_dict
    with pytest.raises(ValidationError):
        cover.grant(covering_iro=service["ann"], covered_iro=service["bob"],
                    child=service["kids"]["bob"], start=TODAY, reason="x", by=manager)  # fmt: skip
    with pytest.raises(ValidationError) as own:
        cover.grant(covering_iro=service["ann"], covered_iro=service["ann"], start=TODAY,
                    reason="x", by=manager)  # fmt: skip
    assert "own caseload" in str(own.value)
    with pytest.raises(ValidationError) as dates:
        cover.grant(covering_iro=service["ann"], covered_iro=service["bob"], start=TODAY,
                    end=D(2026, 11, 1), reason="x", by=manager)  # fmt: skip
    assert "end_date" in dates.value.message_dict
    assert not CoverGrant.objects.exists()


def test_visible_children_is_one_query(users, service, django_assert_num_queries):
    cover.grant(covering_iro=service["ann"], covered_iro=service["bob"], start=TODAY,
                reason="Leave", by=users["manager"])  # fmt: skip
    with django_assert_num_queries(1):
        assert seen(users["iro"]) == {"Ann", "Bob"}
