"""Signing in and out, sessions that expire, and where people land."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

TEST_PASSWORD = "correct-horse-battery-staple-42"  # as tests/conftest.py

SIGN_IN = "/accounts/sign-in/"


def test_sign_in_page_is_a_gov_uk_page(client):
    page = client.get(SIGN_IN).content.decode()
    assert '<html lang="en-GB" class="govuk-template">' in page
    assert 'class="govuk-skip-link"' in page
    assert '<label class="govuk-label" for="id_username">User name</label>' in page
    assert 'autocomplete="current-password"' in page
    assert "govuk-phase-banner" in page


def test_blank_form_shows_gov_uk_errors(client):
    response = client.post(SIGN_IN, {"username": "", "password": ""})
    page = response.content.decode()
    assert "<title>Error: Sign in" in page
    assert '<a href="#id_username">Enter your user name</a>' in page
    assert '<a href="#id_password">Enter your password</a>' in page


def test_wrong_password_is_refused_without_saying_which_part(client, users):
    response = client.post(SIGN_IN, {"username": "iro", "password": "wrong-password-here"})
    assert response.status_code == 200
    assert "Enter a correct user name and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_right_password_signs_in_and_goes_home(client, users):
    response = client.post(SIGN_IN, {"username": "manager", "password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(users["manager"].pk)


def test_sign_in_follows_a_safe_next_and_ignores_another_site(client, users):
    safe = client.post(SIGN_IN, {"username": "iro", "password": TEST_PASSWORD, "next": "/audit/"})
    assert safe["Location"] == "/audit/"
    client.logout()
    unsafe = client.post(
        SIGN_IN, {"username": "iro", "password": TEST_PASSWORD, "next": "https://evil.example/"}
    )
    assert unsafe["Location"] == reverse("home")


def test_an_inactive_account_cannot_sign_in(client, user_factory):
    gone = user_factory(role="iro", username="gone")
    gone.is_active = False
    gone.save()
    response = client.post(SIGN_IN, {"username": "gone", "password": TEST_PASSWORD})
    assert "Enter a correct user name and password" in response.content.decode()


def test_pages_send_anonymous_people_to_sign_in(client):
    response = client.get("/accounts/account/")
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next=/accounts/account/"


def test_sign_out_is_post_only(signed_in_client):
    client = signed_in_client("iro")
    assert client.get("/accounts/sign-out/").status_code == 405
    response = client.post("/accounts/sign-out/")
    assert response.status_code == 302 and response["Location"] == SIGN_IN
    assert "_auth_user_id" not in client.session
    assert "You have signed out" in client.get(SIGN_IN).content.decode()


def test_sessions_end_after_thirty_idle_minutes_by_default():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert (
        settings.SESSION_SAVE_EVERY_REQUEST
    )  # every request pushes the expiry on: idle, not total
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_an_idle_session_is_signed_out(signed_in_client):
    client = signed_in_client("manager")
    assert client.get("/accounts/account/").status_code == 200
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timezone.timedelta(seconds=1)
    )
    response = client.get("/accounts/account/")
    assert response.status_code == 302 and response["Location"].startswith(SIGN_IN)


def test_each_request_renews_the_idle_timer(signed_in_client):
    client = signed_in_client("manager")
    client.get("/accounts/account/")
    key = client.session.session_key
    soon = timezone.now() + timezone.timedelta(minutes=1)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    client.get("/accounts/account/")
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed > soon + timezone.timedelta(minutes=25)
