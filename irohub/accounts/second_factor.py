"""The optional second factor: a time-based code (TOTP) from an authenticator app.

Any person may add one; administrators must when IROHUB_REQUIRE_ADMIN_MFA is on (the production
default). A device is "confirmed" once its first code has been checked, and from then on every
sign-in asks for a code. Every change is audited.
"""

from __future__ import annotations

import base64
import math

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from irohub.accounts.roles import ADMINISTRATOR
from irohub.audit import services as audit

DEVICE_NAME = "Authenticator app"


def confirmed_devices(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def has_second_factor(user) -> bool:
    return user.is_authenticated and confirmed_devices(user).exists()


def must_use_second_factor(user) -> bool:
    """Administrators (and anyone who can open the Django admin) when the setting is on."""
    if not settings.IROHUB_REQUIRE_ADMIN_MFA or not user.is_authenticated:
        return False
    return user.role == ADMINISTRATOR.code or user.is_staff or user.is_superuser


@transaction.atomic
def start_setup(*, by, user) -> TOTPDevice:
    """A new, unconfirmed device; an earlier unconfirmed one is replaced (its QR was never used)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    audit.record(by=by, action="second_factor_setup_started", target_type="user", target_id=user.pk)
    return device


def seconds_to_wait(device: TOTPDevice | None) -> int:
    """After a wrong code django-otp refuses codes for a while (doubling each time); how long."""
    if device is None:
        return 0
    allowed, details = device.verify_is_allowed()
    if allowed or not details or not details.get("locked_until"):
        return 0
    return max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))


def pending_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()


@transaction.atomic
def confirm(*, by, device: TOTPDevice, code: str) -> bool:
    """Check the first code; when right, this device replaces any earlier confirmed one."""
    if not device.verify_token(code.replace(" ", "")):
        return False
    confirmed_devices(device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(by=by, action="second_factor_added", target_type="user", target_id=device.user_id)
    return True


@transaction.atomic
def remove(*, by, user) -> int:
    """Remove every second-factor device of `user`; sign-in goes back to a password alone."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    audit.record(by=by, action="second_factor_removed", target_type="user", target_id=user.pk)
    return removed


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (no image request, no network)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, title="QR code for your authenticator app", omitsize=False
    )


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in groups of four, for apps where it is typed instead of scanned."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))
