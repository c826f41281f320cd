"""The document model, its validation, the shared numbering and the formatting of figures."""

from __future__ import annotations

from datetime import date

import pytest

from irohub.reporting import render
from irohub.reporting.document import Chart, DocumentError, Table, all_tables, validate
from irohub.reporting.publication import IdentifierLeak
from irohub.reporting.render.cells import format_cell
from irohub.reporting.render.layout import flatten, lay_out


def test_the_sample_document_is_valid_and_realistic(doc):
    validate(doc)
    assert len(doc.sections) == 4 and len(all_tables(doc)) == 8
    kinds = {chart.kind for section in doc.sections for chart in section.charts}
    assert kinds == {"bar", "hbar", "stacked_bar", "grouped_bar", "line"}
    matrix = next(t for t in all_tables(doc) if t.id == "admissions")
    assert matrix.total_row and matrix.total_column


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.sections[1].tables.append(Table("Admissions", "x", ["a"], [])), "same id"),
        (lambda d: d.sections[1].tables.append(Table("x" * 32, "x", ["a"], [])), "1-31 characters"),
        (lambda d: d.sections[1].tables.append(Table("a/b", "x", ["a"], [])), "without"),
        (lambda d: d.sections[1].tables[0].rows.append(["Extra", 1]), "row 7 has 2 cells"),
        (lambda d: d.sections[1].tables[0].kinds.append("count"), "4 kinds for 3 columns"),
        (lambda d: setattr(d.sections[1].charts[0], "kind", "pie"), "unknown kind 'pie'"),
        (lambda d: d.sections[1].charts[0].series.append("Nope"), r"plots columns \['Nope'\]"),
        (
            lambda d: d.sections[2].charts.append(
                Chart("x", "x", "bar", "cla-by-age", ["Children"])
            ),
            "not in section 'reviews'",
        ),
        (
            lambda d: d.sections[3].charts.append(
                Chart("themes-chart", "x", "bar", "escalation-themes", ["Escalations"])
            ),
            "used twice",
        ),
    ],
)
def test_validation_names_what_is_wrong(doc, change, message):
    change(doc)
    with pytest.raises(DocumentError, match=message):
        validate(doc)


def test_kinds_are_inferred_when_not_given():
    table = Table(
        "t", "t", ["Name", "Count", "Share", "Note"], [["a", 1, 0.5, "x"], ["b", 2, "c", None]]
    )
    assert table.column_kinds() == ["label", "count", "number", "text"]


def test_numbering_is_shared_and_charts_come_before_their_tables(doc):
    placed = flatten(lay_out(doc))
    assert [p.number for p in placed] == ["1", "2", "2.1", "3", "4"]
    blocks = [b for p in placed for b in p.blocks]
    assert [b.table_number for b in blocks if b.chart is None] == list(range(1, 9))
    assert [b.figure_number for b in blocks if b.chart] == list(range(1, 7))
    for before, after in zip(blocks, blocks[1:], strict=False):
        if before.chart is not None:
            assert after.table is before.table


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (1234, "count", "1,234"),
        (85.1, "pct", "85.1%"),
        (85, "pct", "85.0%"),
        (50.04, "rate", "50.0"),
        (7.45, "number", "7.45"),
        (7.0, "number", "7"),
        (2024, "label", "2024"),
        (None, "count", "–"),
        ("c", "pct", "c"),
        ("2025-03-31", "date", "31 March 2025"),
        (date(2025, 3, 31), "text", "31 March 2025"),
        (True, "text", "Yes"),
    ],
)
def test_figures_are_written_the_same_way_everywhere(value, kind, text):
    assert format_cell(value, kind) == text


def test_render_dispatches_on_the_format(rendered):
    assert rendered["html"].startswith("<!DOCTYPE html>")
    assert rendered["pdf"].startswith(b"%PDF")
    assert rendered["docx"].startswith(b"PK") and rendered["xlsx"].startswith(b"PK")


def test_an_unknown_format_is_refused(doc):
    with pytest.raises(ValueError, match="use one of html, pdf, docx, xlsx"):
        render.render(doc, "odt")


def test_a_published_document_is_checked_for_identifiers_as_it_is_rendered(doc):
    doc.sections[2].tables[0].rows[0][0] = "First (C0042137)"
    assert render.render(doc, "html", identifiers=["C0042137"])  # internal: not checked
    doc.publication = True
    with pytest.raises(IdentifierLeak, match="C0042137"):
        render.render(doc, "html", identifiers=["C0042137"])


def test_an_empty_section_table_and_a_fully_suppressed_chart_still_render(doc):
    empty = Table("empty", "Nothing yet", ["Group", "Children"], [], kinds=["label", "count"])
    hidden = Table("hidden", "All hidden", ["Group", "Children"], [["a", "c"], ["b", None]])
    doc.sections[0].tables += [empty, hidden]
    doc.sections[0].charts += [
        Chart("empty-chart", "Nothing yet", "bar", "empty", ["Children"]),
        Chart("hidden-chart", "All hidden", "stacked_bar", "hidden", ["Children"]),
    ]
    doc.sections.append(type(doc.sections[0])("blank", "A section with only a title"))
    for fmt in render.FORMATS:
        assert render.render(doc, fmt)
