"""Every change to an account goes through here, with its audit event in the same transaction.

Administrators get `is_staff` (the Django admin) from their role, never by hand, so the admin is
open exactly to the people whose role says they look after reference data and accounts.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from irohub.accounts.roles import ADMINISTRATOR, role_for
from irohub.audit import services as audit


def _snapshot(user) -> dict:
    return {
        "username": user.username,
        "role": user.role,
        "is_staff": user.is_staff,
        "is_active": user.is_active,
        "provider": user.provider,
    }


@transaction.atomic
def create_account(
    *,
    by,
    username: str,
    role: str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    provider: str = "",
):
    """A new person with one role; without a password the account cannot sign in until one is set."""
    role_for(role)  # an unknown role is a KeyError here, not a broken account later
    user = get_user_model()(
        username=username,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        provider=provider,
        is_staff=role == ADMINISTRATOR.code,
    )
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit.record(
        by=by,
        action="account_created",
        target_type="user",
        target_id=user.pk,
        after=_snapshot(user),
    )
    return user


@transaction.atomic
def change_role(*, by, user, role: str):
    """Give a person another role; the admin site follows the administrator role."""
    role_for(role)
    before = _snapshot(user)
    user.role = role
    user.is_staff = role == ADMINISTRATOR.code
    user.save(update_fields=["role", "is_staff"])
    audit.record(
        by=by,
        action="role_changed",
        target_type="user",
        target_id=user.pk,
        before=before,
        after=_snapshot(user),
    )
    return user


@transaction.atomic
def set_password(*, by, user, password: str, validate: bool = True):
    """Set a new password (checked against the validators unless `validate` is False)."""
    if validate:
        validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(by=by, action="password_set", target_type="user", target_id=user.pk)
    return user
