"""Five wrong passwords lock the user name for 15 minutes, with a clear GOV.UK page."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from irohub.accounts.lockout import try_again_after

pytestmark = pytest.mark.django_db

TEST_PASSWORD = "correct-horse-battery-staple-42"  # as tests/conftest.py

SIGN_IN = "/accounts/sign-in/"


def _wrong(client, username="iro"):
    return client.post(SIGN_IN, {"username": username, "password": "not-the-password"})


def test_settings_lock_after_five_for_fifteen_minutes_by_user_name():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME * 60 == 15
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username"]


def test_four_wrong_passwords_do_not_lock(client, users):
    for _ in range(4):
        assert _wrong(client).status_code == 200
    response = client.post(SIGN_IN, {"username": "iro", "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_the_fifth_wrong_password_locks_with_a_clear_message(client, users):
    for _ in range(4):
        _wrong(client)
    response = _wrong(client)
    page = response.content.decode()
    assert response.status_code == 429
    assert '<h1 class="govuk-heading-l">You cannot sign in for 15 minutes</h1>' in page
    assert "entered 5 times" in page
    assert "You can try again after" in page
    assert "govuk-template" in page


def test_while_locked_even_the_right_password_is_refused(client, users):
    for _ in range(5):
        _wrong(client)
    response = client.post(SIGN_IN, {"username": "iro", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_user_name_only(client, users):
    for _ in range(5):
        _wrong(client, "iro")
    response = client.post(SIGN_IN, {"username": "manager", "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, users):
    for _ in range(5):
        _wrong(client)
    earlier = AccessAttempt.objects.get(username="iro").attempt_time - settings_minutes(16)
    AccessAttempt.objects.filter(username="iro").update(attempt_time=earlier)
    response = client.post(SIGN_IN, {"username": "iro", "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_the_page_gives_the_time_the_lock_ends_and_tries_do_not_extend_it(client, users):
    for _ in range(4):
        _wrong(client)
    fifth = _wrong(client)
    locked_at = AccessAttempt.objects.get(username="iro").attempt_time
    assert f"You can try again after {try_again_after(locked_at, 15)}." in fifth.content.decode()
    AccessAttempt.objects.filter(username="iro").update(
        attempt_time=locked_at - settings_minutes(10)
    )
    again = _wrong(client)
    assert again.status_code == 429
    assert try_again_after(locked_at - settings_minutes(10), 15) in again.content.decode()
    assert AccessAttempt.objects.get(username="iro").attempt_time == locked_at - settings_minutes(
        10
    )


def test_a_right_password_clears_earlier_mistakes(client, users):
    for _ in range(4):
        _wrong(client)
    client.post(SIGN_IN, {"username": "iro", "password": TEST_PASSWORD})
    client.logout()
    for _ in range(4):
        assert _wrong(client).status_code == 200


def test_try_again_time_reads_like_gov_uk():
    import datetime as dt

    from django.utils import timezone

    winter_afternoon = timezone.make_aware(dt.datetime(2026, 11, 22, 14, 50))
    assert try_again_after(winter_afternoon, 15) == "3:05pm"
    morning = timezone.make_aware(dt.datetime(2026, 11, 22, 11, 50))
    assert try_again_after(morning, 15) == "12:05pm"
    late = timezone.make_aware(dt.datetime(2026, 11, 22, 23, 50))
    assert try_again_after(late, 15) == "12:05am"


def settings_minutes(minutes):
    import datetime as dt

    return dt.timedelta(minutes=minutes)
