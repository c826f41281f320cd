"""Charts of report tables: one matplotlib code path, SVG for pages and the PDF, PNG for Word.

Every chart draws a table that is printed right beside it, so the chart may simplify (the total
row is left out) but never carries a figure the table does not. Colours come from the GOV.UK
palette, and no meaning rests on colour alone: several series also differ by hatching (bars) or by
marker and line style (lines), and single-series bars carry their value. Output is deterministic
(fixed SVG hash salt, no dates in metadata) so the same table always gives the same bytes.

No pyplot: figures are built with matplotlib.figure.Figure, which needs no GUI backend and keeps
no global list of open figures. The drawing itself is in render/chart_draw.py.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections import OrderedDict
from html import escape

import matplotlib

from irohub.reporting.document import Chart, Table
from irohub.reporting.render.cells import format_cell
from irohub.reporting.render.chart_draw import FONT_SIZE, Series, draw

TEXT_COLOUR = "#0b0c0c"
KIND_WORDS = {
    "bar": "Bar chart",
    "hbar": "Horizontal bar chart",
    "stacked_bar": "Stacked bar chart",
    "grouped_bar": "Grouped bar chart",
    "line": "Line chart",
}
RC = {
    "svg.fonttype": "none",  # real text: selectable in the PDF, read by screen readers
    "svg.hashsalt": "irohub-report",  # fixed clip-path and pattern ids: same input, same bytes
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans"],
    "font.size": FONT_SIZE,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.edgecolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 1.0,
    "legend.frameon": False,
}
PNG_DPI = 200
_CACHE_SIZE = 128


def chart_svg(chart: Chart, table: Table) -> str:
    """Inline SVG with <title> and <desc>, ids prefixed by the chart id so many fit one page."""
    return _cached(
        "svg", chart, table, lambda: _inline_svg(_save(chart, table, "svg"), chart, table)
    )


def chart_png(chart: Chart, table: Table) -> bytes:
    """PNG at print resolution, for Word."""
    return _cached("png", chart, table, lambda: _save(chart, table, "png"))


def alt_text(chart: Chart, table: Table) -> str:
    """The chart's own short alternative, or one derived from its kind, series and title."""
    if chart.alt:
        return chart.alt
    words = f"{KIND_WORDS.get(chart.kind, 'Chart')} of {chart.title}"
    if len(chart.series) > 1:
        axis = table.columns[0].lower() if table.columns else "category"
        words += f", showing {', '.join(chart.series[:-1])} and {chart.series[-1]} by {axis}"
    return f"{words}. The figures are in the table that follows."


def chart_series(chart: Chart, table: Table) -> tuple[list[str], list[Series]]:
    """Category labels and plotted columns; the total row would dwarf the bars, so it is left out."""
    kinds = table.column_kinds()
    rows = table.body_rows()
    labels = [format_cell(row[0], kinds[0]) for row in rows]
    series = []
    for name in chart.series:
        index = table.columns.index(name)
        series.append(Series(name, kinds[index], tuple(row[index] for row in rows)))
    return labels, series


_cache: OrderedDict[str, str | bytes] = OrderedDict()
_cache_lock = threading.Lock()  # threaded servers share it; drawing happens outside the lock


def _cached(fmt: str, chart: Chart, table: Table, make):
    # The site redraws the same report on every visit; a chart depends only on these two objects.
    key = hashlib.sha256(repr((fmt, chart, table)).encode()).hexdigest()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    result = make()
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def _save(chart: Chart, table: Table, fmt: str) -> str | bytes:
    with matplotlib.rc_context(RC):
        labels, series = chart_series(chart, table)
        figure = draw(chart.kind, labels, series, table.columns[0])
        if fmt == "svg":
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


def _inline_svg(raw: str, chart: Chart, table: Table) -> str:
    prefix = "chart-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", chart.id).strip("-") or "x")
    svg = raw[raw.index("<svg") :]  # no XML declaration or DOCTYPE inside an HTML page
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    # Inside an HTML page a <style> would restyle every SVG on it, and style="" attributes go
    # through the page's CSS cascade (WeasyPrint warns on each); presentation attributes do not.
    svg = re.sub(r"\s*<defs>\s*<style[^>]*>.*?</style>\s*</defs>", "", svg, flags=re.S)
    svg = re.sub(r'\sstyle="([^"]*)"', _presentation_attributes, svg)
    # An HTML parser places <svg> in the SVG namespace itself, so the namespace URLs can go.
    svg = re.sub(r' xmlns(?::xlink)?="[^"]*"', "", svg).replace("xlink:href=", "href=")
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    opening_end = svg.index(">") + 1
    opening = svg[: opening_end - 1].replace(
        "<svg",
        f'<svg id="{prefix}" class="irohub-chart" role="img" '
        'stroke-linejoin="round" stroke-linecap="butt" '
        f'aria-labelledby="{prefix}-title {prefix}-desc"',
        1,
    )
    labels = (
        f'<title id="{prefix}-title">{escape(chart.title)}</title>'
        f'<desc id="{prefix}-desc">{escape(alt_text(chart, table))}</desc>'
    )
    return f"{opening}>{labels}{svg[opening_end:]}".strip()


def _presentation_attributes(match: re.Match) -> str:
    declarations = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    return "".join(f' {name.strip()}="{value.strip()}"' for name, value in declarations)
