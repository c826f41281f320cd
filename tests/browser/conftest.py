"""Real-browser helpers for every journey: the system Chromium, signing in, and axe-core.

    @pytest.mark.browser
    def test_my_journey(page, live_server, user_factory, test_password):
        user = user_factory(role="manager")
        sign_in(page, live_server.url, user.username, test_password)
        page.goto(f"{live_server.url}/somewhere/")
        check_accessibility(page, "manager-somewhere")   # zero axe violations, and a screenshot

Browser tests SKIP when /usr/bin/chromium is missing, unless IROHUB_REQUIRE_BROWSER=1 (CI), in
which case they FAIL. Install it with `apt-get install -y chromium`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# the ORM calls the fixtures make there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies) and page for each test."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in through the real form and wait for the page it leads to."""
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def axe_violations(page) -> list[dict]:
    """Run axe-core (vendored, no network) on the page as it is now; return its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    """Violations as a reader would want them: rule, impact, help link, and each element."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {', '.join(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower()).strip('-')}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check_accessibility(page, name: str) -> None:
    """Save a screenshot, then assert axe-core finds zero violations on the page."""
    screenshot(page, name)
    violations = axe_violations(page)
    assert not violations, f"axe found violations on {name} ({page.url}):\n" + describe_violations(
        violations
    )


# The same helpers as fixtures, for journeys that prefer not to import from conftest.
@pytest.fixture
def axe_check():
    """`axe_check(page, "name")`: screenshot, then zero axe violations."""
    return check_accessibility


@pytest.fixture
def browser_sign_in(live_server):
    """`browser_sign_in(page, username, password)` against the live server."""
    return lambda page, username, password: sign_in(page, live_server.url, username, password)
