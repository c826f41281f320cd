"""The annual report pages: the years, a year's report with its downloads, and the manager's
narrative for each section."""

from django.urls import path, register_converter

from irohub.reporting import views


class YearConverter:
    """A reporting year as in the report JSON: 2024-25."""

    regex = r"\d{4}-\d{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(YearConverter, "year")

app_name = "reporting"

urlpatterns = [
    path("", views.years, name="years"),
    path("<year:year>/", views.year, name="year"),
    path("<year:year>/download/<str:fmt>/", views.download, name="download"),
    path("<year:year>/public/<str:fmt>/", views.download_public, name="download_public"),
    path("<year:year>/narrative/<str:section>/", views.narrative, name="narrative"),
    path(
        "<year:year>/narrative/<str:section>/<int:pk>/",
        views.narrative_edit,
        name="narrative_edit",
    ),
    path(
        "<year:year>/narrative/<str:section>/<int:pk>/remove/",
        views.narrative_remove,
        name="narrative_remove",
    ),
]
