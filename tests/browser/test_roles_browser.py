"""Every role signs in in a real browser; every page it can reach passes axe-core."""

from __future__ import annotations

import pytest
from django.urls import reverse

from irohub.accounts.roles import ROLES

from .conftest import check_accessibility, sign_in, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def navigation_links(page) -> list[tuple[str, str]]:
    """(label, href) of the service navigation's links, as this person sees them."""
    links = page.locator(".govuk-service-navigation__list a.govuk-service-navigation__link")
    return [
        (links.nth(index).inner_text().strip(), links.nth(index).get_attribute("href"))
        for index in range(links.count())
    ]


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_signs_in_and_every_page_it_can_reach_is_accessible(
    role, page, live_server, user_factory, test_password
):
    user = user_factory(
        role=role, username=f"browser-{role}", first_name="Pat", last_name="Example"
    )
    sign_in(page, live_server.url, user.username, test_password)
    # "/" is the generic landing page, or the page an app registered as this role's home.
    assert "/accounts/sign-in/" not in page.url
    check_accessibility(page, f"{role}-landing")
    if page.url == f"{live_server.url}/":
        assert page.locator("h1").inner_text() == ROLES[role].name

    visited = {page.url.removeprefix(live_server.url)}
    for label, href in navigation_links(page):
        if href in visited:
            continue
        visited.add(href)
        page.goto(f"{live_server.url}{href}")
        assert page.locator("h1").count() >= 1, f"{label} ({href}) has no heading"
        check_accessibility(page, f"{role}-{label}")
    assert reverse("accounts:account") in visited

    sign_out(page)
    assert "You have signed out" in page.content()


def test_public_and_error_pages_are_accessible(page, live_server, user_factory, test_password):
    page.goto(f"{live_server.url}/accounts/sign-in/")
    check_accessibility(page, "sign-in")

    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page, "sign-in-with-errors")

    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    check_accessibility(page, "page-not-found")

    user_factory(role="iro", username="browser-signed-in")
    sign_in(page, live_server.url, "browser-signed-in", test_password)
    response = page.goto(f"{live_server.url}/audit/")
    assert response.status == 403
    check_accessibility(page, "permission-denied")


def test_five_wrong_passwords_show_an_accessible_lockout_page(page, live_server, user_factory):
    user_factory(role="manager", username="browser-locked")
    for _ in range(5):
        sign_in(page, live_server.url, "browser-locked", "not-the-password")
    assert page.locator("h1").inner_text() == "You cannot sign in for 15 minutes"
    assert "You can try again after" in page.content()
    check_accessibility(page, "locked-out")


def test_second_factor_pages_are_accessible(page, live_server, user_factory, test_password):
    user_factory(role="business_support", username="browser-mfa")
    sign_in(page, live_server.url, "browser-mfa", test_password)
    page.goto(f"{live_server.url}/accounts/account/")
    page.get_by_role("button", name="Set up a second factor").click()
    assert page.locator(".irohub-qr svg").is_visible()
    check_accessibility(page, "second-factor-set-up")
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Confirm").click()
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page, "second-factor-wrong-code")
