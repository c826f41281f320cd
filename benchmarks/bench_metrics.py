"""Time every core metric of one reporting year on the large synthetic council, as the annual
report computes them (with the previous year's values), in a FRESH process: one-off loads such
as the postcode directory count. Target (issue 5): under 2 seconds on SQLite and PostgreSQL.

The council (2,500 children in care at the end, 10 years, seed 1, as at 2026-11-22) is
generated and imported once into the database named by --database-url and kept there; a later
run reuses it. Then each run starts a new Python process that sets Django up, and times
`compute(CORE_METRIC_IDS, period=, rules=, as_at=)` alone, printing wall time, CPU time, the
number of queries and the peak memory (resident set) of that process, and how long setting
Django up took before it (not counted: every process pays it once, whatever it does).

    .venv/bin/python benchmarks/bench_metrics.py
        [--database-url postgres://postgres@127.0.0.1:5432/irohub_perf]  (default: SQLite
         var/bench/metrics.sqlite3)
        [--year 2024-25] [--runs 3] [--fresh-postcode-index] [--save-json FILE]
        [--children 2500] [--years 10] [--seed 1] [--folder DIR]

The machine may be shared: several runs are made and the best and the median are printed.
--fresh-postcode-index gives each run an empty var/ (IROHUB_VAR_DIR), so the postcode index of
`irohub/reporting/metrics/postcode_index.py` is rebuilt: the cost of the very first report.
--save-json writes the results of the last run (to check a change leaves every figure alone).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_AT = date(2026, 11, 22)
TARGET_SECONDS = 2.0


def main() -> None:
    args = _arguments()
    if args.run:
        print(json.dumps(_run(args.year, args.save_json)))
        return
    url = args.database_url or f"sqlite:///{ROOT / 'var' / 'bench' / 'metrics.sqlite3'}"
    _load_once(url, args)
    runs = [_measure(url, args, last=i == args.runs - 1) for i in range(args.runs)]
    _print(url, args, runs)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite var/bench/metrics.sqlite3")
    parser.add_argument("--year", default="2024-25")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes to time")
    parser.add_argument("--fresh-postcode-index", action="store_true",
                        help="an empty var/ for each run: the postcode index is rebuilt")  # fmt: skip
    parser.add_argument("--save-json", help="write the last run's results (JSON) here")
    parser.add_argument("--children", type=int, default=2500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", help="the synth folder to import (default var/bench/council)")
    parser.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def _env(url: str, var_dir: str | None = None) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "irohub.config.settings"}
    if var_dir:
        env["IROHUB_VAR_DIR"] = var_dir
    return env


def _irohub(url: str, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "irohub.cli", *args], env=_env(url), cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def _load_once(url: str, args) -> None:
    """Create (PostgreSQL), migrate, and import the council unless it holds children already."""
    if url.startswith("postgres"):
        _create_postgres(url)
    else:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    _irohub(url, "manage", "migrate", "--verbosity", "0")
    count = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); "
         "from irohub.children.models import Child; print(Child.objects.count())"],
        env=_env(url), cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    if int(count.stdout.strip()) > 0:
        return
    folder = Path(args.folder or ROOT / "var" / "bench" / "council")
    if not (folder / "iros.csv").exists():
        started = time.perf_counter()
        _irohub(url, "synth", "--children", str(args.children), "--years", str(args.years),
                "--seed", str(args.seed), "--out", str(folder), "--as-at", AS_AT.isoformat())  # fmt: skip
        print(f"generated {folder} in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    _irohub(url, "import", str(folder), "--as-at", AS_AT.isoformat())
    print(f"imported into {url} in {time.perf_counter() - started:.1f} s", flush=True)


def _create_postgres(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _measure(url: str, args, *, last: bool) -> dict:
    command = [sys.executable, __file__, "--run", "--year", args.year]
    if args.save_json and last:
        command += ["--save-json", str(Path(args.save_json).resolve())]
    with tempfile.TemporaryDirectory(prefix="irohub-bench-var-") as scratch:
        env = _env(url, scratch if args.fresh_postcode_index else None)
        done = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True,
                              text=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run(year: str, save_json: str | None) -> dict:
    """In this fresh process: set Django up, then time the core metrics of the year."""
    import resource

    import django

    setup = time.perf_counter()
    django.setup()
    from django.db import connection

    from irohub.council.selectors import current_rules
    from irohub.reporting.contract import CORE_METRIC_IDS
    from irohub.reporting.metrics.base import ReportingPeriod, compute

    rules = current_rules()
    period = ReportingPeriod.for_year(year, rules)
    as_at = min(period.end, AS_AT)  # as the report pages and `irohub report` ask
    setup = time.perf_counter() - setup  # Django, the models and the rules in force
    queries = []
    before_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with connection.execute_wrapper(lambda execute, *a: queries.append(1) or execute(*a)):
        wall, cpu = time.perf_counter(), time.process_time()
        results = compute(CORE_METRIC_IDS, period=period, rules=rules, as_at=as_at)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if save_json:
        shaped = {mid: result.to_json() for mid, result in results.items()}
        Path(save_json).write_text(json.dumps(shaped, indent=1, default=str))  # keys in order
    return {
        "seconds": wall, "cpu_seconds": cpu, "queries": len(queries), "setup_seconds": setup,
        "peak_rss_mb": peak_rss / 1024, "rss_before_mb": before_rss / 1024,
        "metrics": len(results), "in_care": results["cohort.cla_snapshot.count"].value,
        "as_at": as_at.isoformat(),
    }  # fmt: skip


def _print(url: str, args, runs: list[dict]) -> None:
    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    seconds = sorted(run["seconds"] for run in runs)
    best, median = seconds[0], statistics.median(seconds)
    last = runs[-1]
    index = "rebuilt each run" if args.fresh_postcode_index else "kept between runs"
    print(f"\nCore metrics {args.year} with previous-year values, {engine} ({url})")
    print(f"  {last['metrics']} metrics, {last['in_care']} children in care at the snapshot; "
          f"postcode index {index}; {len(runs)} fresh processes")  # fmt: skip
    for i, run in enumerate(runs, 1):
        print(f"  run {i}: {run['seconds']:.2f} s wall, {run['cpu_seconds']:.2f} s CPU, "
              f"{run['queries']} queries, peak RSS {run['peak_rss_mb']:.0f} MB "
              f"({run['rss_before_mb']:.0f} MB after a {run['setup_seconds']:.2f} s setup)")  # fmt: skip
    cpu = min(run["cpu_seconds"] for run in runs)
    verdict = "ok" if median < TARGET_SECONDS else "SLOW"
    print(f"  best {best:.2f} s, median {median:.2f} s [target {TARGET_SECONDS:g} s] {verdict}; "
          f"least CPU {cpu:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
