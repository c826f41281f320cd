from django.contrib import admin

from irohub.children.models import Child, Episode, Flag, PeriodOfCare
from irohub.council.admin_base import ReadOnlyAdmin


class EpisodeInline(admin.TabularInline):
    model = Episode
    fields = ("decom", "rne", "ls", "cin", "place", "place_provider", "dec", "rec", "period")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Child)
class ChildAdmin(ReadOnlyAdmin):
    list_display = ("child_id", "sex", "dob", "ethnicity", "uasc", "looked_after",
                    "next_review_due", "current_iro")  # fmt: skip
    list_filter = ("looked_after", "sex", "uasc", "next_review_type")
    search_fields = ("child_id", "given_name", "family_name", "upn")
    list_select_related = ("current_iro",)
    inlines = [EpisodeInline]


@admin.register(PeriodOfCare)
class PeriodOfCareAdmin(ReadOnlyAdmin):
    list_display = ("child", "number", "start", "end", "short_break", "end_reason")
    list_filter = ("short_break", "end_reason")
    search_fields = ("child__child_id",)
    list_select_related = ("child",)
    date_hierarchy = "start"


@admin.register(Episode)
class EpisodeAdmin(ReadOnlyAdmin):
    list_display = ("child", "decom", "rne", "ls", "place", "place_provider", "dec", "rec")
    list_filter = ("ls", "rne", "rec", "place")
    search_fields = ("child__child_id",)
    list_select_related = ("child",)
    date_hierarchy = "decom"


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ("child", "flag", "sibling_group", "start_date", "end_date")
    list_filter = ("flag",)
    search_fields = ("child__child_id", "sibling_group")
    list_select_related = ("child",)
