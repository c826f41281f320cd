from django.contrib import admin

from irohub.council.admin_base import ReadOnlyAdmin
from irohub.reviews.models import Contact, Review, ReviewBooking


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ("child", "review_date", "pn_code", "review_type", "due_date", "in_time",
                    "days_late", "chair", "statutory_basis")  # fmt: skip
    list_filter = ("review_type", "in_time", "statutory_basis", "pn_code", "format")
    search_fields = ("child__child_id",)
    list_select_related = ("child", "chair")
    date_hierarchy = "review_date"


@admin.register(Contact)
class ContactAdmin(ReadOnlyAdmin):
    list_display = ("child", "contact_date", "contact_type", "iro")
    list_filter = ("contact_type",)
    search_fields = ("child__child_id",)
    list_select_related = ("child", "iro")
    date_hierarchy = "contact_date"


@admin.register(ReviewBooking)
class ReviewBookingAdmin(ReadOnlyAdmin):
    # Booked, moved and cancelled through irohub.reviews.booking, which audits each change.
    list_display = ("child", "planned_date", "format", "iro", "invitations_sent_date",
                    "cancelled_date", "review")  # fmt: skip
    list_filter = ("format",)
    search_fields = ("child__child_id",)
    list_select_related = ("child", "iro", "review")
    date_hierarchy = "planned_date"
