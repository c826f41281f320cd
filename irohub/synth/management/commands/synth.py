"""`irohub synth`: write a deterministic synthetic council as an import folder."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter

from irohub.statutory.settings import SettingsError, load_rules
from irohub.synth import generate, write

HELP = """Write a synthetic council as an import folder for `irohub import` (no database needed).

Invented children, IROs and activity over --years years to --as-at: about --children children
looked after at any time, UASC arriving in waves, breaks in care, short breaks and remands; reviews
on the statutory timetable (irohub.statutory) with realistic lateness; 903 returns that pass the
DfE validation rules. The same --seed and --as-at always give byte-identical files.

The folder holds:
  ssda903/<year>/header.csv, episodes.csv, reviews.csv, uasc.csv   one per collection year
  iros.csv allocations.csv review_details.csv contacts.csv escalations.csv escalation_stages.csv
  advocacy.csv feedback.csv audits.csv complaints.csv flags.csv population.csv service.csv
  targets.csv child_names.csv rules.toml

Example:
  irohub synth --children 350 --years 10 --seed 1 --as-at 2026-11-22 --out var/synth"""


class HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Django's order of options, with the description's own line breaks kept."""


class Command(BaseCommand):
    help = HELP
    requires_system_checks: list = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = HelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "--children",
            type=int,
            default=350,
            help="about how many children are looked after at any time (default 350)",
        )
        parser.add_argument(
            "--years", type=int, default=10, help="years of history ending at --as-at (default 10)"
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--out", required=True, help="folder to write (created if missing)")
        parser.add_argument(
            "--as-at",
            dest="as_at",
            default=None,
            help="last day of the history, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--rules",
            default=None,
            help="a local rules.toml to use (and copy into the folder) instead of the defaults",
        )

    def handle(self, *args, **opts):
        as_at = self._date(opts["as_at"]) if opts["as_at"] else date.today()
        rules_text = self._rules(opts["rules"]) if opts["rules"] else None
        started = time.perf_counter()
        try:
            council = generate(
                children=opts["children"],
                years=opts["years"],
                seed=opts["seed"],
                as_at=as_at,
                rules_text=rules_text,
            )
        except ValueError as e:
            raise CommandError(str(e)) from e
        written = write(council, Path(opts["out"]))
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Wrote {len(written)} files to {opts['out']}: {len(council.children)} children, "
            f"{len(council.episodes)} episodes, {len(council.reviews)} reviews, {len(council.iros)} IROs "
            f"({council.start:%d/%m/%Y} to {council.as_at:%d/%m/%Y}) in {seconds:.1f} s"
        )

    def _date(self, text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as e:
            raise CommandError(f"--as-at: not a YYYY-MM-DD date ({text})") from e

    def _rules(self, path: str) -> str:
        try:
            text = Path(path).read_text(encoding="utf-8")
            load_rules(text)
        except OSError as e:
            raise CommandError(f"--rules: cannot read {path}: {e}") from e
        except SettingsError as e:
            raise CommandError(
                f"--rules: {path}: " + "; ".join(getattr(e, "errors", [str(e)]))
            ) from e
        return text
