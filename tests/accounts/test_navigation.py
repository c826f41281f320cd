"""The navigation registry and the service navigation shown by role."""

import pytest
from django.test import RequestFactory
from django.urls import resolve

from irohub.accounts import navigation
from irohub.accounts.roles import Permission

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    """Restore the real registry after a test adds to it."""
    saved, landings = dict(navigation._REGISTRY), dict(navigation._LANDINGS)
    yield navigation
    navigation._REGISTRY.clear()
    navigation._REGISTRY.update(saved)
    navigation._LANDINGS.clear()
    navigation._LANDINGS.update(landings)


def test_entries_are_filtered_by_permission_and_ordered(registry, users):
    registry.register("Dashboard", "home", Permission.VIEW_DASHBOARD, order=5)
    manager = [item.label for item in registry.items_for(users["manager"])]
    iro = [item.label for item in registry.items_for(users["iro"])]
    assert manager[0] == "Dashboard" and "Audit trail" in manager
    assert "Dashboard" not in iro and "Audit trail" not in iro


def test_no_permission_means_any_signed_in_person_but_never_anonymous(registry, users):
    from django.contrib.auth.models import AnonymousUser

    registry.register("Help", "home", None)
    assert "Help" in [item.label for item in registry.items_for(users["senior_leader"])]
    assert registry.items_for(AnonymousUser()) == []


def test_several_permissions_must_all_be_held(registry, users):
    registry.register("Import", "home", (Permission.IMPORT_DATA, Permission.VIEW_AUDIT))
    assert "Import" in [i.label for i in registry.items_for(users["administrator"])]
    assert "Import" not in [i.label for i in registry.items_for(users["business_support"])]


def test_registering_again_replaces(registry):
    registry.register("Old", "home", None)
    registry.register("New", "home", None)
    assert [entry.label for entry in registry.entries()].count("New") == 1
    assert "Old" not in [entry.label for entry in registry.entries()]


def test_the_current_page_is_marked(users):
    match = resolve("/audit/")
    shown = navigation.items_for(users["manager"], current=match)
    assert [item.label for item in shown if item.current] == ["Audit trail"]


def test_service_navigation_shows_only_allowed_links(signed_in_client):
    manager_page = signed_in_client("manager").get("/accounts/account/").content.decode()
    iro_page = signed_in_client("iro").get("/accounts/account/").content.decode()
    assert 'href="/audit/">Audit trail' in manager_page
    assert "Audit trail" not in iro_page
    assert "Sign out" in iro_page and "Your account" in iro_page


def test_the_administrator_sees_the_django_admin_link(signed_in_client):
    page = signed_in_client("administrator").get("/accounts/account/").content.decode()
    assert 'href="/admin/">Administration' in page


def test_anonymous_pages_have_no_service_links(client):
    page = client.get("/accounts/sign-in/").content.decode()
    assert "Sign out" not in page and "govuk-service-navigation__list" not in page


def test_current_page_is_bold_and_aria_current(signed_in_client):
    page = signed_in_client("manager").get("/audit/").content.decode()
    assert (
        'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Audit trail'
        in page
    )


def test_without_a_resolved_url_nothing_is_current(users):
    request = RequestFactory().get("/")
    shown = navigation.items_for(users["manager"], current=getattr(request, "resolver_match", None))
    assert shown and not any(item.current for item in shown)


def test_a_registered_landing_page_becomes_that_roles_home(registry, signed_in_client):
    registry._LANDINGS.clear()  # only this test's landings
    registry.register_landing("audit:events", Permission.VIEW_AUDIT, order=10)
    registry.register_landing("accounts:account", Permission.VIEW_AUDIT, order=20)
    response = signed_in_client("manager").get("/")
    assert response.status_code == 302 and response["Location"] == "/audit/"
    assert signed_in_client("iro").get("/").status_code == 200  # no landing for the IRO


def test_every_registered_entry_and_landing_names_a_mounted_url():
    from django.urls import reverse

    for entry in [*navigation.entries(), *navigation._LANDINGS.values()]:
        reverse(entry.url_name)  # NoReverseMatch: mount the app's urls in irohub/config/urls.py


def test_an_entry_for_an_unmounted_url_is_left_out_rather_than_breaking_pages(
    registry, signed_in_client
):
    registry.register("Nowhere", "nowhere:index", None)
    response = signed_in_client("iro").get("/accounts/account/")
    assert response.status_code == 200 and "Nowhere" not in response.content.decode()
