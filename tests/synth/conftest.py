"""Synthetic councils shared by the synth tests (generated once per session; no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from irohub.synth import generate, write

AS_AT = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def as_at() -> dt.date:
    return AS_AT


@pytest.fixture(scope="session")
def council():
    """The default-sized council (350 children, 10 years, seed 1)."""
    return generate(children=350, years=10, seed=1, as_at=AS_AT)


@pytest.fixture(scope="session")
def folder(council, tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "council"
    write(council, out)
    return out


@pytest.fixture(scope="session")
def small():
    """A small council for the slower whole-history checks."""
    return generate(children=80, years=10, seed=7, as_at=AS_AT)
