"""The Django admin, for administrators only, signed in through irohub's own sign-in page.

Installed in place of django.contrib.admin (INSTALLED_APPS names admin_apps.IrohubAdminConfig), so every
app's `admin.site.register(...)` lands here. When IROHUB_REQUIRE_ADMIN_MFA is on, the admin
also needs a session that has shown a second-factor code.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse


class IrohubAdminSite(admin.AdminSite):
    site_header = "irohub administration"
    site_title = "irohub administration"
    index_title = "Reference data and accounts"

    def has_permission(self, request):
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return not settings.IROHUB_REQUIRE_ADMIN_MFA or user.is_verified()

    def login(self, request, extra_context=None):
        # One sign-in page for the whole service: throttled, and asking for the code.
        if request.user.is_authenticated:
            raise PermissionDenied("The Django admin is for administrators.")
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url)
