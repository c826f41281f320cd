"""Time the annual report's renderers on a 40-table document (no database involved).

The document is the hand-built sample (irohub.reporting.render.sample) repeated to 40 tables,
with 20 charts by default: about one chart for every two tables, as in the seeds. Each format is
timed cold (the chart cache emptied first). Targets: HTML < 1 s, Word < 3 s, PDF < 10 s. Wall
time depends on what else the machine runs, so the process's CPU time is printed beside it. Wall
time depends on what else the machine runs, so the process's CPU time is printed beside it.

    .venv/bin/python benchmarks/bench_render.py [--tables 40] [--charts 20] [--publication]
"""

from __future__ import annotations

import argparse
import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "irohub.config.settings")
django.setup()

from irohub.reporting import charts  # noqa: E402
from irohub.reporting.document import all_tables, iter_sections  # noqa: E402
from irohub.reporting.publication import assert_no_identifiers, publish_document  # noqa: E402
from irohub.reporting.render import FORMATS, render  # noqa: E402
from irohub.reporting.render.sample import large_document  # noqa: E402

TARGETS = {"html": 1.0, "pdf": 10.0, "docx": 3.0, "xlsx": None}
IDENTIFIERS = [f"C{n:07d}" for n in range(2500)]  # a large council's children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=40)
    parser.add_argument("--charts", type=int, default=20)
    parser.add_argument("--publication", action="store_true", help="suppress and check for ids")
    args = parser.parse_args()
    doc = large_document(args.tables, charts=args.charts)
    drawn = sum(len(section.charts) for section, _ in iter_sections(doc.sections))
    print(f"document: {len(all_tables(doc))} tables, {drawn} charts, {len(doc.sections)} sections")
    if args.publication:
        start = time.perf_counter()
        doc = publish_document(doc, identifiers=IDENTIFIERS)
        print(f"publish_document (suppression, {len(IDENTIFIERS)} ids): {_since(start):.2f} s")
    render(large_document(8, charts=1), "pdf")  # load fonts and libraries once, outside the timings
    print(f"machine load (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for fmt in FORMATS:
        charts._cache.clear()
        start, cpu = time.perf_counter(), time.process_time()
        output = render(doc, fmt)
        took, cpu = _since(start), time.process_time() - cpu
        print(
            f"{fmt:5} wall {took:6.2f} s  cpu {cpu:6.2f} s  {len(output) / 1024:6.0f} kB"
            + _verdict(fmt, took)
        )
        if args.publication:
            start = time.perf_counter()
            assert_no_identifiers(output, IDENTIFIERS)
            print(f"      identifier check {_since(start):.2f} s")


def _verdict(fmt: str, took: float) -> str:
    target = TARGETS[fmt]
    if target is None:
        return ""
    return f"  target < {target:.0f} s: {'ok' if took < target else 'MISSED'}"


def _since(start: float) -> float:
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
