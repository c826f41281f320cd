"""URL configuration. Every view is either explicitly public or checks a permission
(irohub.accounts.access); tests/test_url_permissions.py fails when one does neither.

Apps add their pages here with `path("<app>/", include("irohub.<app>.urls"))`.
"""

from django.contrib import admin
from django.urls import include, path

from irohub.config import views

handler403 = "irohub.config.views.permission_denied"
handler404 = "irohub.config.views.page_not_found"
handler500 = "irohub.config.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("favicon.ico", views.no_favicon),
    path("accounts/", include("irohub.accounts.urls")),
    path("audit/", include("irohub.audit.urls")),
    path("reports/", include("irohub.reporting.urls")),
    path("children/", include("irohub.children.urls")),
    path("reviews/", include("irohub.reviews.urls")),
    path("staff/", include("irohub.staff.urls")),
    path("escalations/", include("irohub.escalations.urls")),
    path("voice/", include("irohub.voice.urls")),
    path("feedback/", include("irohub.voice.feedback_urls")),
    path("quality/", include("irohub.quality.urls")),
    path("targets/", include("irohub.council.urls_targets")),
    path("allocation/", include("irohub.staff.allocation_urls")),
    path("support/", include("irohub.reviews.support_urls")),
    path("letters/", include("irohub.reviews.letter_urls")),
    path("dashboard/", include("irohub.reporting.dashboard.urls")),
    path("admin/", admin.site.urls),
]
