"""A child's record pages, by the child's 903 child ID: reverse("children:record",
args=[child.child_id])."""

from django.urls import path

from irohub.children import views

app_name = "children"

urlpatterns = [
    path("<str:child_id>/", views.record, name="record"),
    path("<str:child_id>/viewers/", views.viewers, name="viewers"),
]
