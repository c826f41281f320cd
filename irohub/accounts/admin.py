"""Accounts in the Django admin: every save goes through the account services (audited).

Accounts are never deleted (make them inactive instead), and `is_staff` follows the role.
"""

from __future__ import annotations

import contextvars

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm

from irohub.accounts import services as accounts
from irohub.accounts.models import User

_acting = contextvars.ContextVar("irohub_admin_acting_user", default=None)


class AuditedPasswordChangeForm(AdminPasswordChangeForm):
    def save(self, commit=True):
        password = self.cleaned_data.get("password1")
        return accounts.set_password(
            by=_acting.get(), user=self.user, password=password, validate=False
        )


@admin.register(User)
class IrohubUserAdmin(UserAdmin):
    change_password_form = AuditedPasswordChangeForm
    list_display = ("username", "first_name", "last_name", "role", "is_active", "last_login")
    list_filter = ("role", "is_active")
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Person", {"fields": ("first_name", "last_name", "email")}),
        ("Role", {"fields": ("role", "provider", "is_active")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "role", "usable_password", "password1", "password2")}),
    )
    readonly_fields = ("last_login", "date_joined")

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            changes = {
                name: form.cleaned_data[name]
                for name in form.changed_data
                if name in accounts.EDITABLE
            }
            accounts.update_account(
                by=request.user, user=User.objects.get(pk=obj.pk), changes=changes
            )
            return
        created = accounts.create_account(
            by=request.user,
            username=form.cleaned_data["username"],
            role=form.cleaned_data["role"],
            password=form.cleaned_data.get("password1") or None,
            validate=False,  # the admin form has already run the validators
        )
        obj.pk, obj._state.adding = created.pk, False

    def save_related(self, request, form, formsets, change):
        return None  # no groups or per-user permissions: roles are code

    def user_change_password(self, request, id, form_url=""):
        token = _acting.set(request.user)
        try:
            return super().user_change_password(request, id, form_url)
        finally:
            _acting.reset(token)
