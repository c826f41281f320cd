"""Second-factor rules that apply to every page, including the Django admin.

1. A session that signed in before its person set up a second factor elsewhere is ended: once a
   person has a confirmed device, every session must have shown a code.
2. When IROHUB_REQUIRE_ADMIN_MFA is on, an administrator without a second factor is sent to set
   one up before anything else.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from irohub.accounts import second_factor


class SecondFactorMiddleware:
    """Must come after OTPMiddleware (`user.is_verified()`) and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = self._check(request)
        return refused if refused is not None else self.get_response(request)

    def _always_open(self, path: str) -> bool:
        open_paths = (
            reverse("accounts:second-factor"),
            reverse("accounts:sign-out"),
            reverse("health"),
            settings.STATIC_URL,
        )
        return path.startswith(open_paths)

    def _check(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if second_factor.has_second_factor(user):
            auth.logout(request)
            messages.info(request, "Sign in again with your code from your authenticator app.")
            return redirect_to_login(request.get_full_path())
        if second_factor.must_use_second_factor(user) and not self._always_open(request.path):
            return redirect("accounts:second-factor")
        return None
