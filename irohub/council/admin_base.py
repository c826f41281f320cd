"""Base classes for irohub's admin pages.

Imported data (children, episodes, reviews...) is read-only in the admin: it changes through an
import or the service pages, which audit every write. Small council facts (population, targets)
are edited here, and each save or delete writes an audit event in the same transaction.
"""

from __future__ import annotations

from django.contrib import admin
from django.forms.models import model_to_dict

from irohub.accounts.roles import Permission
from irohub.audit.services import record


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _plain(obj) -> dict:
    return {k: str(v) if v is not None else None for k, v in model_to_dict(obj).items()}


def manages_settings(request) -> bool:
    user = request.user
    return user.is_active and (user.is_superuser or user.can(Permission.MANAGE_SETTINGS))


class AuditedAdmin(admin.ModelAdmin):
    """Editable by people who manage the council's settings; saves and deletes made in the admin
    are audited like any other write."""

    def has_add_permission(self, request):
        return manages_settings(request)

    def has_change_permission(self, request, obj=None):
        return manages_settings(request)

    def has_delete_permission(self, request, obj=None):
        return manages_settings(request)

    def save_model(self, request, obj, form, change):
        before = _plain(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        record(by=request.user, action="changed" if change else "created",
               target_type=obj._meta.label_lower, target_id=obj.pk, before=before,
               after=_plain(obj))  # fmt: skip

    def delete_model(self, request, obj):
        record(by=request.user, action="deleted", target_type=obj._meta.label_lower,
               target_id=obj.pk, before=_plain(obj))  # fmt: skip
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
