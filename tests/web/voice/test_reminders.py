"""`irohub remind` against a real SMTP server started here (aiosmtpd on 127.0.0.1, a free port):
the right people get the right messages, once, however often it runs.

Today is Sunday 22 November 2026; 10 working days ahead is Friday 4 December.
"""

from __future__ import annotations

import datetime as dt
import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import CommandError, call_command

from irohub.children.models import Child
from irohub.escalations import services as escalations
from irohub.reminders.models import ReminderSent
from irohub.reviews.models import ReviewBooking
from irohub.statutory.settings import RuleSettings

from .builders import allocate, caseload, make_child, make_iro

D = dt.date
AS_AT = D(2026, 11, 22)
RULES = RuleSettings.default()


class Inbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for rcpts, m in self.messages if address in rcpts]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.DEFAULT_FROM_EMAIL = "irohub <irohub@council.example>"
    settings.IROHUB_BASE_URL = "https://irohub.council.example"
    yield inbox
    controller.stop()


def _due(iro, due, *, booked=False, given="Alex"):
    child = make_child(given=given)
    allocate(child, iro)
    Child.objects.filter(pk=child.pk).update(
        looked_after=True, next_review_due=due, current_iro=iro
    )
    if booked:
        ReviewBooking.objects.create(child=child, planned_date=due, format="in_person")
    return Child.objects.get(pk=child.pk)


@pytest.fixture
def service(user_factory):
    """Three IROs (one with no email address), managers and what is due on 22 November."""
    ann = make_iro(name="Ann Able", email="ann@council.example")
    ben = make_iro(name="Ben Bold", email="ben@council.example")
    cat = make_iro(name="Cat NoMail", email="")
    soon = _due(ann, D(2026, 12, 3), given="Soon")
    _due(ann, D(2026, 12, 3), booked=True, given="Booked")
    _due(ann, D(2026, 12, 7), given="Later")  # 11 working days ahead
    late = _due(ann, D(2026, 11, 20), given="Late")
    record = caseload(ann, 1, today=AS_AT, reviewed=D(2026, 10, 1))[0]  # record due 22 October
    _due(cat, D(2026, 11, 30), given="Nomail")
    kid = _due(ben, D(2027, 3, 1), given="Esca")
    escalation = escalations.raise_escalation(
        child=kid, iro=ben, kind="informal", themes=["education"], summary="No school place.",
        opened=D(2026, 11, 16), today=D(2026, 11, 16), rules=RULES, by=None,
    )  # fmt: skip
    user_factory(role="manager", email="mia@council.example")
    user_factory(role="manager", email="")
    gone = user_factory(role="manager", email="gone@council.example")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    user_factory(role="business_support", email="bs@council.example")
    return {"soon": soon, "late": late, "record": record, "escalation": escalation}


def _body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.django_db
def test_each_person_gets_their_own_reminders_once(smtp, service, capsys):
    call_command("remind", "--as-at", "2026-11-22")
    assert sorted({r for rcpts, _ in smtp.messages for r in rcpts}) == [
        "ann@council.example", "ben@council.example", "mia@council.example"]  # fmt: skip
    assert len(smtp.messages) == 3
    (ann,) = smtp.to("ann@council.example")
    text = _body(ann)
    assert (
        ann["Subject"]
        == "irohub reminders for 22 November 2026: 2 reviews to book, 1 record overdue"
    )
    assert (
        ann["From"] == "irohub <irohub@council.example>" and ann.get_content_type() == "text/plain"
    )
    assert text.startswith("Hello Ann Able,")
    assert (
        f"{service['soon'].display_name}: review due by 3 December 2026 (9 working days left)"
        in text
    )
    assert f"{service['late'].display_name}: review due by 20 November 2026 (overdue)" in text
    assert "Booked" not in text and "Later" not in text
    assert "the record of the review on 1 October 2026 was due by 22 October 2026." in text
    assert f"https://irohub.council.example/children/{service['soon'].child_id}/" in text
    (ben,) = smtp.to("ben@council.example")
    eid = service["escalation"].escalation_id
    assert (f"{eid} ({service['escalation'].child.display_name}): Informal challenge (team manager) "
            "must step up or be resolved by 23 November 2026 (1 working day left).") in _body(ben)  # fmt: skip
    assert f"https://irohub.council.example/escalations/{eid}/" in _body(ben)
    assert "whole process" not in _body(ben)  # 14 December is not near
    (mia,) = smtp.to("mia@council.example")
    summary = _body(mia)
    assert mia["Subject"] == "irohub daily summary for 22 November 2026"
    assert (
        "Reviews due in the next 10 working days and not booked: 3 (1 already overdue)" in summary
    )
    assert "Records of reviews overdue: 1" in summary and eid in summary
    assert "because the IRO has no email address (1)" in summary and "Nomail" in summary
    assert "3 email(s) sent for 22/11/2026" in capsys.readouterr().out
    # The second run the same day sends nothing at all.
    call_command("remind", "--as-at", "2026-11-22")
    assert len(smtp.messages) == 3
    assert "0 email(s) sent" in capsys.readouterr().out
    assert ReminderSent.objects.count() == 5  # 2 reviews + 1 record + 1 stage + 1 summary


@pytest.mark.django_db
def test_the_next_day_only_what_is_new_is_sent(smtp, service):
    call_command("remind", "--as-at", "2026-11-22")
    escalation = service["escalation"]
    escalations.step_up(escalation=escalation, stage="formal", on=D(2026, 11, 23),
                        today=D(2026, 11, 23), rules=RULES, by=None)  # fmt: skip
    call_command("remind", "--as-at", "2026-11-23")
    recipients = [r for rcpts, _ in smtp.messages[3:] for r in rcpts]
    # The horizon moved on a day: the review due 7 December is now 10 working days ahead.
    assert sorted(recipients) == ["ann@council.example", "mia@council.example"]
    text = _body(smtp.to("ann@council.example")[-1])
    assert "Later" in text and "Soon Sample" not in text and "Records of reviews" not in text
    call_command("remind", "--as-at", "2026-12-06")  # formal stage due 7 December: 1 day left
    ben = smtp.to("ben@council.example")[-1]
    assert (
        "Formal challenge (senior manager) must step up or be resolved by 7 December 2026"
        in _body(ben)
    )
    assert "the whole process must be finished by 14 December 2026" not in _body(ben)


@pytest.mark.django_db
def test_dry_run_sends_and_records_nothing(smtp, service, capsys):
    call_command("remind", "--dry-run", "--as-at", "2026-11-22")
    assert smtp.messages == [] and not ReminderSent.objects.exists()
    out = capsys.readouterr().out
    assert "Would send to ann@council.example" in out and "Hello Ann Able," in out
    assert "3 email(s) to send" in out


@pytest.mark.django_db
def test_a_refused_send_is_not_recorded_and_is_tried_again(service, settings, smtp):
    settings.EMAIL_PORT = _free_port()  # nothing listens there
    with pytest.raises(CommandError, match="will be tried again"):
        call_command("remind", "--as-at", "2026-11-22")
    assert not ReminderSent.objects.exists()


@pytest.mark.django_db
def test_a_bad_date_is_refused(smtp):
    with pytest.raises(CommandError, match="--as-at must be a date"):
        call_command("remind", "--as-at", "22/11/2026")


@pytest.mark.django_db
def test_the_command_reads_a_fixed_number_of_queries(
    smtp, user_factory, django_assert_max_num_queries
):
    iro = make_iro(name="Busy", email="busy@council.example")
    kids = caseload(iro, 60, today=AS_AT, reviewed=None)
    Child.objects.filter(pk__in=[k.pk for k in kids]).update(next_review_due=D(2026, 11, 30))
    for kid in kids[:20]:
        escalations.raise_escalation(child=kid, iro=iro, kind="informal", themes=["health"], summary="",
                                     opened=D(2026, 11, 16), today=AS_AT, rules=RULES, by=None)  # fmt: skip
    with django_assert_max_num_queries(16):
        call_command("remind", "--as-at", "2026-11-22")
    (message,) = smtp.to("busy@council.example")
    assert (
        _body(message).count("), not booked yet.") == 60
        and _body(message).count("must step up") == 20
    )
