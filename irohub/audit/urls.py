"""The audit trail pages."""

from django.urls import path

from irohub.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.events, name="events"),
]
