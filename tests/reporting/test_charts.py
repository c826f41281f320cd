"""Charts: one code path for SVG and PNG, deterministic, accessible, never colour alone."""

from __future__ import annotations

import re

import pytest

from irohub.reporting import charts
from irohub.reporting.document import CHART_KINDS, Chart, Table
from irohub.reporting.render.sample import sample_document

TABLE = Table(
    "by-age",
    "Children in care by age band",
    ["Age band", "Boys", "Girls", "Total"],
    [["under 1", 6, 4, 10], ["1-4", 31, 29, 60], ["5-9", "c", 20, 32], ["Total", 9001, 9002, 102]],
    kinds=["label", "count", "count", "count"],
    total_row=True,
)


def _chart(kind: str, series=("Boys", "Girls")) -> Chart:
    return Chart(f"chart-{kind}", f"A {kind} chart", kind, "by-age", list(series))


@pytest.fixture(autouse=True)
def _no_cache():
    charts._cache.clear()  # each test draws afresh
    yield
    charts._cache.clear()


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_kind_draws_as_svg_and_png(kind):
    svg = charts.chart_svg(_chart(kind), TABLE)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert charts.chart_png(_chart(kind), TABLE).startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_same_input_gives_the_same_bytes(kind):
    first_svg, first_png = (
        charts.chart_svg(_chart(kind), TABLE),
        charts.chart_png(_chart(kind), TABLE),
    )
    charts._cache.clear()
    assert charts.chart_svg(_chart(kind), TABLE) == first_svg
    assert charts.chart_png(_chart(kind), TABLE) == first_png


def test_svg_carries_title_and_description_for_screen_readers():
    svg = charts.chart_svg(_chart("bar", ["Boys"]), TABLE)
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-chart-bar-title chart-chart-bar-desc"' in svg
    assert '<title id="chart-chart-bar-title">A bar chart</title>' in svg
    assert (
        '<desc id="chart-chart-bar-desc">Bar chart of A bar chart. The figures are in the table that follows.</desc>'
        in svg
    )


def test_alt_text_is_the_charts_own_when_given():
    chart = _chart("line")
    assert charts.alt_text(chart, TABLE).startswith(
        "Line chart of A line chart, showing Boys and Girls by age band"
    )
    chart.alt = "Boys outnumber girls at every age."
    assert (
        '<desc id="chart-chart-line-desc">Boys outnumber girls at every age.</desc>'
        in charts.chart_svg(chart, TABLE)
    )


def test_svg_fits_inside_an_html_page():
    svg = charts.chart_svg(_chart("stacked_bar"), TABLE)
    assert "http" not in svg and "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert "<style" not in svg and " style=" not in svg  # nothing that restyles the page
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("chart-chart-stacked_bar") for i in ids)
    for reference in re.findall(r'(?:url\(#|href="#)([^)"]+)', svg):
        assert reference in ids


def test_two_charts_on_one_page_share_no_id():
    first = set(re.findall(r'\bid="([^"]+)"', charts.chart_svg(_chart("grouped_bar"), TABLE)))
    second = set(re.findall(r'\bid="([^"]+)"', charts.chart_svg(_chart("stacked_bar"), TABLE)))
    assert not first & second


@pytest.mark.parametrize("kind", ["grouped_bar", "stacked_bar", "hbar"])
def test_several_bar_series_differ_by_pattern_not_only_colour(kind):
    svg = charts.chart_svg(_chart(kind), TABLE)
    assert svg.count("<pattern") >= 1  # the second series is hatched, the first solid
    assert "Boys" in svg and "Girls" in svg  # a legend names both


def test_several_lines_differ_by_marker_and_dash():
    svg = charts.chart_svg(_chart("line"), TABLE)
    markers = set(re.findall(r'<path id="(chart-chart-line-m[0-9a-f]+)"', svg))
    assert len(markers) >= 2 + 2  # circle and square markers, besides the two tick marks
    assert "stroke-dasharray" in svg


def test_values_are_written_on_single_series_bars_and_c_stands_for_suppressed():
    svg = charts.chart_svg(_chart("bar", ["Boys"]), TABLE)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert {"6", "31", "c"} <= set(texts)


def test_the_total_row_is_not_drawn():
    svg = charts.chart_svg(_chart("bar", ["Boys"]), TABLE)
    assert "9001" not in svg and "Total" not in svg


def test_axes_are_labelled():
    svg = charts.chart_svg(_chart("bar", ["Boys"]), TABLE)
    assert ">Age band<" in svg and ">Boys<" in svg
    hbar = charts.chart_svg(_chart("hbar"), TABLE)
    assert ">Age band<" in hbar and ">Number<" in hbar


def test_percentages_are_labelled_as_such():
    table = Table(
        "pct",
        "On time",
        ["Type", "% on time"],
        [["First", 68.8], ["Second", 90.3]],
        kinds=["label", "pct"],
    )
    svg = charts.chart_svg(Chart("p", "On time", "bar", "pct", ["% on time"]), table)
    assert ">68.8%<" in svg and ">80%<" in svg


def test_the_sample_reports_charts_all_draw():
    doc = sample_document()
    for section in doc.sections:
        tables = {t.id: t for t in section.tables}
        for chart in section.charts:
            assert "<svg" in charts.chart_svg(chart, tables[chart.table_id])


def test_repeated_charts_come_from_the_cache():
    chart = _chart("bar")
    assert charts.chart_svg(chart, TABLE) is charts.chart_svg(chart, TABLE)
    changed = Table(**{**TABLE.__dict__, "rows": [["under 1", 7, 4, 11]]})
    assert charts.chart_svg(chart, changed) != charts.chart_svg(chart, TABLE)
