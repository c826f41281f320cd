"""A realistic hand-built document (irohub.reporting.render.sample) and its files, each rendered
once per session: no database is involved anywhere."""

from __future__ import annotations

import pytest

from irohub.reporting import render
from irohub.reporting.document import ReportDocument
from irohub.reporting.render.sample import sample_document


@pytest.fixture
def doc() -> ReportDocument:
    return sample_document()


@pytest.fixture(scope="session")
def rendered() -> dict[str, str | bytes]:
    """The sample in every format, rendered once (the PDF alone takes a second or two)."""
    doc = sample_document()
    return {fmt: render.render(doc, fmt) for fmt in render.FORMATS}
