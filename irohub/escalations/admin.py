from django.contrib import admin

from irohub.council.admin_base import ReadOnlyAdmin
from irohub.escalations.models import Escalation, EscalationStage, EscalationTheme


class ThemeInline(admin.TabularInline):
    model = EscalationTheme
    extra = 0
    can_delete = False
    readonly_fields = ("theme",)

    def has_add_permission(self, request, obj=None):
        return False


class StageInline(admin.TabularInline):
    model = EscalationStage
    extra = 0
    can_delete = False
    readonly_fields = ("stage", "started_date", "ended_date")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ("escalation_id", "child", "iro", "opened_date", "closed_date", "outcome",
                    "good_practice")  # fmt: skip
    list_filter = ("outcome", "good_practice")
    search_fields = ("escalation_id", "child__child_id")
    list_select_related = ("child", "iro")
    date_hierarchy = "opened_date"
    inlines = [ThemeInline, StageInline]
