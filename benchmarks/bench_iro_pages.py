"""Load test of the IRO's pages on the large synthetic council: the caseload page and the
child's record, with concurrent clients against gunicorn on loopback (issue 6: under 300 ms at
the 95th percentile with 10 clients, gunicorn and PostgreSQL).

    .venv/bin/python benchmarks/bench_iro_pages.py [--postgres postgres://postgres@127.0.0.1:5432/irohub_web_iro]
        [--children 2500] [--clients 10] [--requests 300] [--workers 2] [--threads 4] [--folder DIR]

Builds the council with the synth generator (or reuses --folder), migrates a throwaway database
(SQLite in a temporary folder, or `<name>_bench_<pid>` on the PostgreSQL server, dropped
afterwards), imports the council, signs in the IRO with the largest caseload and a manager (the
sessions are made directly, not through the sign-in form), starts gunicorn and sends
--requests requests from --clients threads: the caseload page and the records of that IRO's
children, alternately. Prints the query count of each page and p50/p95/max latency per page.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
AS_AT = date(2026, 11, 22)


def main() -> None:
    args = _arguments()
    if args.setup:
        _setup(Path(args.setup))
        return
    with tempfile.TemporaryDirectory(prefix="irohub-bench-") as scratch:
        folder = Path(args.folder) if args.folder else Path(scratch) / "council"
        if not (folder / "iros.csv").exists():
            _generate(folder, args)
        if args.postgres:
            with _ThrowawayPostgres(args.postgres) as url:
                _bench(folder, url, args)
        else:
            _bench(folder, f"sqlite:///{Path(scratch) / 'bench.sqlite3'}", args)


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--postgres", help="a PostgreSQL URL; a throwaway database is made there")
    parser.add_argument("--folder", help="reuse (or keep) the generated import folder here")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--setup", help=argparse.SUPPRESS)  # internal: prepare the database
    return parser.parse_args()


def _generate(folder: Path, args) -> None:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "irohub.cli", "synth", "--children", str(args.children),
         "--years", str(args.years), "--out", str(folder), "--as-at", AS_AT.isoformat()],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"generated {folder} in {time.perf_counter() - started:.1f} s", flush=True)


def _env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "irohub.config.settings",
            "IROHUB_DEBUG": "0", "IROHUB_SESSION_IDLE_MINUTES": "240"}  # fmt: skip


def _bench(folder: Path, url: str, args) -> None:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--setup", str(folder)], env=_env(url),
                          cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    if done.returncode:
        raise SystemExit(f"setting up the database failed:\n{done.stderr[-3000:]}")
    plan = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"migrated and imported in {time.perf_counter() - started:.1f} s: "
          f"{plan['children']} children, caseload of {plan['caseload']}", flush=True)  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "irohub.config.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", str(args.workers), "--threads", str(args.threads),
         "--worker-class", "gthread", "--log-level", "warning"],
        env=_env(url), cwd=ROOT,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base)
        for path in [plan["caseload_url"], *plan["record_urls"][:3]]:  # warm every worker
            _get(base + path, plan["cookie"])
        timings = _load(base, plan, args)
    finally:
        server.terminate()
        server.wait(timeout=30)
    _print(plan, timings, args, "PostgreSQL" if url.startswith("postgres") else "SQLite")


def _setup(folder: Path) -> None:
    """In a fresh process: migrate, import, make the sessions; print the plan as JSON."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from irohub.accounts import services as accounts
    from irohub.children.models import Child
    from irohub.staff.models import IRO
    from irohub.transfer.services import import_folder

    call_command("migrate", verbosity=0)
    assert import_folder(folder, by=None, as_at=AS_AT).ok
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would soon after an import
    iro = (
        IRO.objects.annotate(n=Count("current_children", filter=Q(current_children__looked_after=True)))
        .order_by("-n")
        .first()
    )  # fmt: skip
    user = accounts.create_account(by=None, username="bench-iro", role="iro", password="x" * 20)
    IRO.objects.filter(pk=iro.pk).update(user=user)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    children = list(
        Child.objects.filter(current_iro=iro, looked_after=True).values_list("child_id", flat=True)
    )
    plan = {"caseload_url": "/reviews/caseload/", "caseload": len(children),
            "record_urls": [f"/children/{c}/" for c in children],
            "cookie": f"sessionid={client.cookies['sessionid'].value}",
            "children": Child.objects.count(), "queries": {}}  # fmt: skip
    for name, path in (("caseload", plan["caseload_url"]), ("record", plan["record_urls"][0])):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        plan["queries"][name] = len(queries.captured_queries)
    print(json.dumps(plan))


def _get(url: str, cookie: str) -> float:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        assert response.status == 200, (url, response.status)
    return time.perf_counter() - started


def _load(base: str, plan: dict, args) -> dict[str, list[float]]:
    """--requests requests shared by --clients threads, caseload and records alternately."""
    timings: dict[str, list[float]] = {"caseload": [], "record": []}
    lock, counter = threading.Lock(), iter(range(args.requests))
    records = plan["record_urls"]

    def client() -> None:
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            page = "caseload" if number % 2 == 0 else "record"
            path = plan["caseload_url"] if page == "caseload" else records[number % len(records)]
            took = _get(base + path, plan["cookie"])
            with lock:
                timings[page].append(took)

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings["wall"] = [time.perf_counter() - started]
    return timings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(base: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _print(plan: dict, timings: dict, args, database: str) -> None:
    wall = timings["wall"][0]
    print(f"\n{database}, gunicorn {args.workers} workers x {args.threads} threads, "
          f"{args.clients} clients, {args.requests} requests in {wall:.1f} s "
          f"({args.requests / wall:.0f}/s); load {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"{'page':<10} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for page in ("caseload", "record"):
        values = timings[page]
        print(f"{page:<10} {plan['queries'][page]:>8} {statistics.median(values) * 1000:>8.0f} "
              f"{_percentile(values, 0.95) * 1000:>8.0f} {max(values) * 1000:>8.0f}")  # fmt: skip


class _ThrowawayPostgres:
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
        self._sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
