"""Drawing one chart of a table with matplotlib: bars, stacked and grouped bars, lines.

Margins are measured, not searched for: the widths of the actual tick labels, category labels
and legend entries are taken from the font, and the axes placed once. (matplotlib's constrained
layout finds the same margins by drawing the figure repeatedly, which doubled the cost of every
chart.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import FuncFormatter, MaxNLocator

from irohub.reporting.document import Cell, is_number
from irohub.reporting.render.cells import chart_number

PALETTE = ("#1d70b8", "#f47738", "#28a197", "#4c2c92", "#d53880", "#505a5f", "#00703c", "#912b88")
# Lines only: dots and circles are drawn as curves and their SVG patterns weigh 150 kB each.
HATCHES = ("", "///", "xxx", "\\\\\\", "|||", "---", "+++", "//")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINE_STYLES = ("-", "--", ":", "-.")
GRID_COLOUR = "#b1b4b6"
UNIT_WORDS = {"count": "Number", "pct": "Per cent", "rate": "Rate", "number": "Value"}

FONT_SIZE = 9  # points, as in the rc settings of charts.py
WIDTH = 6.3  # inches: 16 cm, the text width of an A4 page with 2 cm margins
PLOT_HEIGHT = 2.3  # inches of plotting area for vertical bars and lines
BAR_ROW = 0.28  # inches per category in a horizontal bar chart
PAD = 0.08  # inches between parts
LINE = FONT_SIZE / 72 * 1.3  # height of one line of text, inches
TICK = 0.06  # tick mark and its padding, inches
LEGEND_HANDLE = 0.62  # legend key, its gap to the text and the space between entries, inches


@dataclass(frozen=True)
class Series:
    name: str
    kind: str
    cells: tuple[Cell, ...]

    @property
    def values(self) -> list[float]:
        """Numbers to plot; a suppressed or missing figure is a gap (NaN), never a zero."""
        return [float(v) if is_number(v) else math.nan for v in self.cells]


def draw(kind: str, labels: list[str], series: list[Series], category: str) -> Figure:
    """The figure of one chart; rc settings must already be in force."""
    figure = Figure(figsize=(WIDTH, 3))
    axes = figure.add_subplot()
    DRAW[kind](axes, labels, series)
    _label_axes(axes, kind, category, series)
    _place(figure, axes, kind, labels, series)
    return figure


def _bars(axes, labels: list[str], series: list[Series], *, mode: str) -> None:
    """Vertical or horizontal bars; several series side by side ("grouped") or "stacked"."""
    horizontal, stacked = mode == "hbar", mode == "stacked"
    positions = list(range(len(labels)))
    width = 0.8 if stacked or len(series) == 1 else 0.8 / len(series)
    base = [0.0] * len(labels)
    for index, one in enumerate(series):
        heights = [0.0 if math.isnan(v) else v for v in one.values]
        shift = 0.0 if stacked else (index - (len(series) - 1) / 2) * width
        spots = [p + shift for p in positions]
        style = _bar_style(index, one, several=len(series) > 1)
        if horizontal:
            bars = axes.barh(spots, heights, height=width, left=base if stacked else None, **style)
        else:
            bars = axes.bar(spots, heights, width, bottom=base if stacked else None, **style)
        _write_values(axes, bars, one, inside=stacked, crowded=len(labels) * len(series) > 40)
        if stacked:
            base = [b + h for b, h in zip(base, heights, strict=True)]
    if horizontal:
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()  # the first row of the table at the top, as it reads
        axes.margins(x=0.12)  # room for the value written at the end of the longest bar
    else:
        _category_ticks(axes, positions, labels)
        axes.margins(y=0.1)


def _bar_style(index: int, series: Series, *, several: bool) -> dict:
    return {
        "color": PALETTE[index % len(PALETTE)],
        "hatch": HATCHES[index % len(HATCHES)] if several else None,
        "edgecolor": "white",  # also the hatch colour: white lines read on every palette colour
        "linewidth": 0.6,
        "label": series.name,
    }


def _write_values(axes, bars, series: Series, *, inside: bool, crowded: bool) -> None:
    """Direct labels, so a value never has to be read from colour or estimated from the axis."""
    if crowded:
        return
    texts = [chart_number(value, series.kind) for value in series.cells]
    if inside:  # a stacked segment too thin for its figure is left to the table
        peak = max((b.get_height() + b.get_y() for b in bars), default=0) or 1
        texts = [
            t if b.get_height() >= 0.08 * peak else "" for t, b in zip(texts, bars, strict=True)
        ]
    kind = "center" if inside else "edge"
    axes.bar_label(bars, labels=texts, label_type=kind, padding=2, fontsize=FONT_SIZE - 2)


def rotated(labels: list[str]) -> bool:
    """Slant category labels that would collide if written flat."""
    room = WIDTH * 0.8 / max(len(labels), 1)
    return any(text_width(label) > room * 0.9 for label in labels)


def _category_ticks(axes, positions: list[int], labels: list[str]) -> None:
    if rotated(labels):
        axes.set_xticks(positions, labels, rotation=45, ha="right", rotation_mode="anchor")
    else:
        axes.set_xticks(positions, labels)


def _lines(axes, labels: list[str], series: list[Series]) -> None:
    """One line per series, each with its own marker and dash pattern as well as colour."""
    positions = list(range(len(labels)))
    for index, one in enumerate(series):
        axes.plot(
            positions,
            one.values,
            color=PALETTE[index % len(PALETTE)],
            linestyle=LINE_STYLES[index % len(LINE_STYLES)],
            marker=MARKERS[index % len(MARKERS)],
            markersize=4,
            linewidth=1.6,
            label=one.name,
        )
    _category_ticks(axes, positions, labels)
    axes.set_ylim(bottom=0)


DRAW = {
    "bar": lambda axes, labels, series: _bars(axes, labels, series, mode="grouped"),
    "grouped_bar": lambda axes, labels, series: _bars(axes, labels, series, mode="grouped"),
    "stacked_bar": lambda axes, labels, series: _bars(axes, labels, series, mode="stacked"),
    "hbar": lambda axes, labels, series: _bars(axes, labels, series, mode="hbar"),
    "line": _lines,
}


def _label_axes(axes, kind: str, category: str, series: list[Series]) -> None:
    unit = series[0].name if len(series) == 1 else UNIT_WORDS.get(series[0].kind, "Value")
    value_axis = axes.xaxis if kind == "hbar" else axes.yaxis
    if kind == "hbar":
        axes.set_ylabel(category)
        axes.set_xlabel(unit)
    else:
        axes.set_xlabel(category)
        axes.set_ylabel(unit)
    # Five or six gridlines read easily and keep the chart light (each tick is several artists).
    counts = all(s.kind == "count" for s in series)
    value_axis.set_major_locator(MaxNLocator(nbins=5, integer=counts))
    if all(s.kind == "pct" for s in series):
        value_axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
    axes.grid(axis="x" if kind == "hbar" else "y", color=GRID_COLOUR, linewidth=0.5)
    axes.set_axisbelow(True)


@lru_cache(maxsize=4096)
def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Width in inches of a label in the chart font (the rc settings in force)."""
    width, _, _ = text_to_path.get_text_width_height_descent(
        text, FontProperties(size=size), ismath=False
    )
    return width / 72


def _value_tick_labels(axes, kind: str) -> list[str]:
    axes.autoscale_view()
    axis = axes.xaxis if kind == "hbar" else axes.yaxis
    low, high = axis.get_view_interval()
    ticks = [t for t in axis.get_major_locator()() if low <= t <= high]
    return axis.get_major_formatter().format_ticks(ticks)


def _legend_shape(series: list[Series], room: float) -> tuple[int, int]:
    """Columns and rows of a legend across the top that fits the width."""
    if len(series) < 2:
        return 0, 0
    entry = max(text_width(s.name) for s in series) + LEGEND_HANDLE
    columns = max(1, min(len(series), int(room // entry)))
    return columns, math.ceil(len(series) / columns)


def _place(figure, axes, kind: str, labels: list[str], series: list[Series]) -> None:
    """Size the figure and place the axes so every label fits, then add the legend."""
    values = _value_tick_labels(axes, kind)
    side_texts, foot_texts = (labels, values) if kind == "hbar" else (values, labels)
    left = PAD + LINE + PAD + max(map(text_width, side_texts), default=0) + TICK
    foot = LINE
    if kind != "hbar" and rotated(labels):
        foot = max(map(text_width, labels), default=0) * math.sin(math.pi / 4) + LINE
    bottom = PAD + LINE + PAD + foot + TICK
    columns, rows = _legend_shape(series, WIDTH - 2 * PAD)
    top = PAD + rows * (LINE + PAD) + (PAD if kind == "hbar" else LINE)
    right = 0.25 if kind == "hbar" else 0.15
    plot = BAR_ROW * len(labels) + 0.3 if kind == "hbar" else PLOT_HEIGHT
    height = plot + top + bottom
    figure.set_size_inches(WIDTH, height)
    figure.subplots_adjust(
        left=left / WIDTH, right=1 - right / WIDTH, bottom=bottom / height, top=1 - top / height
    )
    if columns:
        anchor = (PAD / WIDTH, 1 - PAD / height)
        figure.legend(loc="upper left", bbox_to_anchor=anchor, ncols=columns, borderaxespad=0)
