"""requires / public / the mixins behave as the access API promises."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from irohub.accounts.access import (
    PermissionRequiredMixin,
    PublicMixin,
    access_of,
    public,
    requires,
    user_can,
)
from irohub.accounts.roles import Permission

pytestmark = pytest.mark.django_db


@requires(Permission.VIEW_AUDIT)
def audit_page(request):
    return HttpResponse("ok")


@requires()
def any_signed_in(request):
    return HttpResponse("ok")


class DashboardView(PermissionRequiredMixin, View):
    required_permissions = (Permission.VIEW_DASHBOARD,)

    def get(self, request):
        return HttpResponse("ok")


class OpenView(PublicMixin, View):
    def get(self, request):
        return HttpResponse("ok")


def _request(user=None, path="/somewhere/?x=1"):
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    return request


def test_anonymous_is_sent_to_sign_in_with_next():
    response = audit_page(_request())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert "next=/somewhere/%3Fx%3D1" in response["Location"]


def test_an_htmx_request_after_the_session_ended_redirects_the_whole_page():
    request = RequestFactory().get("/somewhere/", headers={"HX-Request": "true"})
    request.user = AnonymousUser()
    response = audit_page(request)
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/accounts/sign-in/?next=")


def test_signed_in_without_the_permission_is_refused(users):
    with pytest.raises(PermissionDenied):
        audit_page(_request(users["iro"]))


def test_signed_in_with_the_permission_gets_the_page(users):
    assert audit_page(_request(users["manager"])).status_code == 200
    assert audit_page(_request(users["administrator"])).status_code == 200


def test_requires_nothing_means_any_signed_in_person(users):
    assert any_signed_in(_request(users["senior_leader"])).status_code == 200
    assert any_signed_in(_request()).status_code == 302


def test_an_inactive_person_has_no_permissions(users):
    manager = users["manager"]
    manager.is_active = False
    assert not user_can(manager, Permission.VIEW_AUDIT)
    assert not user_can(AnonymousUser(), Permission.VIEW_AUDIT)
    assert not user_can(None, Permission.VIEW_AUDIT)


def test_mixin_checks_permissions(users):
    view = DashboardView.as_view()
    assert view(_request()).status_code == 302
    with pytest.raises(PermissionDenied):
        view(_request(users["business_support"]))
    assert view(_request(users["senior_leader"])).status_code == 200


def test_public_views_are_open():
    assert OpenView.as_view()(_request()).status_code == 200


def test_markings_are_readable_from_the_url_callback():
    assert access_of(audit_page) == ("requires", (Permission.VIEW_AUDIT,))
    assert access_of(DashboardView.as_view()) == ("requires", (Permission.VIEW_DASHBOARD,))
    assert access_of(OpenView.as_view()) == ("public",)
    assert access_of(public(lambda request: None)) == ("public",)
    assert access_of(lambda request: None) is None


def test_a_typo_in_a_permission_fails_at_import_time():
    with pytest.raises(ImproperlyConfigured):
        requires("view_audit")
    with pytest.raises(ImproperlyConfigured):

        class Broken(PermissionRequiredMixin, View):
            required_permissions = ("view_audit",)
