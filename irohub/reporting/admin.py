"""The manager's narrative in the admin: read-only, because it changes through the report's own
pages (irohub.reporting.services), which audit every change."""

from django.contrib import admin

from irohub.council.admin_base import ReadOnlyAdmin
from irohub.reporting.models import ReportNarrative


@admin.register(ReportNarrative)
class ReportNarrativeAdmin(ReadOnlyAdmin):
    list_display = ("year", "section", "kind", "order", "updated_by", "updated_at")
    list_filter = ("year", "kind")
    search_fields = ("text",)
