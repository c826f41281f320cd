"""Django model permissions (used only by the Django admin) from the person's role.

irohub's own pages check `Permission`s (access.py). The admin asks Django's `has_perm`, so this
backend answers it: an administrator may view everything in the admin, and may add and change
accounts (MANAGE_USERS), unlock user names and remove lost authenticator apps.
Accounts are never deleted: they are made inactive. Other apps decide what an administrator may change in their own
ModelAdmin (has_change_permission etc.), routing saves through their services.
"""

from __future__ import annotations

from django.contrib.auth.backends import BaseBackend

from irohub.accounts.roles import Permission

_ACCOUNT_APPS = {"accounts"}
# Unlocking a locked user name and removing a lost authenticator app are account care too.
_ACCOUNT_CARE_APPS = {"axes", "otp_totp"}


class RolePermissionBackend(BaseBackend):
    def _administers(self, user) -> bool:
        return user.is_active and user.is_staff and user.can(Permission.MANAGE_SETTINGS)

    def has_perm(self, user_obj, perm, obj=None):
        if not user_obj.is_authenticated or not self._administers(user_obj):
            return False
        app_label, _, codename = perm.partition(".")
        if codename.startswith("view_"):
            return True
        if app_label in _ACCOUNT_APPS:
            return user_obj.can(Permission.MANAGE_USERS) and not codename.startswith("delete_")
        if app_label in _ACCOUNT_CARE_APPS:
            return user_obj.can(Permission.MANAGE_USERS)
        return False

    def has_module_perms(self, user_obj, app_label):
        return user_obj.is_authenticated and self._administers(user_obj)
