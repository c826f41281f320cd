"""The HTML report: GOV.UK markup, every chart followed by its table, self-contained."""

from __future__ import annotations

import re

import lxml.html
import pytest

from irohub.reporting.document import Section, Table
from irohub.reporting.render import render_html

from .helpers import charts_of, expected_cells, tables_of


@pytest.fixture(scope="module")
def page(rendered):
    return lxml.html.document_fromstring(rendered["html"])


def test_every_chart_is_followed_by_the_table_it_draws(doc, page):
    tables_by_id = {t.id: t for t in tables_of(doc)}
    charts = {f"chart-{c.id}": c for c in charts_of(doc)}
    figures = page.xpath("//figure")
    assert len(figures) == len(charts) == 6
    for figure in figures:
        chart = charts[figure.xpath(".//svg/@id")[0]]
        following = figure.xpath("following::table[1]")[0]
        assert following.get("data-table-id") == chart.table_id
        assert chart.table_id in tables_by_id
        # Nothing but the table's wrapper stands between the chart and its table.
        assert figure.getnext().xpath("./table") == [following]


def test_tables_have_captions_scoped_headers_and_numeric_alignment(doc, page):
    tables = page.xpath("//table")
    assert len(tables) == len(tables_of(doc))
    for number, (element, table) in enumerate(zip(tables, tables_of(doc), strict=True), start=1):
        assert element.xpath("string(caption)").strip() == f"Table {number}: {table.title}"
        assert "govuk-table" in element.get("class")
        assert {th.get("scope") for th in element.xpath("thead//th")} == {"col"}
        for row in element.xpath("tbody/tr"):
            assert row[0].tag == "th" and row[0].get("scope") == "row"
        kinds = table.column_kinds()
        for row in element.xpath("tbody/tr"):
            for cell, kind in zip(row[1:], kinds[1:], strict=True):
                numeric = "govuk-table__cell--numeric" in cell.get("class")
                assert numeric == (kind in ("count", "pct", "rate", "number"))


def test_table_cells_are_the_documents_figures(doc, page):
    for element, table in zip(page.xpath("//table"), tables_of(doc), strict=True):
        rows = [[c.text_content().strip() for c in tr] for tr in element.xpath(".//tr")]
        assert rows == expected_cells(table)


def test_total_rows_are_marked(page):
    totals = page.xpath("//tr[contains(@class, 'irohub-table__total')]")
    assert [t[0].text_content() for t in totals] == ["Total", "Total", "All", "Total", "Total"]


def test_no_external_reference_of_any_kind(rendered, page):
    html = rendered["html"]
    assert not re.search(r"https?:|//[a-z]", html, re.IGNORECASE)
    assert not page.xpath("//link | //script | //img | //iframe | //@src")
    assert all(href.startswith("#") for href in page.xpath("//@href"))
    assert "url(" not in "".join(page.xpath("//style/text()"))


def test_links_resolve_and_ids_are_unique(page):
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in page.xpath("//a/@href"):
        assert href[1:] in ids


def test_contents_lists_every_section_with_numbers(page):
    entries = [a.text_content() for a in page.xpath("//nav[@class='irohub-contents']//a")]
    assert entries == [
        "1 Summary of key messages",
        "2 The children in care",
        "2.1 Unaccompanied children",
        "3 Reviews",
        "4 Escalations",
        "About the figures",
    ]


def test_headings_follow_the_govuk_scale(page):
    assert page.xpath("//h1/@class") == ["govuk-heading-xl"]
    assert set(page.xpath("//section/h2/@class")) == {"govuk-heading-l"}
    assert page.xpath("//section/h3/@class") == ["govuk-heading-m"]
    assert (
        page.xpath("string(//section[@id='section-uasc']/h3)").strip()
        == "2.1 Unaccompanied children"
    )


def test_charts_are_accessible_inline_svg(page):
    for svg in page.xpath("//figure//svg"):
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.xpath(f".//title[@id='{title_id}']") and svg.xpath(f".//desc[@id='{desc_id}']")
    captions = page.xpath("//figcaption")
    assert captions[0].text_content().startswith("Figure 1: Children in care by age band")


def test_narrative_is_escaped_and_quotes_are_set_apart(doc):
    doc.sections[0].narrative = ["<script>alert('x')</script> & more", "> A young person said so."]
    html = render_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    page = lxml.html.document_fromstring(html)
    assert page.xpath("string(//blockquote)").strip() == "A young person said so."


def test_standalone_file_embeds_its_stylesheet_and_metadata(rendered):
    html = rendered["html"]
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en-GB"' in html
    assert "@page" in html and "counter(pages)" in html
    assert '<meta name="author" content="Northbrook Borough Council">' in html


def test_site_body_is_only_the_article(doc):
    body = render_html(doc, standalone=False).strip()
    assert body.startswith("<article") and body.endswith("</article>")
    assert "<style" not in body and "<html" not in body


def test_internal_and_published_versions_say_which_they_are(doc):
    assert "Internal version" in render_html(doc)
    doc.publication = True
    html = render_html(doc)
    assert "Internal version" not in html and "Published version" in html


def test_a_chart_drawing_a_table_of_another_section_is_refused(doc):
    doc.sections[0].tables.append(Table("stray", "Stray", ["A", "B"], [["x", 1]]))
    doc.sections[0].subsections.append(Section("more", "More"))
    doc.sections[0].charts.append(doc.sections[1].charts[0])
    with pytest.raises(ValueError, match="not in section 'summary'"):
        render_html(doc)
