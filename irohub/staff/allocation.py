"""Allocating an IRO to a child, and the IROs to suggest to the manager who chooses.

The IRO Handbook asks for an IRO within 5 working days of a child coming into care and for the
child to keep the same IRO where possible; brothers and sisters usually share one (rules.md I1,
I2); and an IRO carries 50 to 70 children per full-time post (I3, `caseload.band_per_fte`),
pro rata to their FTE. A commissioned provider's contract may cover only some children, for
example 16 and 17 year olds: that scope is the setting IROHUB_CONTRACT_AGES (see
`contract_scopes`). Suggestions are ranked, explained in words, and never chosen for the manager.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.db.models import Count, Q

from irohub.audit.services import record
from irohub.children.models import Child, Flag
from irohub.reviews.derive import recompute
from irohub.staff.models import IRO, Allocation, EmploymentType
from irohub.staff.visibility import allocated_on
from irohub.statutory.participation import age_on

TARGET = "staff.allocation"
ANY_PROVIDER = "*"
ONE_DAY = timedelta(days=1)


# --- contract scope --------------------------------------------------------------------------


def contract_scopes(text: str | None = None) -> dict[str, tuple[int, int]]:
    """Provider -> (youngest, oldest) age its contract covers, from IROHUB_CONTRACT_AGES:
    `Provider name=16-17; *=16-17` (`*`: any commissioned provider not named). Blank: no
    commissioned IRO is limited by age."""
    text = settings.IROHUB_CONTRACT_AGES if text is None else text
    scopes = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        provider, _, ages = part.rpartition("=")
        low, _, high = ages.strip().partition("-")
        if not provider.strip() or not (low.strip().isdigit() and high.strip().isdigit()):
            raise ImproperlyConfigured(
                f"IROHUB_CONTRACT_AGES: {part!r} should look like 'Provider name=16-17'"
            )
        scopes[provider.strip()] = (int(low), int(high))
    return scopes


def scope_of(iro: IRO, scopes: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """The ages an IRO's contract covers, or None when no contract limits them."""
    if iro.employment_type != EmploymentType.COMMISSIONED:
        return None
    return scopes.get(iro.provider, scopes.get(ANY_PROVIDER))


# --- caseloads -------------------------------------------------------------------------------


def in_post(today: date):
    return IRO.objects.filter(start_date__lte=today, fte__gt=0).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


def caseloads(today: date) -> dict[int, int]:
    """IRO pk -> children in care allocated to them on `today` (one aggregate query)."""
    rows = (
        allocated_on(today)
        .filter(child__looked_after=True)
        .values("iro")
        .annotate(children=Count("child", distinct=True))
    )
    return {row["iro"]: row["children"] for row in rows}


def pro_rata_band(fte: float, band: tuple[float, float]) -> tuple[int, int]:
    """The 50-70 band for a full-time IRO scaled to the IRO's FTE (0.6 FTE: 30 to 42)."""
    return round(band[0] * fte), round(band[1] * fte)


# --- suggestions -----------------------------------------------------------------------------


@dataclass
class Suggestion:
    iro: IRO
    children: int
    band: tuple[int, int]
    room: int  # children below the top of the pro-rata band (negative: above it)
    per_fte: float
    siblings: list[Child] = field(default_factory=list)
    previous: list[Allocation] = field(default_factory=list)
    in_scope: bool | None = None  # None: no contract limits this IRO
    reasons: list[str] = field(default_factory=list)

    def rank_key(self) -> tuple:
        """Contract first (an IRO outside it is listed last), then a sibling's IRO, then a
        previous IRO of the child, then the most room per FTE."""
        return (self.in_scope is False, not self.siblings, not self.previous,
                self.per_fte, self.iro.name)  # fmt: skip


def suggestions(child: Child, *, today: date, rules) -> list[Suggestion]:
    """Every IRO in post (but the child's current one), ranked and explained."""
    band = tuple(float(x) for x in rules.caseload.band_per_fte)
    loads, scopes = caseloads(today), contract_scopes()
    siblings = [c for c in siblings_of(child, today) if c.current_iro_id is not None]
    history = list(child.allocations.filter(start_date__lte=today).select_related("iro"))
    current = {a.iro_id for a in history if a.end_date is None or a.end_date >= today}
    age = age_on(child.dob, today)
    found = []
    for iro in in_post(today).exclude(pk__in=current):
        fte = float(iro.fte)
        low, high = pro_rata_band(fte, band)
        children = loads.get(iro.pk, 0)
        scope = scope_of(iro, scopes)
        found.append(
            Suggestion(
                iro=iro, children=children, band=(low, high), room=high - children,
                per_fte=round(children / fte, 1),
                siblings=[c for c in siblings if c.current_iro_id == iro.pk],
                previous=[a for a in history if a.iro_id == iro.pk],
                in_scope=None if scope is None else scope[0] <= age <= scope[1],
            )
        )  # fmt: skip
        found[-1].reasons = explain(found[-1], age=age, scope=scope, band=band)
    return sorted(found, key=Suggestion.rank_key)


def siblings_of(child: Child, today: date) -> list[Child]:
    """Children in the child's sibling groups (flags in force today), with their IROs."""
    in_force = Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    groups = Flag.objects.filter(in_force, child=child, flag=Flag.Kind.SIBLING_GROUP).values(
        "sibling_group"
    )
    flagged = Flag.objects.filter(in_force, flag=Flag.Kind.SIBLING_GROUP, sibling_group__in=groups)
    return list(
        Child.objects.filter(pk__in=flagged.values("child"))
        .exclude(pk=child.pk)
        .select_related("current_iro")
        .order_by("given_name", "child_id")
    )


def explain(found: Suggestion, *, age: int, scope, band) -> list[str]:
    """Each suggestion in plain words: caseload, siblings, history and contract."""
    children = f"{found.children} {'child' if found.children == 1 else 'children'}"
    full_time = f"{band[0]:g} to {band[1]:g} for a full-time IRO"
    if float(found.iro.fte) == 1:
        against = f"{children}, against {full_time}"
    else:
        against = (f"{children} at {float(found.iro.fte):g} FTE, against {found.band[0]} to "
                   f"{found.band[1]} ({full_time}, pro rata)")  # fmt: skip
    if found.room >= 0:
        load = f"Has room for {found.room} more: {against}."
    else:
        load = f"Is {-found.room} over the band: {against}."
    reasons = [load]
    for sibling in found.siblings:
        reasons.append(f"Is the IRO of {sibling.display_name}, a brother or sister in the same "
                       "sibling group: siblings usually share an IRO.")  # fmt: skip
    for held in found.previous:
        until = f" to {_long(held.end_date)}" if held.end_date else ""
        reasons.append(f"Was this child's IRO from {_long(held.start_date)}{until}.")
    if scope is not None:
        ages = f"{scope[0]} to {scope[1]} year olds"
        where = "inside" if found.in_scope else "outside"
        reasons.append(f"Works for {found.iro.provider}, whose contract covers {ages}: "
                       f"the child is {age}, {where} it.")  # fmt: skip
    return reasons


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- children waiting ------------------------------------------------------------------------


def without_iro(*, today: date, visible=None) -> list[Child]:
    """Children looked after on `today` with no IRO allocated (coming into care, or whose IRO
    left), with their current period of care, oldest start first."""
    found = (visible if visible is not None else Child.objects.all()).filter(looked_after=True)
    found = found.exclude(pk__in=allocated_on(today).values("child"))
    return list(
        found.select_related("current_period").order_by("current_period__start", "child_id")
    )


# --- the service -----------------------------------------------------------------------------


def _plain(allocation: Allocation) -> dict:
    return {
        "child": allocation.child_id,
        "iro": allocation.iro_id,
        "start_date": str(allocation.start_date),
        "end_date": str(allocation.end_date) if allocation.end_date else None,
        "change_reason": allocation.change_reason,
    }


def _check(child: Child, iro: IRO, start: date, reason: str) -> None:
    errors = {}
    if reason not in Allocation.ChangeReason.values:
        errors["reason"] = "Select the reason for the allocation"
    if iro.start_date > start or (iro.end_date is not None and iro.end_date < start):
        errors["iro"] = f"{iro.name} is not in post on {_long(start)}"
    later = child.allocations.filter(start_date__gt=start).order_by("start_date").first()
    if later is not None:
        errors["start"] = (f"The child already has an IRO from {_long(later.start_date)}: "
                           "the start must be on or after that date")  # fmt: skip
    if errors:
        raise ValidationError(errors)


def allocate(
    *,
    child: Child,
    iro: IRO,
    start: date,
    reason: str,
    by,
    note: str = "",
    today: date | None = None,
) -> Allocation:
    """Make `iro` the child's IRO from `start`: the allocation in force ends the day before
    (one chosen the same day is corrected instead), the new one starts, the child's current
    IRO is derived again as at `today`, and the change is audited with its reason and note.
    Raises ValidationError (by field) for an IRO not in post, an unknown reason, a later
    allocation already made, or the IRO the child already has."""
    _check(child, iro, start, reason)
    with transaction.atomic():
        Child.objects.select_for_update().filter(pk=child.pk).first()  # one allocator per child
        holding = list(allocated_on(start).filter(child=child).order_by("start_date"))
        if any(a.iro_id == iro.pk for a in holding):
            raise ValidationError({"iro": f"{iro.name} is already this child's IRO"})
        before = [_plain(a) for a in holding]
        made = _replace_or_end(child, iro, start, reason, holding)
        recompute([child.pk], as_at=today or date.today())
        record(by=by, action="allocated", target_type=TARGET, target_id=made.pk,
               before={"allocations": before},
               after={**_plain(made), "note": note.strip()})  # fmt: skip
    return made


def _replace_or_end(child, iro, start, reason, holding) -> Allocation:
    same_day = next((a for a in holding if a.start_date == start), None)
    for current in holding:
        if current is not same_day:
            current.end_date = start - ONE_DAY
            current.save(update_fields=["end_date"])
    if same_day is None:
        return Allocation.objects.create(
            child=child, iro=iro, start_date=start, change_reason=reason
        )
    # Chosen the same day: correct that choice rather than keep a row that never held.
    same_day.iro, same_day.change_reason, same_day.end_date = iro, reason, None
    same_day.save(update_fields=["iro", "change_reason", "end_date"])
    return same_day
