"""Who may see which children: the one place visibility is decided (DESIGN.md §4.3).

* An IRO sees the children allocated to them on the day, and a colleague's children (or one
  child) only while a manager's cover grant applies (irohub.staff.cover).
* A commissioned IRO sees the children allocated on the day to any IRO of their provider
  (`User.provider`, else the provider of their own IRO record), and their own cover.
* People who run the service (VIEW_SERVICE: managers, business support) and administrators
  (MANAGE_SETTINGS) see every child.
* Anyone else (senior leaders) sees no child: they read figures, never records.

Selectors and views narrow every child query through `visible_children`, which is one lazy
queryset (subqueries, no query of its own), so a list page stays a fixed number of queries.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from irohub.accounts.access import user_can
from irohub.accounts.roles import Permission
from irohub.children.models import Child
from irohub.staff.cover import active_on
from irohub.staff.models import IRO, Allocation, CoverGrant


def sees_every_child(user) -> bool:
    return user_can(user, Permission.VIEW_SERVICE) or user_can(user, Permission.MANAGE_SETTINGS)


def allocated_on(day: date) -> QuerySet[Allocation]:
    """Allocations in force on `day` (start on or before, end blank or on or after)."""
    return Allocation.objects.filter(start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )


def provider_of(user) -> str:
    """The provider whose contract scopes a commissioned IRO (blank: none known)."""
    if user.provider:
        return user.provider
    return IRO.objects.filter(user=user).values_list("provider", flat=True).first() or ""


def cover_parts(user, *, on: date) -> list[QuerySet]:
    """Child ids this user may see on `on` through cover grants, as one-column querysets
    (unordered, so they can be parts of a UNION): by a colleague's caseload, by one child."""
    grants = CoverGrant.objects.filter(active_on(on), covering_iro__user=user)
    by_iro = allocated_on(on).filter(iro__in=grants.exclude(covered_iro=None).values("covered_iro"))
    by_child = grants.exclude(child=None)
    return [by_iro.values("child_id").order_by(), by_child.values("child_id").order_by()]


def visible_children(user, *, on: date) -> QuerySet[Child]:
    """The children `user` may see on `on` (a lazy queryset; filter and annotate it freely)."""
    if sees_every_child(user):
        return Child.objects.all()
    if user_can(user, Permission.VIEW_CONTRACT_CASELOAD):
        provider = provider_of(user)
        own = (
            allocated_on(on).filter(iro__provider=provider)
            if provider
            else Allocation.objects.none()
        )
    elif user_can(user, Permission.VIEW_OWN_CASELOAD):
        own = allocated_on(on).filter(iro__user=user)
    else:
        return Child.objects.none()
    # One IN over a UNION, not an OR of two INs: PostgreSQL turns the OR into a scan of every
    # child (and, on a large council, compiles it with JIT for longer than the page takes).
    own = own.values("child_id").order_by()
    return Child.objects.filter(pk__in=own.union(*cover_parts(user, on=on)))


def can_see_child(user, child: Child, *, on: date) -> bool:
    """Whether `user` may open this child's record on `on`."""
    if sees_every_child(user):
        return True
    return visible_children(user, on=on).filter(pk=child.pk).exists()


def visible_iros(user) -> QuerySet[IRO]:
    """The IROs whose caseload pages `user` may open: every IRO for the service's managers, the
    provider's IROs for a commissioned IRO, else their own IRO record."""
    if sees_every_child(user):
        return IRO.objects.all()
    if user_can(user, Permission.VIEW_CONTRACT_CASELOAD):
        provider = provider_of(user)
        return IRO.objects.filter(provider=provider) if provider else IRO.objects.filter(user=user)
    if user_can(user, Permission.VIEW_OWN_CASELOAD):
        return IRO.objects.filter(user=user)
    return IRO.objects.none()
