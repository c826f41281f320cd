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

An app whose page should be a role's home instead of the generic landing page (an IRO's
caseload, a manager's dashboard) registers it as a landing page; "/" then redirects there:

    navigation.register_landing("children:caseload", Permission.VIEW_OWN_CASELOAD, order=10)

A person sees an entry only when they hold its permission (or every one, given a tuple; None
means any signed-in person). Registering the same url_name again replaces the entry, so a
second ready() in tests is harmless. Lower `order` comes first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

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


logger = logging.getLogger(__name__)

_REGISTRY: dict[str, Entry] = {}
_LANDINGS: dict[str, Entry] = {}


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
    # Each entry's address is reversed once (it used to be reversed again to check it resolves):
    # this runs on every page.
    hrefs = {
        entry: href
        for entry in entries()
        if user_can_all(user, entry.permissions) and (href := _href(entry)) is not None
    }
    current_entry = _current(list(hrefs), current)
    return [
        Shown(entry.label, href, entry.description, entry is current_entry)
        for entry, href in hrefs.items()
    ]


def _href(entry: Entry) -> str | None:
    # An app may register its entry before its URLs are mounted in config/urls.py; one missing
    # page must not break every page. tests/accounts/test_navigation.py fails on it instead.
    try:
        return entry.href
    except NoReverseMatch:
        logger.warning("Navigation entry %r names an unknown URL %r", entry.label, entry.url_name)
        return None


def _resolvable(entry: Entry) -> bool:
    return _href(entry) is not None


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


def register_landing(
    url_name: str, permission: Permission | tuple[Permission, ...], *, order: int = 100
) -> None:
    """Make `url_name` the home page of everyone holding `permission` (lowest order wins)."""
    permissions = (permission,) if isinstance(permission, Permission) else tuple(permission)
    _LANDINGS[url_name] = Entry("", url_name, permissions, "", order)


def unregister_landing(url_name: str) -> None:
    _LANDINGS.pop(url_name, None)


def landing_for(user) -> str | None:
    """Where "/" should take `user`, or None for the generic landing page."""
    for entry in sorted(_LANDINGS.values(), key=lambda entry: (entry.order, entry.url_name)):
        if user_can_all(user, entry.permissions) and _resolvable(entry):
            return entry.href
    return None
