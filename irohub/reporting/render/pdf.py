"""The report as PDF: WeasyPrint prints exactly the standalone HTML, with its print stylesheet.

A4 pages, "Page n of N", headings and charts kept with their tables (the @media print rules of
standalone.css and report.css).
Nothing is fetched while printing: the HTML carries its CSS and inline SVG, and any URL would be
an error rather than a network or file request.
"""

from __future__ import annotations

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from irohub.reporting.document import ReportDocument
from irohub.reporting.render.html import render_html


class _FetchNothing(URLFetcher):
    def fetch(self, url, headers=None):
        raise ValueError(f"the report must be self-contained, but it refers to {url}")


def render_pdf(doc: ReportDocument) -> bytes:
    """A tagged PDF (headings, tables and figures marked up for screen readers)."""
    html = HTML(
        string=render_html(doc, standalone=True),
        base_url=None,
        url_fetcher=_FetchNothing(fail_on_errors=True),
    )
    try:
        return html.write_pdf(pdf_tags=True)
    except FatalURLFetchingError as error:  # a BaseException in WeasyPrint: make it an ordinary one
        raise ValueError(str(error.__cause__ or error)) from error
