"""The public feedback form, mounted at /feedback/: no sign-in, a single-use token in the address."""

from django.urls import path

from irohub.voice import feedback_views

app_name = "feedback"

urlpatterns = [
    path("thank-you/", feedback_views.thanks, name="thanks"),
    path("<str:token>/", feedback_views.feedback_form, name="form"),
]
