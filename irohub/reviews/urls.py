"""The IRO's caseload and the pages that schedule and record reviews and contacts."""

from django.urls import path

from irohub.reviews import views

app_name = "reviews"

urlpatterns = [
    path("caseload/", views.caseload_page, name="caseload"),
    path("child/<str:child_id>/schedule/", views.schedule, name="schedule"),
    path("child/<str:child_id>/schedule/cancel/", views.cancel_booking, name="cancel-booking"),
    path("child/<str:child_id>/record/", views.record_review, name="record"),
    path("child/<str:child_id>/reviews/<int:review_id>/", views.change_review, name="change"),
    path("child/<str:child_id>/contact/", views.record_contact, name="contact"),
]
