"""The standalone HTML report checked by axe-core in the system Chromium (WCAG 2.2 A and AA)."""

from __future__ import annotations

from pathlib import Path

import pytest

from irohub.reporting.publication import publish_document
from irohub.reporting.render import render_html
from irohub.reporting.render.sample import sample_document

AXE = Path(__file__).resolve().parents[2] / "browser" / "vendor" / "axe.min.js"
pytestmark = pytest.mark.browser


def _violations(browser, html: str) -> list[str]:
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.abort())  # the file must need nothing else
        page.set_content(html)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = page.evaluate(
            """async () => (await axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})).violations"""
        )
    finally:
        page.close()
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in found]


@pytest.mark.parametrize("public", [False, True], ids=["internal", "published"])
def test_the_report_has_no_accessibility_violations(browser, public):
    doc = sample_document()
    if public:
        doc = publish_document(doc)
    assert _violations(browser, render_html(doc)) == []
