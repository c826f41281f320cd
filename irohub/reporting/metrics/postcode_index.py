"""The postcodes of one initial letter, as rows to look prefixes up in: either straight from the
package's compressed file, or from a derived index file under `var/cache/postcodes/`.

Unpacking a letter of the ONS directory (brotli, then msgpack: ~0.1 s each, 2+ s for a council
that places children across the country) is the one cost a fresh process cannot share with the
last one. So the first time a letter is unpacked, its located postcodes are also written as an
index: the 7-character postcodes side by side (found by bisection without reading the rest) and
their eastings, northings and LTLAs in fixed-width columns. A later process maps that file and
reads only the rows it looks at (a council's 1,000 postcodes: ~20 ms instead of ~1-2 s). The index holds exactly the rows the package file holds that have a
grid reference (the only rows a lookup uses); it is rebuilt when the package file changes (its
size and modification time are in the header), and a letter whose rows do not fit the format is
simply never indexed. Nothing is written when var/ is read-only: the lookup just unpacks. The
whole directory indexed takes ~37 MB; writing a letter's index costs about as much as unpacking
it, once per installation.
"""

from __future__ import annotations

import bisect
import contextlib
import math
import mmap
import os
import struct
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path

MAGIC = b"IROHUBPC"
FORMAT = 1
_HEADER = struct.Struct("<8sIIQQI")  # magic, format, rows, source size, source mtime, LTLAs
# then the blocks: postcodes (7 bytes each), eastings and northings (whole metres, int32), LTLA
# numbers (uint16), all little-endian, and the LTLA codes one a line
_INT, _SHORT = struct.Struct("<i"), struct.Struct("<H")
WIDTH = 7  # the ONS `pcd` form: outward code padded to 4, then the inward code
Row = tuple[float, float, str]


def cache_dir() -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "cache" / "postcodes"


def rows_with_prefix(source: Path, prefixes: set[str]) -> dict[str, list[Row]]:
    """prefix -> the located rows (easting, northing, LTLA) whose postcode starts with it, in
    the directory's order, for every prefix with at least one; from the index when it is there
    and current, else from the package file (writing the index for next time)."""
    stat = source.stat()
    index = cache_dir() / f"{source.name.split('.')[0]}.idx"
    found = _from_index(index, stat, prefixes)
    if found is None:
        table = _unpack(source)
        found = _from_table(table, prefixes)
        _write_index(index, stat, table)
    return found


def build_all() -> list[str]:
    """Write the index of every letter that has none or a stale one (the names written), so the
    first report after installing or upgrading the directory is as quick as the next: e.g.
    `irohub manage shell -c "from irohub.reporting.metrics import postcode_index as p;
    p.build_all()"` at deployment. Without it each letter is indexed when first looked up."""
    from irohub.reporting.metrics.postcodes import _data_dir

    folder, written = _data_dir(), []
    for source in sorted(folder.glob("postcodes_*.msgpack.br")) if folder else ():
        stat, index = source.stat(), cache_dir() / f"{source.name.split('.')[0]}.idx"
        if _from_index(index, stat, set()) is None:
            _write_index(index, stat, _unpack(source))
            written.append(index.name)
    return written


# --- the package file -------------------------------------------------------------------------


def _unpack(source: Path) -> dict[str, list]:
    import brotli
    import msgpack

    return msgpack.unpackb(brotli.decompress(source.read_bytes()), raw=False)["data"]


def _located(east: float | None, north: float | None) -> bool:
    # Terminated and some special postcodes have no grid reference (NaN).
    return east is not None and north is not None and not (math.isnan(east) or math.isnan(north))


def _from_table(table: dict[str, list], prefixes: set[str]) -> dict[str, list[Row]]:
    pcd, east, north, ltla = table["pcd"], table["oseast1m"], table["osnrth1m"], table["laua"]
    found = {}
    for prefix in prefixes:
        rows, i = [], bisect.bisect_left(pcd, prefix)
        while i < len(pcd) and pcd[i].startswith(prefix):
            if _located(east[i], north[i]):
                rows.append((east[i], north[i], ltla[i]))
            i += 1
        if rows:
            found[prefix] = rows
    return found


# --- the derived index ------------------------------------------------------------------------


def _from_index(index: Path, stat: os.stat_result, prefixes: set[str]):
    try:
        with open(index, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            header = _HEADER.unpack_from(mm)
            if header[:2] != (MAGIC, FORMAT) or header[3:5] != (stat.st_size, stat.st_mtime_ns):
                return None
            return _IndexReader(mm, header[2], header[5]).find(prefixes)
    except (OSError, ValueError, struct.error):
        return None  # missing, empty, truncated or unreadable: unpack instead


class _IndexReader:
    """Bisection over the postcode block of a mapped index file (a sequence of 7-byte keys)."""

    def __init__(self, mm: mmap.mmap, rows: int, ltla_count: int):
        self.mm, self.rows = mm, rows
        self.east = _HEADER.size + rows * WIDTH
        self.north, self.area = self.east + rows * 4, self.east + rows * 8
        names = self.east + rows * 10
        self.ltla = mm[names:].decode("ascii").split("\n") if ltla_count else []

    def __len__(self) -> int:
        return self.rows

    def __getitem__(self, i: int) -> bytes:
        start = _HEADER.size + i * WIDTH
        return self.mm[start : start + WIDTH]

    def find(self, prefixes: set[str]) -> dict[str, list[Row]]:
        found = {}
        for prefix in prefixes:
            rows = list(self._rows(prefix.encode("ascii")))
            if rows:
                found[prefix] = rows
        return found

    def _rows(self, prefix: bytes) -> Iterator[Row]:
        i = bisect.bisect_left(self, prefix)
        while i < self.rows and self[i].startswith(prefix):
            east = _INT.unpack_from(self.mm, self.east + 4 * i)[0]
            north = _INT.unpack_from(self.mm, self.north + 4 * i)[0]
            area = _SHORT.unpack_from(self.mm, self.area + 2 * i)[0]
            yield float(east), float(north), self.ltla[area]
            i += 1


def _write_index(index: Path, stat: os.stat_result, table: dict[str, list]) -> None:
    """Write the letter's index (atomically: a reader sees the old file or the whole new one)."""
    body = _index_body(table)
    if body is None:
        return
    rows, blocks, names = body
    header = _HEADER.pack(MAGIC, FORMAT, rows, stat.st_size, stat.st_mtime_ns, len(names))
    partial = index.with_name(f"{index.name}.{os.getpid()}.tmp")
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(b"".join((header, *blocks, "\n".join(names).encode("ascii"))))
        os.replace(partial, index)
    except OSError:  # a read-only or full var/: look up without an index
        with contextlib.suppress(OSError):
            partial.unlink()


def _index_body(table: dict[str, list]):
    """(rows, [postcodes, eastings, northings, LTLA numbers], LTLA names), or None when a
    located row does not fit the format (a postcode not of 7 ASCII characters, a grid reference
    not in whole metres, an LTLA that is not a code): such a letter is always unpacked.
    Written with C-level passes (map, join): a letter has up to 360,000 rows."""
    pcd, east, north, ltla = table["pcd"], table["oseast1m"], table["osnrth1m"], table["laua"]
    # NaN is the one value unequal to itself; a None passes here and fails float.is_integer.
    kept = [i for i, e, n in zip(range(len(pcd)), east, north, strict=True) if e == e and n == n]
    keys, areas = [pcd[i] for i in kept], [ltla[i] for i in kept]
    eastings, northings = [east[i] for i in kept], [north[i] for i in kept]
    names = {area: n for n, area in enumerate(dict.fromkeys(areas))}
    try:
        if not (_fit(keys, names) and _whole(eastings) and _whole(northings)):
            return None
        columns = [array("i", map(int, eastings)), array("i", map(int, northings)),
                   array("H", map(names.__getitem__, areas))]  # fmt: skip
    except (TypeError, OverflowError):
        return None
    if sys.byteorder != "little":
        for column in columns:
            column.byteswap()
    blocks = ["".join(keys).encode("ascii"), *(column.tobytes() for column in columns)]
    return len(keys), blocks, list(names)


def _fit(keys: list[str], names: dict) -> bool:
    return (
        len(names) <= 0xFFFF
        and set(map(len, keys)) <= {WIDTH}
        and "".join(keys).isascii()
        and all(isinstance(name, str) and name.isascii() and "\n" not in name for name in names)
    )


def _whole(values: list[float]) -> bool:
    """Whole metres (array("i") refuses any beyond 32 bits)."""
    return all(map(float.is_integer, values))
