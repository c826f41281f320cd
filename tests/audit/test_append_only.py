"""Audit events can be written, never changed or deleted through the application."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from irohub.audit import services as audit
from irohub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(users):
    return audit.record(
        by=users["manager"], action="changed", target_type="child", target_id="C001",
        before={"iro": 1}, after={"iro": 2},
    )  # fmt: skip


def test_record_keeps_who_what_and_when(event, users):
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor_id == users["manager"].pk and stored.actor_name == "manager"
    assert (stored.action, stored.target_type, stored.target_id) == ("changed", "child", "C001")
    assert stored.before == {"iro": 1} and stored.after == {"iro": 2}
    assert stored.at is not None


def test_the_system_may_act_without_a_user(db):
    event = audit.record(by=None, action="imported", target_type="child", target_id=7)
    assert event.actor_id is None and event.actor_name == "system" and event.target_id == "7"


def test_record_many_writes_one_event_per_target(db):
    assert (
        audit.record_many(by=None, action="imported", target_type="child", target_ids=range(5)) == 5
    )
    assert AuditEvent.objects.filter(action="imported").count() == 5


def test_an_event_cannot_be_saved_again(event):
    event.action = "something else"
    with pytest.raises(PermissionDenied):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).action == "changed"


def test_an_event_cannot_be_deleted(event):
    with pytest.raises(PermissionDenied):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_querysets_cannot_update_or_delete(event):
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(action="hidden")
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionDenied), transaction.atomic():  # bulk_update adds no savepoint
        AuditEvent.objects.bulk_update([event], ["action"])
    assert AuditEvent.objects.get(pk=event.pk).action == "changed"


class TestTheAdminIsReadOnly:
    @pytest.fixture
    def admin_client(self, signed_in_client, users):
        return signed_in_client(user=users["administrator"])

    def test_the_list_and_the_event_can_be_read(self, admin_client, event):
        assert admin_client.get("/admin/audit/auditevent/").status_code == 200
        assert admin_client.get("/admin/audit/auditevent/?q=C001").status_code == 200
        assert admin_client.get(f"/admin/audit/auditevent/{event.pk}/change/").status_code == 200

    def test_nothing_can_be_added(self, admin_client):
        assert admin_client.get("/admin/audit/auditevent/add/").status_code == 403
        response = admin_client.post("/admin/audit/auditevent/add/", {"action": "forged"})
        assert response.status_code == 403
        assert not AuditEvent.objects.filter(action="forged").exists()

    def test_nothing_can_be_changed(self, admin_client, event):
        response = admin_client.post(
            f"/admin/audit/auditevent/{event.pk}/change/", {"action": "hidden", "target_id": "X"}
        )
        assert response.status_code == 403
        assert AuditEvent.objects.get(pk=event.pk).action == "changed"

    def test_nothing_can_be_deleted(self, admin_client, event):
        response = admin_client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"})
        assert response.status_code == 403
        bulk = admin_client.post(
            "/admin/audit/auditevent/",
            {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
        )
        assert bulk.status_code in (200, 302, 403)
        assert AuditEvent.objects.filter(pk=event.pk).exists()
