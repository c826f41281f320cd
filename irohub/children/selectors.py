"""Reads of children that pages share, always narrowed by `irohub.staff.visibility`.

Every page that shows one child's record opens it through `open_record`, which writes the audit
event: "viewed" when the person may see the child, "refused" (and a 404, so the page does not
even confirm the child exists) when they may not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from irohub.audit.services import record, viewed
from irohub.children import timeline
from irohub.children.models import Child, Episode, Flag
from irohub.council.selectors import code_lists
from irohub.escalations.models import Escalation
from irohub.reviews.booking import open_booking
from irohub.reviews.caseload import clocks_for, review_status, soon_until
from irohub.reviews.derive import history_start, period_for_timing
from irohub.staff.visibility import can_see_child, visible_children
from irohub.statutory.participation import age_on
from irohub.statutory.reviews import ReviewHeld, Timetable, review_timetable

# The audit trail names a child by their 903 child ID, as staff quote it.
CHILD_TARGET = "child"


def today() -> date:
    """Today's date for the child and review pages: the one place they read the clock, so tests
    pin it (monkeypatch `irohub.children.selectors.today`)."""
    return date.today()


def visible(user, *, on: date) -> QuerySet[Child]:
    """The children `user` may see on `on` (see irohub.staff.visibility)."""
    return visible_children(user, on=on)


def open_record(user, child_id: str, *, on: date, page: str = "record") -> Child:
    """The child (by 903 child ID) whose record a page is about to show, audited.

    Raises Http404 after writing a "refused" event when the child does not exist or `user` may
    not see them on `on`; otherwise writes a "viewed" event naming the page."""
    child = (
        Child.objects.select_related("current_iro", "current_period")
        .filter(child_id=child_id)
        .first()
    )
    if child is None or not can_see_child(user, child, on=on):
        reason = "no such child" if child is None else "not visible"
        record(by=user, action="refused", target_type=CHILD_TARGET, target_id=child_id,
               after={"page": page, "reason": reason})  # fmt: skip
        raise Http404("No child with that ID on your caseload")
    viewed(by=user, target_type=CHILD_TARGET, target_id=child.child_id)
    return child


def flags_on(child: Child, on: date) -> list[Flag]:
    """The child's flags in force on `on` (start on or before, end blank or after)."""
    return [
        flag
        for flag in child.flags.order_by("flag", "start_date")
        if flag.start_date <= on and (flag.end_date is None or flag.end_date >= on)
    ]


def siblings(child: Child, groups: list[str], *, on: date) -> list[Child]:
    """The other children in the child's sibling groups (flags in force on `on`), each with
    their current IRO, in one query."""
    if not groups:
        return []
    found = (
        # One filter() call, so every condition applies to the same flag row.
        Child.objects.filter(
            Q(flags__end_date__isnull=True) | Q(flags__end_date__gte=on),
            flags__flag=Flag.Kind.SIBLING_GROUP,
            flags__sibling_group__in=groups,
            flags__start_date__lte=on,
        )
        .exclude(pk=child.pk)
        .select_related("current_iro")
        .distinct()
    )
    return list(found.order_by("family_name", "given_name", "child_id"))


@dataclass
class ChildRecord:
    """Everything the child's record page shows, loaded in a fixed number of queries."""

    child: Child
    today: date
    age: int
    episode: Episode | None
    periods: list
    flags: list[Flag]
    siblings: list[Child]
    timetable: Timetable | None
    status: str
    booking: object
    reviews: list
    contacts: list
    escalations: list
    advocacy: list
    timeline: list
    labels: dict = field(repr=False)

    @property
    def status_flags(self) -> list[Flag]:
        """Flags other than sibling groups (those are shown as the siblings themselves)."""
        return [f for f in self.flags if f.flag != Flag.Kind.SIBLING_GROUP]

    @property
    def legal_status(self) -> str:
        return timeline.label(self.labels, "LS", self.episode.ls) if self.episode else ""

    @property
    def placement(self) -> str:
        return timeline.label(self.labels, "PLACE", self.episode.place) if self.episode else ""

    @property
    def explanation(self) -> str:
        """Why the next review is due when it is, in the rules engine's words."""
        return timeline.long_dates(self.timetable.explain_next_due()) if self.timetable else ""

    @property
    def review_cards(self) -> list[tuple]:
        """(review, main facts, quality facts) for each review, newest first."""
        return [(review, *timeline.review_facts(review)) for review in self.reviews]


def _current_episode(child: Child, episodes: list[Episode], today: date) -> Episode | None:
    inside = [e for e in episodes if e.period_id == child.current_period_id and e.decom <= today]
    return inside[-1] if inside else None


def _timetable(child: Child, periods, reviews, episodes, *, rules, today: date) -> Timetable | None:
    """The current period's review timetable from the rules engine (next due and why), timed as
    derive times it: reviews known from the history start (decision record 0004)."""
    current = next((p for p in periods if p.pk == child.current_period_id), None)
    if current is None or not child.looked_after:
        return None
    first = [e.rne for e in episodes if e.period_id == current.pk and e.decom == current.start]
    period = period_for_timing(current, child.child_id, first[0] if first else None)
    held = [
        ReviewHeld(r.review_date, bool(r.additional), r.statutory_basis, r.first_part_date)
        for r in reviews
        if r.period_id == current.pk
    ]
    return review_timetable(period, held, rules=rules, as_at=today, dob=child.dob,
                            reviews_known_from=history_start())  # fmt: skip


def child_record(child: Child, *, today: date, rules) -> ChildRecord:
    """Load the child's record (the caller has checked visibility and audited the view)."""
    periods = list(child.periods.order_by("number"))
    episodes = list(child.episodes.order_by("decom"))
    reviews = list(child.reviews.select_related("chair").order_by("-review_date"))
    contacts = list(child.contacts.select_related("iro").order_by("-contact_date"))
    escalations = clocks_for(
        Escalation.objects.filter(child=child).prefetch_related("themes").order_by("-opened_date"),
        rules=rules,
        today=today,
    )
    advocacy = list(child.advocacy.prefetch_related("issues").order_by("-referral_date"))
    allocated = list(child.allocations.select_related("iro").order_by("start_date"))
    labels = code_lists()
    flags = flags_on(child, today)
    groups = [f.sibling_group for f in flags if f.flag == Flag.Kind.SIBLING_GROUP]
    table = _timetable(child, periods, reviews, episodes, rules=rules, today=today)
    held = open_booking(child)
    soon = soon_until(today, rules=rules)
    next_due = table.next_due if table else None
    return ChildRecord(
        child=child, today=today, age=age_on(child.dob, today),
        episode=_current_episode(child, episodes, today), periods=periods, flags=flags,
        siblings=siblings(child, groups, on=today), timetable=table,
        status=review_status(next_due, held.planned_date if held else None, today=today,
                             soon=soon),
        booking=held, reviews=reviews, contacts=contacts, escalations=escalations,
        advocacy=advocacy, labels=labels,
        timeline=timeline.timeline(
            timeline.care_history(periods, episodes, labels), timeline.allocations(allocated),
            timeline.activity(reviews, contacts, escalations, advocacy),
        ),
    )  # fmt: skip
