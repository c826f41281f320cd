"""Staff pages: cover grants (irohub.staff.cover_views)."""

from django.urls import path

from irohub.staff import cover_views

app_name = "staff"

urlpatterns = [
    path("cover/", cover_views.cover_page, name="cover"),
    path("cover/<int:grant_id>/end/", cover_views.end_cover, name="cover-end"),
]
