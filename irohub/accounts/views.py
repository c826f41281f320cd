"""Signing in and out (with an optional second factor) and the person's own account page."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from irohub.accounts import second_factor
from irohub.accounts.access import public, requires
from irohub.accounts.forms import CodeForm, SignInForm

PENDING = "irohub_pending_sign_in"  # a right password waiting for its code
PENDING_SECONDS = 300


def _safe_next(request, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def _complete_sign_in(request, user, backend: str, device=None, next_url: str = ""):
    if device is not None:
        user.otp_device = device  # django-otp marks the new session verified on login
    auth.login(request, user, backend=backend)
    return redirect(_safe_next(request, next_url))


@public
@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if request.user.is_authenticated and request.method == "GET":
        return redirect(_safe_next(request, next_url))
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = auth.authenticate(request, **form.cleaned_data)
        if user is not None:
            if second_factor.has_second_factor(user):
                request.session[PENDING] = {
                    "user": user.pk,
                    "backend": user.backend,
                    "next": next_url,
                    "since": time.time(),
                }
                return redirect("accounts:code")
            return _complete_sign_in(request, user, user.backend, next_url=next_url)
        form.add_error(None, "Enter a correct user name and password")
    return render(request, "accounts/sign_in.html", {"form": form, "next": next_url})


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


@public
@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def enter_code(request):
    user, pending = _pending_user(request)
    if user is None:
        messages.info(request, "Sign in again: it took too long to enter the code.")
        return redirect("accounts:sign-in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.confirmed_devices(user).first()
        wait = second_factor.seconds_to_wait(device)
        if wait:
            form.add_error("code", f"Wait {wait} seconds, then enter the new code from the app")
        elif device is not None and device.verify_token(form.cleaned_data["code"]):
            del request.session[PENDING]
            return _complete_sign_in(request, user, pending["backend"], device, pending["next"])
        else:
            # A wrong code counts towards the lockout, like a wrong password.
            user_login_failed.send(
                sender=__name__, credentials={"username": user.get_username()}, request=request
            )
            form.add_error("code", "The code is not right: enter the code the app shows now")
    return render(request, "accounts/enter_code.html", {"form": form})


@public
@require_POST
def sign_out(request):
    """Sign out (POST only, so a link or image elsewhere cannot sign a person out)."""
    auth.logout(request)
    messages.success(request, "You have signed out")
    return redirect("accounts:sign-in")


@requires()
@never_cache
def account(request):
    user = request.user
    context = {
        "role": user.role_definition,
        "has_second_factor": second_factor.has_second_factor(user),
        "must_use_second_factor": second_factor.must_use_second_factor(user),
    }
    return render(request, "accounts/account.html", context)
