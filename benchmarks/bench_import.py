"""Time `irohub import` on the large synthetic council, on SQLite and (optionally) PostgreSQL.

Builds the council with the synth generator (2,500 children in care at the end, 10 years, about
8,000-12,000 children in all) into a temporary folder, then, in a fresh process per database,
migrates a fresh database, imports the folder, re-imports it (which must change nothing) and
exports one 903 year. Prints seconds and the peak memory (resident set) of the importing process.
Target: the import under 30 seconds on each database.

    .venv/bin/python benchmarks/bench_import.py [--children 2500] [--years 10] [--seed 1]
        [--postgres postgres://postgres@127.0.0.1:5432/irohub_data] [--folder DIR]

With --postgres, a throwaway database named after the URL's (`<name>_bench_<pid>`) is created on
that server and dropped afterwards; the named database itself is not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
AS_AT = date(2026, 11, 22)


def main() -> None:
    args = _arguments()
    if args.run:
        _run_import(Path(args.run), args.year)
        return
    with tempfile.TemporaryDirectory(prefix="irohub-bench-") as scratch:
        folder = Path(args.folder) if args.folder else Path(scratch) / "council"
        if not (folder / "iros.csv").exists():
            _generate(folder, args)
        results = [
            ("SQLite", _measure(folder, f"sqlite:///{Path(scratch) / 'bench.sqlite3'}", args))
        ]
        if args.postgres:
            with _throwaway_postgres(args.postgres) as url:
                results.append(("PostgreSQL", _measure(folder, url, args)))
    _print(results)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", help="a PostgreSQL URL; a throwaway database is made there")
    parser.add_argument("--folder", help="reuse (or keep) the generated import folder here")
    parser.add_argument("--year", default="2024-25", help="the 903 year exported (default 2024-25)")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # internal: import in this process
    return parser.parse_args()


def _generate(folder: Path, args) -> None:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "irohub.cli",
            "synth",
            "--children",
            str(args.children),
            "--years",
            str(args.years),
            "--seed",
            str(args.seed),
            "--out",
            str(folder),
            "--as-at",
            AS_AT.isoformat(),
        ],  # fmt: skip
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    print(f"generated {folder} in {time.perf_counter() - started:.1f} s", flush=True)


def _measure(folder: Path, url: str, args) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "irohub.config.settings"}
    done = subprocess.run(
        [sys.executable, __file__, "--run", str(folder), "--year", args.year],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run_import(folder: Path, year: str) -> None:
    """In a fresh process: migrate, import, re-import, export; print one JSON line."""
    import resource

    import django

    django.setup()
    from django.core.management import call_command

    from irohub.children.models import Child
    from irohub.reviews.models import Review
    from irohub.transfer.services import export_903, import_folder

    call_command("migrate", verbosity=0)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    baseline, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    first = import_folder(folder, by=None, as_at=AS_AT)
    imported = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu
    assert first.ok, first.sorted_errors()[:5]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    again = import_folder(folder, by=None, as_at=AS_AT)
    reimported = time.perf_counter() - started
    assert again.ok and not again.changed
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        export_903(year, Path(out), by=None)
    exported = time.perf_counter() - started
    rows = sum(c.created for c in first.counts.values())
    print(json.dumps({
        "import_s": round(imported, 1), "import_cpu_s": round(cpu, 1),
        "reimport_s": round(reimported, 1),
        "export_s": round(exported, 1), "peak_mb": round(peak / 1024),
        "before_import_mb": round(baseline / 1024), "rows": rows,
        "children": Child.objects.count(), "reviews": Review.objects.count(),
    }))  # fmt: skip


class _throwaway_postgres:  # noqa: N801 - used as a context manager
    def __init__(self, url: str):
        parts = urlsplit(url)
        self.name = f"{parts.path.lstrip('/') or 'irohub'}_bench_{os.getpid()}"
        self.admin = urlunsplit(parts._replace(path="/postgres"))
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))

    def _sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as connection:
            connection.execute(statement)

    def __enter__(self) -> str:
        self._sql(f'CREATE DATABASE "{self.name}"')
        return self.url

    def __exit__(self, *exc) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{self.name}"')


def _print(results) -> None:
    first = results[0][1]
    print(f"\n{first['children']} children, {first['reviews']} reviews, {first['rows']} rows "
          f"created; as at {AS_AT:%d/%m/%Y}")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall-clock seconds; "
          "cpu = the importing process's own CPU seconds)")  # fmt: skip
    print(f"{'database':<11} {'import s':>9} {'cpu s':>6} {'re-import s':>12} "
          f"{'export 903 s':>13} {'peak MB':>8}")  # fmt: skip
    for name, r in results:
        print(f"{name:<11} {r['import_s']:>9} {r['import_cpu_s']:>6} {r['reimport_s']:>12} "
              f"{r['export_s']:>13} {r['peak_mb']:>8}")  # fmt: skip


if __name__ == "__main__":
    main()
