"""Account services, and the Django admin for administrators (through the services)."""

import pytest
from django.contrib.auth import get_user_model

from irohub.accounts import services as accounts
from irohub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_only_administrators_are_staff(users):
    assert [code for code, user in users.items() if user.is_staff] == ["administrator"]


def test_changing_role_moves_staff_and_is_audited(users):
    manager = users["manager"]
    accounts.change_role(by=users["administrator"], user=manager, role="administrator")
    assert manager.is_staff
    accounts.change_role(by=users["administrator"], user=manager, role="iro")
    assert not manager.is_staff
    events = AuditEvent.objects.filter(action="account_changed", target_id=str(manager.pk))
    assert events.count() == 2
    assert (
        events.first().before["role"] == "administrator" and events.first().after["role"] == "iro"
    )


def test_an_unknown_role_or_field_is_refused(users):
    with pytest.raises(KeyError):
        accounts.change_role(by=None, user=users["iro"], role="superhero")
    with pytest.raises(ValueError):
        accounts.update_account(by=None, user=users["iro"], changes={"is_superuser": True})


def test_creating_an_account_validates_the_password_and_audits(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        accounts.create_account(by=None, username="weak", role="iro", password="short")
    user = accounts.create_account(by=None, username="nopassword", role="iro")
    assert not user.has_usable_password()
    assert AuditEvent.objects.filter(action="account_created", target_id=str(user.pk)).exists()


def test_non_administrators_get_403_from_the_admin(signed_in_client):
    response = signed_in_client("manager").get("/admin/", follow=True)
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_anonymous_admin_goes_to_irohubs_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/sign-in/?next=/admin/")


def test_administrator_adds_an_account_through_the_service(signed_in_client, users):
    client = signed_in_client(user=users["administrator"])
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "new-iro",
            "role": "iro",
            "usable_password": "true",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = get_user_model().objects.get(username="new-iro")
    assert created.check_password("a-long-and-unusual-passphrase") and not created.is_staff
    event = AuditEvent.objects.get(action="account_created", target_id=str(created.pk))
    assert event.actor_name == "administrator"


def test_administrator_changes_a_role_through_the_service(signed_in_client, users):
    client = signed_in_client(user=users["administrator"])
    target = users["business_support"]
    form = {
        "username": target.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "role": "administrator",
        "provider": "",
        "is_active": "on",
    }
    response = client.post(f"/admin/accounts/user/{target.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    target.refresh_from_db()
    assert target.role == "administrator" and target.is_staff
    assert AuditEvent.objects.filter(action="account_changed", target_id=str(target.pk)).exists()


def test_administrator_sets_a_password_through_the_service(signed_in_client, users):
    client = signed_in_client(user=users["administrator"])
    target = users["iro"]
    response = client.post(
        f"/admin/accounts/user/{target.pk}/password/",
        {"password1": "another-long-passphrase", "password2": "another-long-passphrase"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password("another-long-passphrase")
    event = AuditEvent.objects.get(action="password_set", target_id=str(target.pk))
    assert event.actor_name == "administrator"


def test_accounts_cannot_be_deleted_in_the_admin(signed_in_client, users):
    client = signed_in_client(user=users["administrator"])
    response = client.post(f"/admin/accounts/user/{users['iro'].pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=users["iro"].pk).exists()
