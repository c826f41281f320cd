"""A child's story for their record page: periods of care, placement and legal-status changes
and IRO allocations, with reviews, contacts, escalations and advocacy, as dated entries.

Built from rows the record page has already loaded (no queries here), newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from irohub.statutory.participation import PN_LABELS

_DMY = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


@dataclass(frozen=True)
class Entry:
    date: date
    kind: str  # care, placement, legal_status, allocation, review, contact, escalation, advocacy
    title: str
    detail: str = ""


def label(labels: dict, list_name: str, code: str) -> str:
    """ "C2: Full care order", or the code alone when the list does not know it."""
    found = labels.get(list_name, {}).get(code)
    return f"{code}: {found.label}" if found else code


def care_history(periods, episodes, labels) -> list[Entry]:
    """Coming into care and leaving it, and each change of legal status or placement."""
    entries = []
    for period in periods:
        inside = [e for e in episodes if e.period_id == period.pk]
        first = inside[0] if inside else None
        detail = ""
        if first is not None:
            detail = (f"Legal status {label(labels, 'LS', first.ls)}; placement "
                      f"{label(labels, 'PLACE', first.place)}")  # fmt: skip
        kind = "short breaks began" if period.short_break else "came into care"
        entries.append(Entry(period.start, "care", f"Period of care {period.number}: {kind}",
                             detail))  # fmt: skip
        for before, after in zip(inside, inside[1:], strict=False):
            entries += _changes(before, after, labels)
        if period.end is not None:
            reason = label(labels, "REC", period.end_reason) if period.end_reason else ""
            entries.append(Entry(period.end, "care", f"Period of care {period.number} ended",
                                 reason))  # fmt: skip
    return entries


def _changes(before, after, labels) -> list[Entry]:
    found = []
    if after.ls != before.ls:
        found.append(Entry(after.decom, "legal_status", "Legal status changed",
                           f"{label(labels, 'LS', before.ls)} to {label(labels, 'LS', after.ls)}"))  # fmt: skip
    if after.place != before.place or after.rne in ("P", "T", "B", "U"):
        found.append(Entry(after.decom, "placement", "Placement changed",
                           f"{label(labels, 'PLACE', before.place)} to "
                           f"{label(labels, 'PLACE', after.place)}"))  # fmt: skip
    return found


def allocations(rows) -> list[Entry]:
    entries = []
    for allocation in rows:
        reason = allocation.get_change_reason_display() if allocation.change_reason else ""
        entries.append(Entry(allocation.start_date, "allocation",
                             f"IRO allocated: {allocation.iro.name}", reason))  # fmt: skip
    return entries


# Calls, messages and case notes are listed in the record's contacts; the timeline keeps the
# IRO's visits and midway reviews, so a long history stays readable.
TIMELINE_CONTACTS = ("midway_review", "visit")


def activity(reviews, contacts, escalations, advocacy) -> list[Entry]:
    """One line for each review, midway review or visit, escalation and advocacy referral."""
    entries = []
    for review in reviews:
        kind = f"{review.get_review_type_display()} review" if review.review_type else "Review"
        entries.append(Entry(review.review_date, "review", f"{kind} held",
                             f"Participation {review.pn_code}" if review.pn_code else ""))  # fmt: skip
    for contact in (c for c in contacts if c.contact_type in TIMELINE_CONTACTS):
        entries.append(Entry(contact.contact_date, "contact", contact.get_contact_type_display(),
                             f"by {contact.iro.name}"))  # fmt: skip
    for escalation, _clock in escalations:
        entries.append(Entry(escalation.opened_date, "escalation", "Escalation opened",
                             escalation.escalation_id))  # fmt: skip
        if escalation.closed_date:
            outcome = escalation.get_outcome_display() if escalation.outcome else ""
            entries.append(Entry(escalation.closed_date, "escalation", "Escalation closed",
                                 outcome))  # fmt: skip
    for referral in advocacy:
        entries.append(Entry(referral.referral_date, "advocacy",
                             f"Referred for {referral.get_kind_display().lower()}",
                             referral.provider))  # fmt: skip
    return entries


def timeline(*groups: list[Entry]) -> list[Entry]:
    """Every entry, newest first (on one day: care events before the work done that day)."""
    order = ["care", "legal_status", "placement", "allocation", "review", "contact",
             "escalation", "advocacy"]  # fmt: skip
    merged = [entry for group in groups for entry in group]
    merged.sort(key=lambda e: order.index(e.kind))
    return sorted(merged, key=lambda e: e.date, reverse=True)


def long_dates(text: str) -> str:
    """The rules engine writes 29/04/2024; pages write 29 April 2024."""
    return _DMY.sub(lambda m: _long(date(int(m[3]), int(m[2]), int(m[1]))), text)


def _long(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _yes_no(value: bool | None) -> str:
    return "Not recorded" if value is None else ("Yes" if value else "No")


def _day(value: date | None, missing: str = "Not recorded") -> str:
    return _long(value) if value else missing


def review_facts(review) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The review's details as (label, value) rows for its summary card: the main facts, and
    the quality of the review (shown folded away)."""
    chair = review.chair.name if review.chair else "Not recorded"
    if review.chaired_by and review.chaired_by != review.ChairedBy.IRO:
        chair += f" ({review.get_chaired_by_display().lower()})"
    pn = PN_LABELS.get(review.pn_code)
    main = [
        ("Participation", f"{review.pn_code}: {pn}" if pn else "Not recorded"),
        ("Chair", chair),
        ("Record completed", _day(review.record_date, "Not yet written")),
    ]
    quality = [
        ("Format", review.get_format_display() if review.format else "Not recorded"),
        ("Child seen before the review", _yes_no(review.seen_before)),
        ("Child seen on their own", _yes_no(review.seen_alone)),
        ("Advocate offered", _yes_no(review.advocacy_offered)),
        ("Social worker's report received", _day(review.sw_report_date, "Not received")),
        ("Care plan available at the review", _yes_no(review.care_plan_available)),
        ("Decisions sent", _day(review.decisions_date)),
        ("Record sent to the child", _day(review.record_shared_date, "Not yet sent")),
        ("Additional review", _yes_no(review.additional)),
    ]
    return main, quality
