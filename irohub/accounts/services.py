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

EDITABLE = frozenset(
    {"username", "first_name", "last_name", "email", "role", "provider", "is_active"}
)


def _snapshot(user) -> dict:
    return {
        "username": user.username,
        "role": user.role,
        "is_staff": user.is_staff,
        "is_active": user.is_active,
        "provider": user.provider,
        "name": user.get_full_name(),
        "email": user.email,
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
    validate: bool = True,
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
        if validate:
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


def change_role(*, by, user, role: str):
    """Give a person another role; the Django admin follows the administrator role."""
    return update_account(by=by, user=user, changes={"role": role})


@transaction.atomic
def update_account(*, by, user, changes: dict):
    """Change a person's details (only EDITABLE fields); a role change also moves `is_staff`."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"Cannot change {sorted(unknown)} here")
    if "role" in changes:
        role_for(changes["role"])
    before = _snapshot(user)
    for name, value in changes.items():
        setattr(user, name, value)
    user.is_staff = user.role == ADMINISTRATOR.code
    user.save()
    audit.record(
        by=by,
        action="account_changed",
        target_type="user",
        target_id=user.pk,
        before=before,
        after=_snapshot(user),
    )
    return user


@transaction.atomic
def set_password(*, by, user, password: str | None, validate: bool = True):
    """Set a new password (checked by the validators unless `validate` is False).

    None makes the password unusable: the person cannot sign in until a new one is set.
    """
    if password is None:
        user.set_unusable_password()
    else:
        if validate:
            validate_password(password, user)
        user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(by=by, action="password_set", target_type="user", target_id=user.pk)
    return user
