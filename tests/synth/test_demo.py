"""The demo loader puts a synthetic council in the database through the import service."""

from __future__ import annotations

import pytest

from irohub.synth.demo import load_council

from .conftest import AS_AT


@pytest.mark.django_db
def test_load_council_imports_the_folder():
    from irohub.children.models import Child

    summary = load_council(30, 4, as_at=AS_AT, years=2)
    assert summary.startswith("Loaded a synthetic council (seed 4)")
    assert Child.objects.count() > 30
    again = load_council(30, 4, as_at=AS_AT, years=2)  # re-loading changes nothing
    assert again == summary
