"""Advocacy, feedback links and feedback comments, mounted at /voice/."""

from django.urls import path

from irohub.voice import feedback_views, views

app_name = "voice"

urlpatterns = [
    path("advocacy/", views.advocacy_list, name="advocacy"),
    path("advocacy/new/", views.choose_child, name="advocacy_choose_child"),
    path("advocacy/new/<str:child_id>/", views.record_referral, name="advocacy_record"),
    path("advocacy/<int:pk>/", views.edit_referral, name="advocacy_edit"),
    path("feedback/", feedback_views.recent_reviews, name="feedback_reviews"),
    path("feedback/links/<int:review_pk>/", feedback_views.links, name="feedback_links"),
    path("feedback/comments/", feedback_views.comments, name="feedback_comments"),
]
