"""Audit events in the Django admin: to read and search, never to add, change or delete."""

from __future__ import annotations

from django.contrib import admin

from irohub.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "target_type", "target_id")
    list_filter = ("action", "target_type", "at")
    search_fields = ("actor_name", "target_id", "target_type", "action")
    date_hierarchy = "at"
    readonly_fields = [field.name for field in AuditEvent._meta.fields]
    actions = None  # no bulk delete

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
