#!/usr/bin/env python3
"""Set up and run irohub on a fresh machine with nothing but Python 3.11+.

    python3 dev.py demo     # make .venv, install irohub, load a synthetic council, serve it
    python3 dev.py test     # make .venv, install irohub with its test tools, run every test

Anything after the command is passed on (`python3 dev.py demo --port 8080`,
`python3 dev.py test -k reviews`). The virtual environment is reinstalled only when pyproject.toml
changes. Standard library only: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs under whatever python3 is first)
        sys.exit("irohub needs Python 3.11 or newer.")
    if not argv or argv[0] not in {"demo", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    extras = ".[test]" if command == "test" else "."
    ensure_venv(extras)
    os.chdir(ROOT)
    if command == "demo":
        return run([str(BIN / "irohub"), "demo", *rest])
    offer_chromium()
    return run([str(BIN / "python"), "-m", "pytest", *rest])


def ensure_venv(extras: str) -> None:
    stamp = VENV / f".installed-{extras.strip('.[]') or 'base'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"Installing irohub {extras} (a few minutes the first time) ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    check(pip + ["--upgrade", "pip"])
    check(pip + ["-e", extras], cwd=ROOT)
    stamp.write_text(wanted)


def offer_chromium() -> None:
    """The browser tests drive the system Chromium. Install it where we can (root with apt);
    otherwise they are skipped with a message, unless IROHUB_REQUIRE_BROWSER=1."""
    if CHROMIUM.exists() or not shutil.which("apt-get") or os.geteuid() != 0:
        if not CHROMIUM.exists():
            print("Chromium not found at /usr/bin/chromium: browser tests will be skipped.")
        return
    print("Installing Chromium for the browser tests (apt-get) ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env, check=False)


def check(cmd: list[str], **kwargs) -> None:
    if subprocess.run(cmd, **kwargs).returncode != 0:
        sys.exit(f"Failed: {' '.join(cmd)}")


def run(cmd: list[str]) -> int:
    try:
        return subprocess.run(cmd).returncode
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
