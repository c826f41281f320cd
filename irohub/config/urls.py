"""URL configuration. Every view is either explicitly public or checks a permission
(irohub.accounts.access); tests/test_url_permissions.py fails when one does neither."""

from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path  # noqa: F401

from irohub.accounts.access import public


@public
def health(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("health", health, name="health"),
    path("admin/", admin.site.urls),
]
