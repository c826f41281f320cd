"""Fixtures shared by the whole suite: users per role, signed-in clients and a pinned today."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

import pytest
from django.test import Client

from irohub.accounts import services as accounts
from irohub.accounts.roles import ROLES

TODAY = dt.date(2026, 11, 22)
TEST_PASSWORD = "correct-horse-battery-staple-42"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

_serial = itertools.count(1)


def pytest_configure(config):
    # WhiteNoise warns that ./var/staticfiles is missing; tests serve static through the finders.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher is deliberately slow; tests make many accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def test_password() -> str:
    """The password every user_factory user has (unless given another)."""
    return TEST_PASSWORD


@pytest.fixture
def today() -> dt.date:
    """The date every test treats as today; pass it in, never read the clock."""
    return TODAY


@pytest.fixture
def user_factory(db):
    """Make a user: `user_factory(role="manager", username=None, password=TEST_PASSWORD, **extra)`."""

    def make(
        role: str = "iro", username: str | None = None, password: str = TEST_PASSWORD, **extra
    ):
        username = username or f"{role}-{next(_serial)}"
        return accounts.create_account(
            by=None, username=username, role=role, password=password, **extra
        )

    return make


@pytest.fixture
def users(user_factory) -> dict:
    """One user per role, keyed by role code (user name = role code)."""
    return {code: user_factory(role=code, username=code) for code in ROLES}


@pytest.fixture
def signed_in_client(user_factory):
    """`signed_in_client("manager")` -> a test Client signed in as a new user with that role.

    Pass `user=` to sign in as an existing user instead.
    """

    def make(role: str = "iro", user=None) -> Client:
        client = Client()
        client.force_login(user or user_factory(role=role), backend=MODEL_BACKEND)
        return client

    return make


# One headless system Chromium for the whole run, shared by every browser test wherever it lives:
# Playwright's sync API allows one instance per thread, so a second one (say, a module's own)
# fails with "Sync API inside the asyncio loop".
CHROMIUM = Path(os.environ.get("IROHUB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """The system Chromium. Skipped when it is missing, unless IROHUB_REQUIRE_BROWSER=1 (CI),
    where a missing browser fails the run. Install it with `apt-get install -y chromium`."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install -y chromium)"
        if os.environ.get("IROHUB_REQUIRE_BROWSER") == "1":
            pytest.fail(f"IROHUB_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
    # the ORM calls the fixtures make there.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
