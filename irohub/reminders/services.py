"""Send the daily reminders, each once: `send_reminders(as_at=, rules=, base_url=, dry_run=)`.

Each person gets one email listing only what they have not been told before. The events told
are written to `ReminderSent` (unique event keys) in the same transaction that sends the email:
if sending fails, nothing is recorded and the next run tries again; if two runs overlap, the
second finds the keys taken and sends nothing. Each email sent writes one audit event.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction

from irohub.accounts.models import User
from irohub.audit.services import record
from irohub.reminders import events as found
from irohub.reminders import messages
from irohub.reminders.models import ReminderSent
from irohub.statutory.settings import RuleSettings

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@dataclass
class Planned:
    """One email: to whom, what, and the events it tells them about."""

    recipient: str
    subject: str
    body: str
    events: list[found.Event]


@dataclass
class RunReport:
    as_at: date
    dry_run: bool
    sent: list[Planned] = field(default_factory=list)
    already_told: int = 0
    no_address: int = 0
    failed: list[str] = field(default_factory=list)  # addresses the mail server refused


def base_url_configured() -> bool:
    return bool(getattr(settings, "IROHUB_BASE_URL", ""))


def base_url() -> str:
    return (getattr(settings, "IROHUB_BASE_URL", "") or DEFAULT_BASE_URL).rstrip("/")


def _by_recipient(events: list[found.Event]) -> dict[str, list[found.Event]]:
    grouped: dict[str, list[found.Event]] = {}
    for event in events:
        if event.recipient:
            grouped.setdefault(event.recipient, []).append(event)
    return grouped


def _summary_events(as_at: date, address: str) -> list[found.Event]:
    key = f"manager_summary:{as_at.isoformat()}:{address}"
    return [found.Event("manager_summary", key, address, "", "")]


def send_reminders(*, as_at: date, rules: RuleSettings, dry_run: bool = False,
                   url: str | None = None) -> RunReport:  # fmt: skip
    """Work out every reminder due as at `as_at` and send those not sent before."""
    url = url or base_url()
    report = RunReport(as_at, dry_run)
    iro_events = found.for_iros(as_at, rules)
    report.no_address = sum(1 for e in iro_events if not e.recipient)
    summary = messages.manager_email(iro_events, as_at=as_at, base_url=url)
    managers = User.objects.filter(role="manager", is_active=True).exclude(email="")
    plan = [(address, wanted, lambda new: messages.iro_email(new, as_at=as_at, base_url=url))
            for address, wanted in _by_recipient(iro_events).items()]  # fmt: skip
    plan += [(address, _summary_events(as_at, address), lambda _new: summary)
             for address in sorted(set(managers.values_list("email", flat=True)))]  # fmt: skip
    connection = None if dry_run else get_connection()
    try:
        if connection is not None:
            connection.open()  # one connection to the mail server for the whole run
    except (OSError, smtplib.SMTPException):  # no mail server: nothing sent, all tried again
        report.failed = [address for address, _wanted, _compose in plan]
        return report
    try:
        for address, wanted, compose in plan:
            try:
                _deliver(address, wanted, report, connection, compose)
            except (OSError, smtplib.SMTPException):  # this one is not recorded: tried again
                report.failed.append(address)
    finally:
        if connection is not None:
            connection.close()
    return report


def _deliver(address: str, wanted: list[found.Event], report: RunReport, connection, compose):
    """Send `address` one email about the events they were not told before, and log them."""
    with transaction.atomic():
        keys = [e.key for e in wanted]
        told = set(
            ReminderSent.objects.filter(event_key__in=keys).values_list("event_key", flat=True)
        )
        new = [e for e in wanted if e.key not in told]
        report.already_told += len(wanted) - len(new)
        if not new:
            return
        subject, body = compose(new)
        planned = Planned(address, subject, body, new)
        if connection is None:  # a dry run: say what would be sent, write nothing
            report.sent.append(planned)
            return
        try:
            with transaction.atomic():
                ReminderSent.objects.bulk_create(
                    ReminderSent(event_key=e.key, kind=e.kind, recipient=address,
                                 sent_on=report.as_at) for e in new
                )  # fmt: skip
        except IntegrityError:  # another run told them a moment ago
            report.already_told += len(new)
            return
        EmailMessage(subject, body, to=[address], connection=connection).send()
        record(by=None, action="reminder_sent", target_type="reminders.email",
               target_id=address[:100], after={"as_at": report.as_at.isoformat(),
                                               "events": [e.key for e in new]})  # fmt: skip
        report.sent.append(planned)
