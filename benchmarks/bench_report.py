"""Time the annual report on the large synthetic council, on SQLite and (optionally) PostgreSQL.

The council (2,500 children in care at the end, 10 years) is generated and imported once into
the database you name, and kept there: a second run reuses it. Then, in a fresh process per
database, for one reporting year: every core metric (first computation in the process, and
again), and the report in HTML, Word and PDF (each drawn from scratch: the chart cache emptied
first), internal and public. Targets: metrics under 2 s, HTML under 3 s, Word under 5 s, PDF
under 15 s.

    .venv/bin/python benchmarks/bench_report.py [--year 2025-26]
        [--sqlite var/bench-report.sqlite3]
        [--postgres postgres://postgres@127.0.0.1:5432/irohub_annual_bench]
        [--children 2500] [--years 10] [--seed 1] [--folder DIR]

A PostgreSQL database named in the URL is created if it does not exist; it is never dropped.
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

ROOT = Path(__file__).resolve().parent.parent
AS_AT = date(2026, 11, 22)
TARGETS = {"metrics": 2.0, "html": 3.0, "docx": 5.0, "pdf": 15.0}


def main() -> None:
    args = _arguments()
    if args.run:
        print(json.dumps(_run(args.year, args.publication_too)))
        return
    urls = [("SQLite", f"sqlite:///{Path(args.sqlite).resolve()}")]
    if args.postgres:
        _create_postgres(args.postgres)
        urls.append(("PostgreSQL", args.postgres))
    with tempfile.TemporaryDirectory(prefix="irohub-bench-report-") as scratch:
        folder = Path(args.folder or Path(scratch) / "council")
        results = []
        for name, url in urls:
            _load_once(url, folder, args)
            results.append((name, _measure(url, args)))
    _print(args.year, results)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--sqlite", default=str(ROOT / "var" / "bench-report.sqlite3"))
    parser.add_argument("--postgres", help="a PostgreSQL URL (the database is kept)")
    parser.add_argument("--children", type=int, default=2500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", help="reuse (or keep) the generated import folder here")
    parser.add_argument("--no-public", dest="publication_too", action="store_false",
                        help="time the internal version only")  # fmt: skip
    parser.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "irohub.config.settings"}


def _irohub(url: str, *args: str, quiet: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "irohub.cli", *args], env=_env(url), cwd=ROOT, check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )  # fmt: skip


def _load_once(url: str, folder: Path, args) -> None:
    """Migrate, and import the council unless the database already holds children."""
    Path(args.sqlite).parent.mkdir(parents=True, exist_ok=True)
    _irohub(url, "manage", "migrate", "--verbosity", "0")
    count = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); "
         "from irohub.children.models import Child; print(Child.objects.count())"],
        env=_env(url), cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    if int(count.stdout.strip()) > 0:
        return
    if not (folder / "iros.csv").exists():
        started = time.perf_counter()
        _irohub(url, "synth", "--children", str(args.children), "--years", str(args.years),
                "--seed", str(args.seed), "--out", str(folder), "--as-at", AS_AT.isoformat())  # fmt: skip
        print(f"generated {folder} in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    _irohub(url, "import", str(folder), "--as-at", AS_AT.isoformat())
    print(f"imported into {url} in {time.perf_counter() - started:.1f} s", flush=True)


def _measure(url: str, args) -> dict:
    command = [sys.executable, __file__, "--run", "--year", args.year]
    if not args.publication_too:
        command.append("--no-public")
    done = subprocess.run(command, env=_env(url), cwd=ROOT, check=True, capture_output=True,
                          text=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run(year: str, publication_too: bool) -> dict:
    """In this process: the timings for one database (DATABASE_URL)."""
    import django

    django.setup()
    from irohub.children.models import Child
    from irohub.reporting import charts
    from irohub.reporting.annual import AnnualReport
    from irohub.reporting.metrics.base import ReportingPeriod
    from irohub.reporting.render import render
    from irohub.reporting.selectors import child_identifiers

    period = ReportingPeriod.for_year(year)
    as_at = min(period.end, AS_AT)
    timings = {"children": Child.objects.count()}
    for label in ("metrics_first", "metrics"):
        started = time.perf_counter()
        annual = AnnualReport.compute(period, as_at=as_at)
        timings[label] = time.perf_counter() - started
    timings["in_care"] = annual.results["cohort.cla_snapshot.count"].value
    identifiers = child_identifiers()
    for publication in (False, True) if publication_too else (False,):
        suffix = "_public" if publication else ""
        started = time.perf_counter()
        doc = annual.document(publication=publication, generated_on=AS_AT)
        timings[f"document{suffix}"] = time.perf_counter() - started
        for fmt in ("html", "docx", "pdf"):
            charts._cache.clear()  # every format draws its charts from scratch
            started = time.perf_counter()
            render(doc, fmt, identifiers=identifiers if publication else ())
            timings[f"{fmt}{suffix}"] = time.perf_counter() - started
    return timings


def _create_postgres(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _print(year: str, results: list[tuple[str, dict]]) -> None:
    print(f"\nAnnual report {year}, large synthetic council (seconds; target in brackets)")
    for name, timings in results:
        print(f"\n{name}: {timings['children']} children, {timings['in_care']} in care at the end")
        for key, value in timings.items():
            if key in ("children", "in_care"):
                continue
            target = TARGETS.get(key.removesuffix("_public"))
            verdict = (
                "" if target is None else f" [{target:g}] {'ok' if value < target else 'SLOW'}"
            )
            print(f"  {key:<16} {value:6.2f}{verdict}")


if __name__ == "__main__":
    main()
