"""`irohub quality [--format text|json]`: the data-quality report."""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand

from irohub.council.selectors import current_rules
from irohub.quality.checks.report import as_json, as_text, findings


class Command(BaseCommand):
    help = (
        "List the semantic problems in the data (DfE rules 148, 166, 167, 355-357, 388, 431-433, "
        "440, 441, 501; reviews outside care or without a chair; overlapping or missing IRO "
        "allocations), each with its rule, child, date and a plain-English explanation."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument(
            "--as-at",
            type=date.fromisoformat,
            default=None,
            help="the date 'now' means (YYYY-MM-DD; default today)",
        )

    def handle(self, *args, format, as_at, **options):
        as_at = as_at or date.today()
        found = findings(rules=current_rules(), as_at=as_at)
        if format == "json":
            self.stdout.write(json.dumps(as_json(found, as_at), indent=2))
        else:
            self.stdout.write(as_text(found, as_at))
