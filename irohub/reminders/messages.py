"""The reminder emails: plain text, plain English, one link per item (the site's address from
IROHUB_BASE_URL)."""

from __future__ import annotations

from datetime import date

from irohub.reminders.events import Event, day, path_to

SECTIONS = (
    ("review_due", "Reviews due in the next 10 working days that are not booked yet"),
    ("record_overdue", "Records of reviews that are overdue"),
    ("escalation_stage", "Escalations near or past a stage's time limit"),
    ("escalation_overall", "Escalations near or past the time limit for the whole process"),
)
FOOTER = (
    "You get each reminder once. To stop a reminder, book the review, write the record or move "
    "the escalation on in irohub."
)


def _items(events: list[Event], base_url: str) -> list[str]:
    lines = []
    for event in events:
        lines.append(f"- {event.line}")
        if event.path:
            lines.append(f"  {base_url}{event.path}")
    return lines


def _sections(events: list[Event], base_url: str) -> list[str]:
    lines = []
    for kind, heading in SECTIONS:
        chosen = [e for e in events if e.kind == kind]
        if chosen:
            lines += ["", f"{heading} ({len(chosen)}):", *_items(chosen, base_url)]
    return lines


def iro_email(events: list[Event], *, as_at: date, base_url: str) -> tuple[str, str]:
    """(subject, body) of one IRO's reminders."""
    name = next((e.name for e in events if e.name), "")
    counts = {kind: sum(1 for e in events if e.kind == kind) for kind, _ in SECTIONS}
    parts = []
    if counts["review_due"]:
        parts.append(
            f"{counts['review_due']} review{'s' if counts['review_due'] > 1 else ''} to book"
        )
    if counts["record_overdue"]:
        parts.append(
            f"{counts['record_overdue']} record{'s' if counts['record_overdue'] > 1 else ''} overdue"
        )
    clocks = counts["escalation_stage"] + counts["escalation_overall"]
    if clocks:
        parts.append(f"{clocks} escalation deadline{'s' if clocks > 1 else ''}")
    subject = f"irohub reminders for {day(as_at)}: {', '.join(parts)}"
    body = [f"Hello {name}," if name else "Hello,", "",
            f"These need your attention, as at {day(as_at)}.", *_sections(events, base_url),
            "", FOOTER, "", f"irohub: {base_url}/"]  # fmt: skip
    return subject, "\n".join(body) + "\n"


def manager_email(events: list[Event], *, as_at: date, base_url: str) -> tuple[str, str]:
    """(subject, body) of the managers' daily summary of the whole service."""
    unsent = [e for e in events if not e.recipient]
    late = [e for e in events if e.kind == "review_due" and "(overdue)" in e.line]
    clocks = [e for e in events if e.kind.startswith("escalation")]
    counts = {kind: sum(1 for e in events if e.kind == kind) for kind, _ in SECTIONS}
    body = [
        f"Daily summary of the IRO service for {day(as_at)}.", "",
        f"Reviews due in the next 10 working days and not booked: {counts['review_due']} "
        f"({len(late)} already overdue)",
        f"Records of reviews overdue: {counts['record_overdue']}",
        f"Escalation deadlines within 1 working day or passed: {len(clocks)}",
    ]  # fmt: skip
    if clocks:
        body += ["", "Escalations:", *_items(clocks, base_url)]
    if late:
        body += ["", "Reviews overdue and not booked:", *_items(late, base_url)]
    if unsent:
        body += ["", f"Reminders that could not be sent because the IRO has no email address "
                     f"({len(unsent)}):", *_items(unsent, base_url)]  # fmt: skip
    body += ["", f"Open escalations: {base_url}{path_to('escalations:list')}", "",
             f"irohub: {base_url}/"]  # fmt: skip
    return f"irohub daily summary for {day(as_at)}", "\n".join(body) + "\n"
