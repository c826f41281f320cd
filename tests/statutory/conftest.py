"""The statutory rules core needs no Django: these tests never touch settings or the database.

The suite-wide autouse fixture in tests/conftest.py asks for Django's `settings`; overriding it
here keeps these tests runnable with plain pytest (`-p no:django`) as well as inside the suite.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from irohub.statutory.settings import RuleSettings

# Properties are judged on what they find, not on how fast a shared CI machine runs them: the
# default 200 ms deadline and the too-slow health check made them flaky under load. This profile
# is loaded for the whole run whenever this folder is collected.
settings.register_profile("irohub", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("irohub")

AS_AT = date(2026, 11, 22)  # "today" for every test here, pinned

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@pytest.fixture(autouse=True)
def _fast_password_hashing():
    """No-op override of the suite fixture of the same name (no Django needed here)."""
    yield


@pytest.fixture
def rules() -> RuleSettings:
    return RuleSettings.default()
