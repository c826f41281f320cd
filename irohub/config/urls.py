"""URL configuration. Every view is either explicitly public (PUBLIC_URL_NAMES) or checks a
permission; tests/test_url_permissions.py fails when one does neither."""

from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path  # noqa: F401


def health(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("health", health, name="health"),
    path("admin/", admin.site.urls),
]
