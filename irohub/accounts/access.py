"""Access control for every view: each one is either explicitly public or checks permissions.

Use exactly one of these on every view (tests/test_url_permissions.py fails for a view with none):

    from irohub.accounts.access import requires, public, PermissionRequiredMixin, PublicMixin
    from irohub.accounts.roles import Permission

    @requires(Permission.VIEW_SERVICE)          # signed in and holding every permission named
    def caseload(request): ...

    @requires()                                 # any signed-in person (home, own account)
    def account(request): ...

    @public                                     # no sign-in at all (sign-in page, health check)
    def health(request): ...

    class DashboardView(PermissionRequiredMixin, TemplateView):
        required_permissions = (Permission.VIEW_DASHBOARD,)

    class FeedbackFormView(PublicMixin, FormView): ...

Someone not signed in is sent to the sign-in page with `next`; someone signed in without a
permission gets the 403 page. Views check permissions, never roles (see roles.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse

from irohub.accounts.roles import Permission

ACCESS_ATTRIBUTE = "irohub_access"
PUBLIC = ("public",)


def user_can(user, permission: Permission) -> bool:
    """True when `user` is a signed-in, active person whose role grants `permission`."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.can(permission)


def user_can_all(user, permissions: Iterable[Permission]) -> bool:
    """True when `user` is signed in and holds every one of `permissions` (none: just signed in)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return all(user.can(permission) for permission in permissions)


def _checked(permissions: Iterable) -> tuple[Permission, ...]:
    # Fail at import time on a typo rather than silently letting everyone in.
    checked = tuple(permissions)
    for permission in checked:
        if not isinstance(permission, Permission):
            raise ImproperlyConfigured(f"{permission!r} is not an irohub Permission")
    return checked


def check_access(request, permissions: tuple[Permission, ...]):
    """None when the request may go on; otherwise the response (sign-in redirect) or a 403."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        sign_in = redirect_to_login(request.get_full_path())
        if request.headers.get("HX-Request"):
            # An htmx fragment would otherwise swap the sign-in page into part of a page.
            refused = HttpResponse(status=204)
            refused["HX-Redirect"] = sign_in["Location"]
            return refused
        return sign_in
    if not user_can_all(user, permissions):
        raise PermissionDenied("You do not have permission to see this page.")
    return None


def requires(*permissions: Permission) -> Callable:
    """Decorate a function view: the person must be signed in and hold every permission named."""
    checked = _checked(permissions)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            refused = check_access(request, checked)
            if refused is not None:
                return refused
            return view(request, *args, **kwargs)

        setattr(wrapper, ACCESS_ATTRIBUTE, ("requires", checked))
        return wrapper

    return decorator


def public(view: Callable) -> Callable:
    """Mark a function view as deliberately open to anyone, signed in or not."""
    setattr(view, ACCESS_ATTRIBUTE, PUBLIC)
    return view


class PermissionRequiredMixin:
    """For class-based views: list the permissions in `required_permissions` (empty: signed in)."""

    required_permissions: tuple[Permission, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.irohub_access = ("requires", _checked(cls.required_permissions))

    def dispatch(self, request, *args, **kwargs):
        refused = check_access(request, tuple(self.required_permissions))
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)


class PublicMixin:
    """For class-based views that are deliberately open to anyone, signed in or not."""

    irohub_access = PUBLIC


def access_of(callback: Callable) -> tuple | None:
    """The access marking of a resolved URL callback (function or `as_view()`), or None."""
    seen = callback
    while seen is not None:
        marking = getattr(seen, ACCESS_ATTRIBUTE, None)
        if marking is None:
            marking = getattr(getattr(seen, "view_class", None), ACCESS_ATTRIBUTE, None)
        if marking is not None:
            return marking
        seen = getattr(seen, "__wrapped__", None)
    return None
