"""`irohub report annual --year 2024-25 --format json|html|pdf|docx|xlsx [--out PATH]
[--publication] [--as-at YYYY-MM-DD]`: the IRO annual report (interfaces.md §3-4)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from irohub.reporting.render import FORMATS

TEXT_FORMATS = ("json", "html")


class Command(BaseCommand):
    help = (
        "Write the IRO annual report for a reporting year: the JSON of every core metric, or "
        "the report itself as HTML, PDF, Word or Excel. --publication suppresses small numbers "
        "and checks that no child identifier appears anywhere."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True)
        annual = sub.add_parser("annual", help="the statutory IRO annual report")
        annual.add_argument("--year", required=True, help="the reporting year: 2024-25 or 2024/25")
        annual.add_argument("--format", choices=("json", *FORMATS), default="json")
        annual.add_argument(
            "--out", type=Path, default=None, help="file to write (default: JSON/HTML to stdout)"
        )
        annual.add_argument(
            "--publication", action="store_true", help="the public version (small numbers as c)"
        )
        annual.add_argument(
            "--as-at",
            type=date.fromisoformat,
            default=None,
            help="the date live figures are taken on (YYYY-MM-DD; default the end of the year, "
            "or today if the year has not ended)",
        )

    def handle(self, *args, report, year, format, out, publication, as_at, **options):
        from irohub.reporting.annual import AnnualReport
        from irohub.reporting.metrics.base import ReportingPeriod

        if out is None and format not in TEXT_FORMATS:
            raise CommandError(f"--out PATH is needed for the {format} format")
        rules = _rules()
        try:
            period = ReportingPeriod.for_year(year, rules)
        except ValueError as problem:
            raise CommandError(str(problem)) from None
        as_at = as_at or min(period.end, date.today())
        annual = AnnualReport.compute(period, as_at=as_at, rules=rules)
        output = _output(annual, format, publication=publication)
        if out is None:
            self.stdout.write(output)
            return
        _write(out, output)
        version = "public" if publication else "internal"
        self.stderr.write(f"Wrote the {version} {format} report for {period.label} to {out}")


def _rules():
    from irohub.council.selectors import current_rules

    return current_rules()


def _output(annual, fmt: str, *, publication: bool) -> str | bytes:
    from irohub.reporting.publication import IdentifierLeak
    from irohub.reporting.render import render
    from irohub.reporting.selectors import child_identifiers

    try:
        if fmt == "json":
            return json.dumps(annual.json(publication=publication), indent=2, default=str) + "\n"
        doc = annual.document(publication=publication, generated_on=date.today())
        identifiers = child_identifiers() if publication else ()
        return render(doc, fmt, identifiers=identifiers)
    except IdentifierLeak as leak:
        raise CommandError(f"Not written: {leak}") from None


def _write(path: Path, output: str | bytes) -> None:
    try:
        if isinstance(output, str):
            path.write_text(output, encoding="utf-8")
        else:
            path.write_bytes(output)
    except OSError as problem:
        raise CommandError(f"{path}: cannot write the file ({problem.strerror})") from None
