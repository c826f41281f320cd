"""Production mode refuses unsafe settings, and is clean under `check --deploy`.

Each case runs in a fresh interpreter, because settings are read once per process.
"""

import os
import secrets
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _environment(**overrides) -> dict:
    # Start from this environment without irohub's settings, nor the browser tests' async switch.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("IROHUB_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update({"DJANGO_SETTINGS_MODULE": "irohub.config.settings", "PYTHONPATH": ROOT})
    env.update(overrides)
    return env


def _production(**overrides) -> dict:
    safe = {
        "IROHUB_PRODUCTION": "1",
        "IROHUB_SECRET_KEY": secrets.token_urlsafe(64),
        "IROHUB_ALLOWED_HOSTS": "irohub.council.example",
    }
    return _environment(**{**safe, **overrides})


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _import_settings(env: dict) -> subprocess.CompletedProcess:
    return _run(["-c", "import irohub.config.settings"], env)


def test_production_with_the_default_secret_key_refuses_to_start():
    env = _production()
    del env["IROHUB_SECRET_KEY"]
    result = _import_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "IROHUB_SECRET_KEY" in result.stderr


def test_production_with_a_short_secret_key_refuses_to_start():
    result = _import_settings(_production(IROHUB_SECRET_KEY="too-short"))
    assert result.returncode != 0 and "IROHUB_SECRET_KEY" in result.stderr


def test_production_with_debug_refuses_to_start():
    result = _import_settings(_production(IROHUB_DEBUG="1"))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "IROHUB_DEBUG" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start():
    env = _production()
    del env["IROHUB_ALLOWED_HOSTS"]
    result = _import_settings(env)
    assert result.returncode != 0 and "IROHUB_ALLOWED_HOSTS" in result.stderr


def test_production_with_proper_settings_passes_the_deploy_check(tmp_path):
    env = _production(IROHUB_VAR_DIR=str(tmp_path))
    result = _run(["-m", "django", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_requires_administrators_to_use_a_second_factor(tmp_path):
    env = _production(IROHUB_VAR_DIR=str(tmp_path))
    script = (
        "from irohub.config import settings as s;"
        "print(s.IROHUB_REQUIRE_ADMIN_MFA, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)"
    )
    result = _run(["-c", script], env)
    assert result.stdout.split() == ["True", "True", "True", "False"], result.stderr


@pytest.mark.parametrize("value", ["0", "false", "no", ""])
def test_local_mode_is_the_default(value, tmp_path):
    env = _environment(IROHUB_PRODUCTION=value, IROHUB_VAR_DIR=str(tmp_path))
    script = "from irohub.config import settings as s; print(s.PRODUCTION, s.DEBUG, s.IROHUB_REQUIRE_ADMIN_MFA)"
    result = _run(["-c", script], env)
    assert result.stdout.split() == ["False", "True", "False"], result.stderr


def test_env_example_lists_every_variable_settings_reads():
    import re
    from pathlib import Path

    settings_source = (Path(ROOT) / "irohub" / "config" / "settings.py").read_text()
    read = set(re.findall(r'"((?:IROHUB_[A-Z_]+)|DATABASE_URL)"', settings_source))
    example = (Path(ROOT) / ".env.example").read_text()
    listed = set(re.findall(r"^(?:# )?([A-Z_]+)=", example, flags=re.MULTILINE))
    assert read - listed == set(), "add these to .env.example with a comment"
    assert listed - read == set(), "remove these from .env.example (settings no longer read them)"
