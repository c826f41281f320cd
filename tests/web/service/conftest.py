"""Fixtures for the service-wide pages: "today" pinned for every page, people in each role, and
IROs with sign-in accounts."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from .builders import make_iro


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch, today):
    # Every page of these tests asks irohub.children.selectors.today() for today's date.
    monkeypatch.setattr("irohub.children.selectors.today", lambda: today)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The dashboard keeps its figures in the cache for a few minutes; start every test afresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def iro_user(user_factory):
    return user_factory(role="iro", email="ira.example@example.org")


@pytest.fixture
def iro(iro_user):
    return make_iro(iro_user, name="Ira Example")


@pytest.fixture
def client_for(signed_in_client, users):
    """`client_for("manager")`: a client signed in as the `users` fixture's person in that role."""
    return lambda role: signed_in_client(user=users[role])
