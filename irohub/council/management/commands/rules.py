"""`irohub rules load FILE` / `irohub rules show [--format json]`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.timezone import localtime

from irohub.council.selectors import current_rules, rules_history
from irohub.reviews.services import apply_rules
from irohub.statutory.settings import SettingsError


class Command(BaseCommand):
    help = (
        "The council's rule settings (interfaces.md §2). `rules load FILE` validates a TOML "
        "file and makes it the rules in force (every problem is listed as key: reason, and the "
        "rules stay as they were); `rules show [--format text|json]` prints the rules in force."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="load a rules.toml file")
        load.add_argument("file")
        load.add_argument(
            "--as-at",
            type=date.fromisoformat,
            default=None,
            help="date to recompute live fields for (default today)",
        )
        show = sub.add_parser("show", help="show the rules in force")
        show.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, action, **options):
        if action == "load":
            self._load(Path(options["file"]), options["as_at"] or date.today())
        else:
            self._show(options["format"])

    def _load(self, path: Path, as_at: date) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as problem:
            raise CommandError(f"{path}: cannot read the file ({problem.strerror})") from None
        try:
            children = apply_rules(text, by=None, as_at=as_at, source=str(path))
        except SettingsError as problem:
            for error in problem.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{path}: {len(problem.errors)} problem(s); the rules in force are unchanged."
            ) from None
        self.stdout.write(
            f"Rules loaded from {path}; derived dates recomputed for {children} children."
        )

    def _show(self, fmt: str) -> None:
        rules = current_rules()
        if fmt == "json":
            self.stdout.write(json.dumps(rules.to_dict(), indent=2))
            return
        history = rules_history()
        source = (
            f"loaded {localtime(history[0].loaded_at):%d/%m/%Y %H:%M} from {history[0].source or 'text'}"
            if history
            else "the defaults (no rules file loaded)"
        )
        self.stdout.write(f"# Rules in force: {source}")
        self.stdout.write(rules.to_toml())
