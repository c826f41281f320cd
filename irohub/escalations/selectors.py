"""Reads of escalations shared by the pages, narrowed to the children the person may see, each
with its live clock from the rules core (`irohub.statutory.escalations.escalation_clock`).

A list costs three queries however many escalations it shows: the escalations with their child
and IRO, then their stages, then their themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from irohub.escalations import ladder
from irohub.escalations.models import Escalation
from irohub.staff.visibility import visible_children
from irohub.statutory.escalations import EscalationClock, StageHeld, escalation_clock
from irohub.statutory.settings import RuleSettings


@dataclass(frozen=True)
class Tag:
    """A GOV.UK tag: the words and the colour class."""

    text: str
    css: str


TAGS = {
    "red": Tag("Overdue", "govuk-tag--red"),
    "amber": Tag("Due soon", "govuk-tag--yellow"),
    "green": Tag("On time", "govuk-tag--green"),
    "closed": Tag("Concluded", "govuk-tag--grey"),
    "alert": Tag("Good practice", "govuk-tag--blue"),
}
SORTS = ("days_left", "opened", "child", "iro")


@dataclass(frozen=True)
class LiveEscalation:
    """One escalation as a page shows it: the case, its clock as at `as_at`, the next date by
    which something must happen (the current stage's step-up date or the overall limit, the
    earlier) and the working days left until it (negative once passed)."""

    escalation: Escalation
    clock: EscalationClock | None
    due: date | None
    days_left: int | None
    tag: Tag
    kind: str
    themes: tuple[str, ...]

    @property
    def days_left_words(self) -> str:
        """ "3 working days left", "due today" or "2 working days over"."""
        if self.days_left is None:
            return ""
        if self.days_left == 0:
            return "due today"
        count = abs(self.days_left)
        days = f"{count} working day{'' if count == 1 else 's'}"
        return f"{days} left" if self.days_left > 0 else f"{days} over"

    @property
    def stage_name(self) -> str:
        current = self.clock.current if self.clock else None
        return current.name if current else ""


def visible(user, *, on: date) -> QuerySet[Escalation]:
    """Escalations of the children `user` may see on `on` (a lazy queryset)."""
    return Escalation.objects.filter(child__in=visible_children(user, on=on))


def with_details(queryset: QuerySet[Escalation]) -> QuerySet[Escalation]:
    return queryset.select_related("child", "iro").prefetch_related("stages", "themes")


def clock_of(escalation: Escalation, *, rules: RuleSettings, as_at: date) -> EscalationClock:
    """The clock of an escalation whose stages are loaded (prefetched)."""
    held = [StageHeld(s.stage, s.started_date, s.ended_date) for s in escalation.stages.all()]
    return escalation_clock(
        escalation.opened_date, held, rules=rules, as_at=as_at, closed=escalation.closed_date
    )


def kind_of(escalation: Escalation, rules: RuleSettings) -> str:
    """Good-practice alert, or the level of the first stage it started at."""
    if escalation.good_practice:
        return ladder.KINDS[ladder.GOOD_PRACTICE]
    stages = sorted(escalation.stages.all(), key=lambda s: (s.started_date, s.pk))
    first = ladder.stage(rules, stages[0].stage) if stages else None
    formal = first is not None and not first.informal
    return ladder.KINDS[ladder.FORMAL if formal else ladder.INFORMAL]


def live(escalation: Escalation, *, rules: RuleSettings, as_at: date) -> LiveEscalation:
    themes = tuple(ladder.theme_label(t.theme) for t in escalation.themes.all())
    kind = kind_of(escalation, rules)
    if escalation.good_practice:
        return LiveEscalation(escalation, None, None, None, TAGS["alert"], kind, themes)
    clock = clock_of(escalation, rules=rules, as_at=as_at)
    if clock.closed is not None:
        return LiveEscalation(escalation, clock, None, None, TAGS["closed"], kind, themes)
    dues = [d for d in (clock.current and clock.current.step_up_by, clock.overall_due) if d]
    due = min(dues) if dues else None
    left = rules.calendar().working_days_between(as_at, due) if due else None
    return LiveEscalation(escalation, clock, due, left, TAGS[clock.rag], kind, themes)


def _sort_key(sort: str):
    far = 10**6
    keys = {
        "days_left": lambda r: (
            r.days_left if r.days_left is not None else far,
            r.escalation.opened_date,
        ),  # fmt: skip
        "opened": lambda r: (r.escalation.opened_date, r.escalation.escalation_id),
        "child": lambda r: (r.escalation.child.child_id, r.escalation.opened_date),
        "iro": lambda r: (r.escalation.iro.name, r.days_left if r.days_left is not None else far),
    }
    return keys.get(sort, keys["days_left"])


def listing(
    user, *, on: date, rules: RuleSettings, show: str = "open", sort: str = "days_left",
    iro_id: int | None = None,
) -> list[LiveEscalation]:  # fmt: skip
    """Open challenges (`show="open"`), or concluded ones and alerts (`"concluded"`), that
    `user` may see, sorted by days left (most urgent first), date opened, child or IRO."""
    queryset = visible(user, on=on)
    if show == "concluded":
        queryset = queryset.filter(closed_date__isnull=False).order_by("-closed_date")
    else:
        queryset = queryset.filter(closed_date__isnull=True).exclude(good_practice=True)
    if iro_id is not None:
        queryset = queryset.filter(iro_id=iro_id)
    rows = [live(e, rules=rules, as_at=on) for e in with_details(queryset)]
    if show != "concluded":
        rows.sort(key=_sort_key(sort))
    return rows


def open_for_children(child_ids, *, rules: RuleSettings, as_at: date) -> dict[int, list]:
    """Open challenges of the given children (database ids) with their clocks, by child id:
    for caseload pages, in three queries whatever the number of children."""
    queryset = Escalation.objects.filter(
        child_id__in=list(child_ids), closed_date__isnull=True
    ).exclude(good_practice=True)
    found: dict[int, list] = {}
    for escalation in with_details(queryset):
        found.setdefault(escalation.child_id, []).append(live(escalation, rules=rules, as_at=as_at))
    return found
