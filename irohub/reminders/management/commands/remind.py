"""irohub remind [--dry-run] [--as-at DATE]: the daily reminders, each sent once.

Run it daily from cron or a systemd timer; running it again the same day sends nothing new.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from irohub.council.selectors import current_rules
from irohub.reminders import services


class Command(BaseCommand):
    help = (
        "Email each IRO their reviews due in the next 10 working days that are not booked, "
        "records overdue and escalation deadlines within 1 working day or passed; and each "
        "manager a daily summary. Each reminder is sent once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Print the emails that would be sent; send and record nothing.")  # fmt: skip
        parser.add_argument("--as-at", metavar="DATE", help="The day to remind for, as 2026-11-23 "
                            "(default: today).")  # fmt: skip

    def handle(self, *args, dry_run: bool, as_at: str | None, **options):
        try:
            day = date.fromisoformat(as_at) if as_at else date.today()
        except ValueError:
            raise CommandError(f"--as-at must be a date like 2026-11-23, not {as_at!r}") from None
        if not services.base_url_configured():
            self.stderr.write(
                f"IROHUB_BASE_URL is not set: links point to {services.DEFAULT_BASE_URL}"
            )
        report = services.send_reminders(as_at=day, rules=current_rules(), dry_run=dry_run)
        for planned in report.sent:
            self.stdout.write(f"{'Would send' if dry_run else 'Sent'} to {planned.recipient}: "
                              f"{planned.subject} ({len(planned.events)} item(s))")  # fmt: skip
            if dry_run:
                self.stdout.write(planned.body)
        self.stdout.write(
            f"{len(report.sent)} email(s) {'to send' if dry_run else 'sent'} for {day:%d/%m/%Y}; "
            f"{report.already_told} reminder(s) sent before; {report.no_address} without an "
            f"IRO email address."
        )
        if report.failed:
            raise CommandError(f"The mail server refused: {', '.join(report.failed)} (they will "
                               "be tried again on the next run).")  # fmt: skip
