"""The target register, priorities and service facts, mounted at /targets/."""

from django.urls import path

from irohub.council import views_targets as views

app_name = "targets"

urlpatterns = [
    path("", views.register, name="register"),
    path("<str:year>/targets/new/", views.target_add, name="target_add"),
    path("target/<int:pk>/", views.target_edit, name="target_edit"),
    path("target/<int:pk>/remove/", views.target_remove, name="target_remove"),
    path("<str:year>/priorities/new/", views.priority_add, name="priority_add"),
    path("priority/<int:pk>/", views.priority_edit, name="priority_edit"),
    path("priority/<int:pk>/remove/", views.priority_remove, name="priority_remove"),
    path("facts/", views.service_facts, name="facts"),
    path("facts/<str:year>/", views.service_facts, name="facts_year"),
]
