from django.contrib import admin

from irohub.council.admin_base import ReadOnlyAdmin
from irohub.staff.models import IRO, Allocation, CoverGrant


@admin.register(IRO)
class IROAdmin(ReadOnlyAdmin):
    list_display = ("iro_id", "name", "employment_type", "provider", "fte", "start_date",
                    "end_date", "user")  # fmt: skip
    list_filter = ("employment_type", "provider")
    search_fields = ("iro_id", "name", "email")


@admin.register(Allocation)
class AllocationAdmin(ReadOnlyAdmin):
    list_display = ("child", "iro", "start_date", "end_date", "change_reason")
    list_filter = ("change_reason", "iro")
    search_fields = ("child__child_id", "iro__iro_id", "iro__name")
    list_select_related = ("child", "iro")
    date_hierarchy = "start_date"


@admin.register(CoverGrant)
class CoverGrantAdmin(ReadOnlyAdmin):
    # Granted and ended on the managers' cover page (irohub.staff.cover), which audits both.
    list_display = ("covering_iro", "covered_iro", "child", "start_date", "end_date", "ended_on",
                    "granted_by")  # fmt: skip
    list_select_related = ("covering_iro", "covered_iro", "child", "granted_by")
    date_hierarchy = "start_date"
