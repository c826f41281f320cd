"""The rules core stays pure (DESIGN.md §4.1): no Django, no domain apps, no reading of the clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import irohub.statutory

PACKAGE = Path(irohub.statutory.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
FORBIDDEN_IMPORTS = ("django", "irohub.config", "irohub.accounts", "irohub.audit",
                     "irohub.children", "irohub.staff", "irohub.reviews", "irohub.escalations",
                     "irohub.voice", "irohub.quality", "irohub.transfer", "irohub.reporting")  # fmt: skip
CLOCK_CALLS = {"today", "now", "utcnow", "time", "localtime", "gmtime", "monotonic"}


def _imports(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield node.module or ""


def test_there_are_modules_to_check():
    assert {p.name for p in MODULES} >= {"calendar.py", "reviews.py", "settings.py", "periods.py"}


def test_no_module_imports_django_or_a_domain_app():
    for path in MODULES:
        for name in _imports(ast.parse(path.read_text())):
            assert not name.startswith(FORBIDDEN_IMPORTS), f"{path.name} imports {name}"
            assert name.split(".")[0] not in {"time", "os", "socket", "urllib"}, path.name


def test_no_module_reads_the_clock():
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in CLOCK_CALLS:
                raise AssertionError(f"{path.name}:{node.lineno} reads the clock ({node.attr})")


def test_importing_the_package_does_not_load_django():
    names = " ".join(p.stem for p in MODULES if p.stem != "__init__")
    code = (
        "import importlib, sys\n"
        f"for name in '{names}'.split():\n"
        "    importlib.import_module('irohub.statutory.' + name)\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('django'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
