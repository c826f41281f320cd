"""`irohub recompute [--as-at DATE]`: bring every child's derived dates and live fields up to a
day. Run it daily (cron or a systemd timer), as "looked after now", the current IRO and the
next review due move on with the calendar even when no data changes."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from irohub.reviews.services import recompute_all


class Command(BaseCommand):
    help = (
        "Recompute every child's periods of care, review types and due dates, and live fields "
        "(looked after, next review due, current IRO) as at a day (default today). Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-at", type=date.fromisoformat, default=None,
                            help="the day to compute for (YYYY-MM-DD; default today)")  # fmt: skip

    def handle(self, *args, as_at, **options):
        as_at = as_at or date.today()
        children = recompute_all(by=None, as_at=as_at)
        self.stdout.write(f"Recomputed {children} children as at {as_at:%d/%m/%Y}.")
