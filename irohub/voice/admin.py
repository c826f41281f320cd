from django.contrib import admin

from irohub.council.admin_base import ReadOnlyAdmin
from irohub.voice.models import AdvocacyReferral, Complaint, FeedbackResponse


@admin.register(AdvocacyReferral)
class AdvocacyReferralAdmin(ReadOnlyAdmin):
    list_display = ("child", "referral_date", "kind", "provider", "hours", "closed_date")
    list_filter = ("kind", "provider")
    search_fields = ("child__child_id",)
    list_select_related = ("child",)


@admin.register(FeedbackResponse)
class FeedbackResponseAdmin(ReadOnlyAdmin):
    # Comments are left out of the list: managers read them in the service's own pages.
    list_display = ("response_date", "respondent", "age_band", "knows_iro_role",
                    "felt_listened_to", "questions_answered", "life_getting_better", "source")  # fmt: skip
    list_filter = ("respondent", "source")
    date_hierarchy = "response_date"


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = ("received_date", "stage", "outcome")
    list_filter = ("stage",)
