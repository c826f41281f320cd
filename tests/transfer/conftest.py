import datetime as dt

import pytest

from transfer.folder import small_council

AS_AT = dt.date(2025, 3, 31)


@pytest.fixture
def council_folder(tmp_path):
    return small_council(tmp_path / "council")


@pytest.fixture
def imported(db, council_folder):
    """The small council imported as at 31/03/2025."""
    from irohub.transfer.services import import_folder

    result = import_folder(council_folder, by=None, as_at=AS_AT)
    assert result.ok, result.errors
    return result
