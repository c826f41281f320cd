"""Serving the site: gunicorn where it runs, Django's own server where it cannot (Windows)."""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management import call_command

# Rendering a large council's annual report as PDF can take longer than gunicorn's default 30s.
WORKER_TIMEOUT_SECONDS = 120


def gunicorn_importable() -> bool:
    try:
        import gunicorn.app.wsgiapp  # noqa: F401  (fails on Windows, which has no fcntl)
    except ImportError:
        return False
    return True


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "irohub.config.wsgi",
        "--bind", f"{host}:{port}",
        "--workers", str(workers),
        "--timeout", str(WORKER_TIMEOUT_SECONDS),
        "--access-logfile", "-",
    ]  # fmt: skip


def serve(*, host: str, port: int, workers: int) -> int:
    """Serve until stopped (Ctrl+C). gunicorn replaces this process, so stopping it stops all."""
    if settings.PRODUCTION:
        # Hashed static file names (whitenoise's manifest) exist only after collectstatic.
        call_command("collectstatic", interactive=False, verbosity=0)
    if gunicorn_importable():
        command = gunicorn_command(host, port, workers)
        os.execv(command[0], command)  # replaces this process: returns only when mocked in tests
    else:
        call_command("runserver", f"{host}:{port}", use_reloader=False)
    return 0
