"""The manager dashboard, mounted at /dashboard/."""

from django.urls import path

from irohub.reporting.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
]


def register_navigation() -> None:
    """Called from ReportingConfig.ready(): the dashboard, and the home page of the people who
    read it (managers, senior leaders)."""
    from irohub.accounts import navigation
    from irohub.accounts.roles import Permission

    navigation.register(
        "Dashboard", "dashboard:index", Permission.VIEW_DASHBOARD,
        description="Timeliness, participation, records, midway reviews, escalations and "
        "caseloads, live, against the year's targets.", order=20,
    )  # fmt: skip
    navigation.register_landing("dashboard:index", Permission.VIEW_DASHBOARD, order=20)
