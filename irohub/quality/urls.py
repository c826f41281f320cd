"""Quality assurance pages, mounted at /quality/."""

from django.urls import path

from irohub.quality import views

app_name = "quality"

urlpatterns = [
    path("audits/", views.audits, name="audits"),
    path("audits/new/", views.audit_add, name="audit_add"),
    path("audits/<str:audit_id>/", views.audit_edit, name="audit_edit"),
    path("complaints/", views.complaints, name="complaints"),
    path("complaints/new/", views.complaint_add, name="complaint_add"),
    path("complaints/<int:pk>/", views.complaint_edit, name="complaint_edit"),
]
