"""synth -> import -> export 903 reproduces the synthetic 903 files, byte for byte, every year;
the exports pass the DfE rules that apply to those tables; re-importing changes nothing."""

import datetime as dt

import pytest

from irohub.children.models import Child
from irohub.quality.checks.report import findings
from irohub.statutory.settings import RuleSettings
from irohub.synth import generate, write
from irohub.synth.check903 import check_folder
from irohub.transfer.services import export_903, import_folder
from transfer.dfe_checks import check_return

AS_AT = dt.date(2025, 11, 22)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    write(generate(children=60, years=4, seed=3, as_at=AS_AT), folder)
    return folder


def test_round_trip_every_year(synthetic, tmp_path):
    result = import_folder(synthetic, by=None, as_at=AS_AT)
    assert result.ok, result.sorted_errors()[:10]
    years = sorted(p.name for p in (synthetic / "ssda903").iterdir())
    assert len(years) == 5  # four years back and the current, partial one
    for year in years:
        out = tmp_path / year
        export_903(year, out, by=None)
        for name in ("header.csv", "episodes.csv", "reviews.csv", "uasc.csv"):
            theirs = (synthetic / "ssda903" / year / name).read_bytes()
            assert (out / name).read_bytes() == theirs, f"{year}/{name}"
        start = int(year[:4])
        assert check_return(out, start) == []
        assert check_folder(out, start, as_at=AS_AT) == []


def test_reimporting_the_synthetic_council_changes_nothing(synthetic):
    assert import_folder(synthetic, by=None, as_at=AS_AT).ok
    again = import_folder(synthetic, by=None, as_at=AS_AT)
    assert again.ok and not again.changed, {t: c for t, c in again.counts.items() if c.changed}


def test_the_synthetic_council_is_clean_apart_from_late_allocations(synthetic):
    assert import_folder(synthetic, by=None, as_at=AS_AT).ok
    rules = {f.rule for f in findings(rules=RuleSettings(), as_at=AS_AT)}
    # the generator allocates some IROs late on purpose; every DfE rule holds
    assert rules <= {"irohub-no-iro", "irohub-review-outside-care"}
    assert Child.objects.filter(looked_after=True, next_review_due__isnull=True).count() <= 3
