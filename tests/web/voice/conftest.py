"""Fixtures for the escalation, voice, quality and reminder pages: "today" pinned in every view
module, an IRO with a sign-in account and a small caseload, and a manager."""

from __future__ import annotations

import importlib

import pytest
from django.core.cache import cache

from .builders import caseload, make_iro

# Every module of these pages that asks for today's date through its own `today()`.
TODAY_MODULES = (
    "irohub.escalations.views",
    "irohub.voice.views",
    "irohub.voice.feedback_views",
    "irohub.quality.views",
    "irohub.council.views_targets",
)


@pytest.fixture
def set_today(monkeypatch):
    """`set_today(date)`: the pages treat `date` as today."""

    def pin(day):
        for name in TODAY_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            monkeypatch.setattr(module, "today", lambda day=day: day)

    return pin


@pytest.fixture(autouse=True)
def _pinned_today(set_today, today):
    set_today(today)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The feedback forms count posts per address in the cache; start every test afresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def iro_user(user_factory):
    return user_factory(role="iro", email="ira.sample@example.org")


@pytest.fixture
def iro(iro_user):
    return make_iro(iro_user, name="Ira Sample", email="ira.sample@example.org")


@pytest.fixture
def other_iro(user_factory):
    return make_iro(user_factory(role="iro"), name="Olu Other")


@pytest.fixture
def children(iro, today):
    """Three children allocated to `iro`, looked after and derived as at today."""
    return caseload(iro, 3, today=today)


@pytest.fixture
def other_child(other_iro, today):
    return caseload(other_iro, 1, today=today)[0]


@pytest.fixture
def manager(user_factory):
    return user_factory(role="manager", email="mo.manager@example.org")


@pytest.fixture
def iro_client(signed_in_client, iro_user):
    return signed_in_client(user=iro_user)


@pytest.fixture
def manager_client(signed_in_client, manager):
    return signed_in_client(user=manager)
