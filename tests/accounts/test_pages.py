"""Home, account, error pages and the health check."""

from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import RequestFactory
from django.utils.html import escape

from irohub.accounts import navigation
from irohub.accounts.roles import ROLES
from irohub.config import views

pytestmark = pytest.mark.django_db


@pytest.fixture
def generic_home():
    """The generic landing page, whatever landing pages other apps have registered."""
    saved = dict(navigation._LANDINGS)
    navigation._LANDINGS.clear()
    yield
    navigation._LANDINGS.update(saved)


@pytest.mark.parametrize("role", list(ROLES))
def test_home_names_the_role_and_describes_it(signed_in_client, role, generic_home):
    page = signed_in_client(role).get("/").content.decode()
    assert f'<h1 class="govuk-heading-l">{ROLES[role].name}</h1>' in page
    assert escape(ROLES[role].description) in page
    assert "What you can do" in page


def test_home_lists_the_roles_links_with_descriptions(signed_in_client, generic_home):
    page = signed_in_client("manager").get("/").content.decode()
    assert 'href="/audit/">Audit trail</a>' in page
    assert "See who opened and changed which records" in page


def test_account_page_shows_name_role_and_second_factor(signed_in_client, user_factory):
    person = user_factory(role="business_support", first_name="Alex", last_name="Example")
    page = signed_in_client(user=person).get("/accounts/account/").content.decode()
    assert "Alex Example" in page
    assert "Business support" in page
    assert ">Off</strong>" in page
    assert "Set up a second factor" in page


def test_403_page(signed_in_client):
    response = signed_in_client("iro").get("/audit/")
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_404_page(signed_in_client, client):
    for who in (signed_in_client("iro"), client):
        response = who.get("/no-such-page/")
        assert response.status_code == 404
        assert '<h1 class="govuk-heading-l">Page not found</h1>' in response.content.decode()


def test_500_page_needs_no_navigation():
    request = RequestFactory().get("/")
    response = views.server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page
    assert "govuk-service-navigation" not in page


def test_health_checks_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_reports_a_database_failure(client):
    with mock.patch.object(views.connection, "cursor", side_effect=OperationalError("down")):
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_static_assets_are_served(client):
    css = client.get("/static/govuk/govuk-frontend.min.css")
    assert css.status_code == 200
    assert b"govuk-template" in b"".join(css.streaming_content)
    assert client.get("/static/irohub/init.js").status_code == 200


def test_no_template_syntax_leaks_into_pages(signed_in_client, client, generic_home):
    for page in (signed_in_client("manager").get("/"), client.get("/accounts/sign-in/")):
        text = page.content.decode()
        assert "{#" not in text and "{%" not in text and "{{" not in text


def test_favicon_requests_get_an_empty_answer(client):
    assert client.get("/favicon.ico").status_code == 204
