"""Every URL is either explicitly public or checks a permission (DESIGN.md §4.5).

The walker follows the whole URL resolver; the Django admin (which checks is_staff and its own
model permissions) and static file serving are the only views allowed without a marking.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, include, path

from irohub.accounts.access import PermissionRequiredMixin, PublicMixin, access_of, public, requires
from irohub.accounts.roles import Permission

ALLOWED_NAMESPACES = {"admin"}
ALLOWED_CALLBACKS = {
    "django.views.static.serve",
    "django.contrib.staticfiles.views.serve",
}


def _qualified(callback) -> str:
    target = getattr(callback, "view_class", callback)
    return f"{target.__module__}.{getattr(target, '__qualname__', target)}"


def unchecked_views(patterns, prefix: str = "") -> list[str]:
    """Route and view of every URL whose view is neither public nor permission-checked."""
    found = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name in ALLOWED_NAMESPACES or entry.namespace in ALLOWED_NAMESPACES:
                continue
            found += unchecked_views(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            if _qualified(entry.callback) in ALLOWED_CALLBACKS:
                continue
            if access_of(entry.callback) is None:
                found.append(f"/{route} -> {_qualified(entry.callback)}")
    return found


def all_views(patterns) -> int:
    total = 0
    for entry in patterns:
        if isinstance(entry, URLResolver):
            total += all_views(entry.url_patterns)
        else:
            total += 1
    return total


def test_every_url_is_public_or_checks_a_permission():
    unchecked = unchecked_views(get_resolver().url_patterns)
    assert not unchecked, "Views with no access check (use requires/public):\n" + "\n".join(
        unchecked
    )


def test_the_site_has_views_to_check():
    assert all_views(get_resolver().url_patterns) > 1


# --- the walker itself catches what it should ---------------------------------------------------


def _unmarked(request):
    return HttpResponse("anyone")


@public
def _open(request):
    return HttpResponse("open")


@requires(Permission.VIEW_AUDIT)
def _guarded(request):
    return HttpResponse("guarded")


class _GuardedView(PermissionRequiredMixin):
    required_permissions = (Permission.VIEW_SERVICE,)


class _OpenView(PublicMixin):
    pass


def _fake_as_view(cls):
    def view(request):
        return HttpResponse("x")

    view.view_class = cls
    return view


def test_walker_catches_an_unmarked_view_even_when_nested():
    nested = [path("inner/", _unmarked, name="inner")]
    patterns = [
        path("open/", _open),
        path("guarded/", _guarded),
        path("section/", include((nested, "section"))),
    ]
    assert unchecked_views(patterns) == [f"/section/inner/ -> {__name__}._unmarked"]


def test_walker_accepts_marked_class_based_views_and_refuses_a_plain_one():
    class _PlainView:
        pass

    patterns = [
        path("a/", _fake_as_view(_GuardedView)),
        path("b/", _fake_as_view(_OpenView)),
        path("c/", _fake_as_view(_PlainView)),
    ]
    unchecked = unchecked_views(patterns)
    assert len(unchecked) == 1 and unchecked[0].startswith("/c/")


def test_walker_allows_the_admin_namespace():
    admin_like = [path("secret/", _unmarked)]
    assert unchecked_views([path("admin/", include((admin_like, "admin")))]) == []
