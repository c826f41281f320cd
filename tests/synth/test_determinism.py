"""Same seed and as-at -> byte-identical files; another seed -> a different council."""

from __future__ import annotations

import hashlib

from irohub.synth import generate, write

from .conftest import AS_AT


def digests(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_identical_bytes(tmp_path):
    for run in ("a", "b"):
        write(generate(children=60, years=4, seed=11, as_at=AS_AT), tmp_path / run)
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert a == b
    assert "ssda903/2026-27/episodes.csv" in a and "review_details.csv" in a


def test_different_seed_gives_a_different_council(tmp_path):
    write(generate(children=60, years=4, seed=11, as_at=AS_AT), tmp_path / "a")
    write(generate(children=60, years=4, seed=12, as_at=AS_AT), tmp_path / "b")
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert a.keys() == b.keys()
    differing = [name for name in a if a[name] != b[name]]
    assert "child_names.csv" in differing and "ssda903/2025-26/episodes.csv" in differing


def test_the_clock_is_not_read(monkeypatch):
    """With as_at given, generation never asks for today's date."""
    import irohub.synth.build as gen

    class NoToday(gen.date):
        @classmethod
        def today(cls):
            raise AssertionError("generate() read the clock")

    monkeypatch.setattr(gen, "date", NoToday)
    assert generate(children=20, years=2, seed=3, as_at=AS_AT).as_at == AS_AT
