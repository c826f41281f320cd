"""Escalation pages, mounted at /escalations/."""

from django.urls import path

from irohub.escalations import views

app_name = "escalations"

urlpatterns = [
    path("", views.escalation_list, name="list"),
    path("raise/", views.choose_child, name="choose_child"),
    path("raise/<str:child_id>/", views.raise_escalation, name="raise"),
    path("<str:escalation_id>/", views.detail, name="detail"),
    path("<str:escalation_id>/step-up/", views.step_up, name="step_up"),
    path("<str:escalation_id>/conclude/", views.conclude, name="conclude"),
]
