"""The optional TOTP second factor, and administrators who must use one."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from irohub.accounts import second_factor
from irohub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TEST_PASSWORD = "correct-horse-battery-staple-42"  # as tests/conftest.py
SIGN_IN = "/accounts/sign-in/"
SET_UP = "/accounts/account/second-factor/"


def code_for(device: TOTPDevice, offset_steps: int = 0) -> str:
    """The code the person's app would show now (or `offset_steps` periods later)."""
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time() + offset_steps * device.step
    return f"{generator.token():06d}"


def confirmed_device_for(user) -> TOTPDevice:
    device = second_factor.start_setup(by=user, user=user)
    assert second_factor.confirm(by=user, device=device, code=code_for(device))
    device.refresh_from_db()
    return device


def test_set_up_page_shows_a_qr_code_and_the_secret(signed_in_client):
    client = signed_in_client("iro")
    page = client.get(SET_UP).content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    assert "<svg" in page and "QR code for your authenticator app" in page
    assert second_factor.secret_for_typing(device) in page
    assert '<label class="govuk-label govuk-label--m" for="id_code">' in page


def test_a_right_code_confirms_the_device_and_verifies_the_session(signed_in_client):
    client = signed_in_client("iro")
    client.get(SET_UP)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SET_UP, {"code": code_for(device)})
    assert response.status_code == 302 and response["Location"] == "/accounts/account/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.session["otp_device_id"] == device.persistent_id
    assert AuditEvent.objects.filter(action="second_factor_added").count() == 1
    assert ">On</strong>" in client.get("/accounts/account/").content.decode()


def test_a_wrong_code_does_not_confirm(signed_in_client):
    client = signed_in_client("iro")
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "000000"})
    assert "The code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert "The code must be 6 numbers" in client.post(SET_UP, {"code": "12ab"}).content.decode()


def test_with_a_device_every_sign_in_asks_for_the_code(client, user_factory, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no pause after the wrong code
    user = user_factory(role="manager", username="kim")
    device = confirmed_device_for(user)
    response = client.post(SIGN_IN, {"username": "kim", "password": TEST_PASSWORD})
    assert response["Location"] == "/accounts/sign-in/code/"
    assert "_auth_user_id" not in client.session  # not signed in until the code is right
    assert (
        "Enter the code from your authenticator app"
        in client.get(response["Location"]).content.decode()
    )
    wrong = client.post("/accounts/sign-in/code/", {"code": "000000"})
    assert "The code is not right" in wrong.content.decode()
    right = client.post("/accounts/sign-in/code/", {"code": code_for(device, offset_steps=1)})
    assert right.status_code == 302 and right["Location"] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session["otp_device_id"] == device.persistent_id


def test_after_a_wrong_code_the_person_is_told_to_wait(client, user_factory):
    user = user_factory(role="iro", username="ash")
    device = confirmed_device_for(user)
    client.post(SIGN_IN, {"username": "ash", "password": TEST_PASSWORD})
    client.post("/accounts/sign-in/code/", {"code": "000000"})
    response = client.post("/accounts/sign-in/code/", {"code": code_for(device, offset_steps=1)})
    assert "then enter the new code from the app" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_code_page_without_a_password_first_goes_back_to_sign_in(client):
    response = client.get("/accounts/sign-in/code/")
    assert response.status_code == 302 and response["Location"] == SIGN_IN


def test_wrong_codes_count_towards_the_lockout(client, user_factory, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = user_factory(role="iro", username="sam")
    confirmed_device_for(user)
    client.post(SIGN_IN, {"username": "sam", "password": TEST_PASSWORD})
    statuses = [
        client.post("/accounts/sign-in/code/", {"code": "000000"}).status_code for _ in range(5)
    ]
    assert statuses[-1] == 429


def test_removing_the_device_goes_back_to_password_only(client, user_factory, signed_in_client):
    user = user_factory(role="iro", username="lee")
    confirmed_device_for(user)
    me = signed_in_client(user=user)
    # A session that never showed a code is ended once a device exists.
    signed_out = me.get("/accounts/account/")
    assert signed_out.status_code == 302 and signed_out["Location"].startswith(SIGN_IN)
    client.post(SIGN_IN, {"username": "lee", "password": TEST_PASSWORD})
    device = TOTPDevice.objects.get(user=user)
    client.post("/accounts/sign-in/code/", {"code": code_for(device, offset_steps=1)})
    assert "Are you sure" in client.get("/accounts/account/second-factor/remove/").content.decode()
    client.post("/accounts/account/second-factor/remove/")
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.logout()
    response = client.post(SIGN_IN, {"username": "lee", "password": TEST_PASSWORD})
    assert response["Location"] == "/"


class TestAdministratorsMustUseASecondFactor:
    @pytest.fixture(autouse=True)
    def required(self, settings):
        settings.IROHUB_REQUIRE_ADMIN_MFA = True

    def test_an_administrator_without_a_device_is_sent_to_set_one_up(self, signed_in_client):
        client = signed_in_client("administrator")
        for path in ("/", "/audit/", "/accounts/account/", "/admin/"):
            response = client.get(path)
            assert response.status_code == 302 and response["Location"] == SET_UP, path
        page = client.get(SET_UP).content.decode()
        assert "Administrators must use a second factor" in page

    def test_other_roles_are_not_forced(self, signed_in_client):
        assert signed_in_client("manager").get("/accounts/account/").status_code == 200

    def test_after_setting_up_the_administrator_can_use_the_admin(self, signed_in_client):
        client = signed_in_client("administrator")
        client.get(SET_UP)
        device = TOTPDevice.objects.get(confirmed=False)
        client.post(SET_UP, {"code": code_for(device)})
        assert client.get("/accounts/account/").status_code == 200
        assert client.get("/admin/").status_code == 200

    def test_an_administrator_cannot_remove_a_required_device(self, user_factory, signed_in_client):
        admin = user_factory(role="administrator")
        client = signed_in_client(user=admin)
        client.get(SET_UP)
        client.post(SET_UP, {"code": code_for(TOTPDevice.objects.get(confirmed=False))})
        client.post("/accounts/account/second-factor/remove/")
        assert TOTPDevice.objects.filter(user=admin, confirmed=True).exists()


def test_without_the_setting_administrators_are_not_forced(settings, signed_in_client):
    settings.IROHUB_REQUIRE_ADMIN_MFA = False
    client = signed_in_client("administrator")
    assert client.get("/accounts/account/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_production_requires_administrators_to_use_a_second_factor_by_default():
    from irohub.config import settings as irohub_settings

    assert irohub_settings.env_bool("IROHUB_REQUIRE_ADMIN_MFA", True) is True
