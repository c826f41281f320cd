"""The service navigation and the home page's list of things a person can do, by permission.

Each app registers its main pages once, from its AppConfig.ready():

    from irohub.accounts import navigation
    from irohub.accounts.roles import Permission

    class ReviewsConfig(AppConfig):
        def ready(self):
            navigation.register(
                "Reviews due", "reviews:due", Permission.VIEW_SERVICE,
                description="Reviews due in the next 20 working days, by IRO.", order=20,
            )

A person sees an entry only when they hold its permission (or every one, given a tuple; None
means any signed-in person). Registering the same url_name again replaces the entry, so a
second ready() in tests is harmless. Lower `order` comes first.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from irohub.accounts.access import user_can_all
from irohub.accounts.roles import Permission


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    permissions: tuple[Permission, ...]
    description: str = ""
    order: int = 100

    @property
    def href(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class Shown:
    """An entry as one person sees it: where it goes and whether it is the current page."""

    label: str
    href: str
    description: str
    current: bool


_REGISTRY: dict[str, Entry] = {}


def register(
    label: str,
    url_name: str,
    permission: Permission | tuple[Permission, ...] | None,
    *,
    description: str = "",
    order: int = 100,
) -> Entry:
    """Add (or replace) a navigation entry for the page named `url_name`."""
    if permission is None:
        permissions: tuple[Permission, ...] = ()
    elif isinstance(permission, Permission):
        permissions = (permission,)
    else:
        permissions = tuple(permission)
    entry = Entry(label, url_name, permissions, description, order)
    _REGISTRY[url_name] = entry
    return entry


def unregister(url_name: str) -> None:
    _REGISTRY.pop(url_name, None)


def entries() -> list[Entry]:
    return sorted(_REGISTRY.values(), key=lambda entry: (entry.order, entry.label))


def items_for(user, current=None) -> list[Shown]:
    """What `user` may open, in order; `current` is the request's resolver_match, if any.

    The current page is the entry whose url_name matches exactly; failing that, the first entry
    of the same app (URL namespace), so a child's page keeps "Caseload" highlighted.
    """
    allowed = [entry for entry in entries() if user_can_all(user, entry.permissions)]
    current_entry = _current(allowed, current)
    return [
        Shown(entry.label, entry.href, entry.description, entry is current_entry)
        for entry in allowed
    ]


def _current(allowed: list[Entry], current) -> Entry | None:
    view_name = getattr(current, "view_name", None)
    namespace = getattr(current, "namespace", "") or ""
    exact = [entry for entry in allowed if entry.url_name == view_name]
    if exact:
        return exact[0]
    same_app = [
        entry for entry in allowed if namespace and entry.url_name.rpartition(":")[0] == namespace
    ]
    return same_app[0] if same_app else None
