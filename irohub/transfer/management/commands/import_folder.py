"""`irohub import FOLDER`: load every file irohub recognises in a folder, all or nothing."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from irohub.transfer.services import import_folder


class Command(BaseCommand):
    help = (
        "Import a folder of SSDA903 extracts (header, episodes, reviews, uasc; several years may "
        "sit in sub-folders) and irohub's own files (iros.csv, allocations.csv, "
        "review_details.csv, ... and rules.toml), as one transaction. Structural errors are all "
        "listed as file:line: column: problem (value) and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--as-at",
            type=date.fromisoformat,
            default=None,
            help="the date live fields (looked after, next review due) are computed for "
            "(YYYY-MM-DD; default today)",
        )

    def handle(self, *args, folder, as_at, **options):
        result = import_folder(folder, by=None, as_at=as_at)
        for note in result.skipped:
            self.stdout.write(f"skipped {note}")
        if not result.ok:
            for error in result.sorted_errors():
                self.stderr.write(error)
            count = len(result.errors)
            raise CommandError(
                f"{count} structural error{'s' if count != 1 else ''}: nothing was imported."
            )
        self.stdout.write(result.summary())
        changed = "rules changed; " if result.rules_changed else ""
        self.stdout.write(
            f"Imported {len(result.files)} files from {folder} ({changed}derived dates "
            f"recomputed for {result.touched_children} children)."
        )
