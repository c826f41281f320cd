"""`irohub export 903 --year 2024-25 --out FOLDER`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from irohub.transfer.services import export_903


class Command(BaseCommand):
    help = (
        "Export data. `export 903 --year 2024-25 --out FOLDER` writes the SSDA903 header, "
        "episodes, reviews and uasc CSVs for that collection year (2024/25 is also accepted) in "
        "the DfE's columns and formats."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["903"], help="what to export: 903 (the DfE return)")
        parser.add_argument("--year", required=True, help="collection year, e.g. 2024-25")
        parser.add_argument("--out", required=True, help="folder to write the CSV files into")

    def handle(self, *args, what, year, out, **options):
        try:
            written = export_903(year, Path(out), by=None)
        except ValueError as problem:
            raise CommandError(str(problem)) from None
        for name, rows in written.items():
            self.stdout.write(f"{Path(out) / name}: {rows} rows")
