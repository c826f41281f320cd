"""Setting up and removing the second factor (an authenticator app) from the account page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from irohub.accounts import second_factor
from irohub.accounts.access import requires
from irohub.accounts.forms import CodeForm


@requires()
@never_cache
@require_http_methods(["GET", "POST"])
def set_up(request):
    """Show a new secret (QR code and text), then confirm it with the first code."""
    user = request.user
    device = second_factor.pending_device(user)
    if request.method == "GET" or device is None:
        device = second_factor.start_setup(by=user, user=user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        if second_factor.confirm(by=user, device=device, code=form.cleaned_data["code"]):
            otp_login(request, device)  # this session has now shown a code
            messages.success(request, "Your second factor is set up")
            return redirect("accounts:account")
        form.add_error("code", "The code is not right: enter the code the app shows now")
    context = {
        "form": form,
        "qr_code": second_factor.qr_code_svg(device),
        "secret": second_factor.secret_for_typing(device),
        "required": second_factor.must_use_second_factor(user),
        "replacing": second_factor.has_second_factor(user),
    }
    return render(request, "accounts/second_factor_set_up.html", context)


@requires()
@never_cache
@require_http_methods(["GET", "POST"])
def remove(request):
    """Ask, then remove the second factor; administrators who must use one cannot remove it."""
    user = request.user
    if second_factor.must_use_second_factor(user) or not second_factor.has_second_factor(user):
        return redirect("accounts:account")
    if request.method == "POST":
        second_factor.remove(by=user, user=user)
        messages.success(request, "Your second factor has been removed")
        return redirect("accounts:account")
    return render(request, "accounts/second_factor_remove.html")
