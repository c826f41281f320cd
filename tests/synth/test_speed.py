"""Generation time of the large benchmark council (printed, not asserted: the machine is shared)."""

from __future__ import annotations

import time

from irohub.synth import generate, write

from .conftest import AS_AT


def test_large_council_generation_time(tmp_path, capsys):
    started = time.perf_counter()
    council = generate(children=2500, years=10, seed=1, as_at=AS_AT)
    generated = time.perf_counter()
    write(council, tmp_path)
    done = time.perf_counter()
    with capsys.disabled():
        print(
            f"\nsynth large council: {len(council.children)} children, {len(council.episodes)} episodes, "
            f"{len(council.reviews)} reviews; generate {generated - started:.1f} s, write {done - generated:.1f} s"
        )
    assert len(council.children) > 8000
