"""Publication mode of the annual report: no child identifier in any output, small numbers
suppressed with secondary suppression, percentages on hidden counts hidden, and a refusal to
publish when the manager's own text names a child."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from irohub.reporting.document import SUPPRESSED, all_tables, is_number, iter_sections
from irohub.reporting.publication import IdentifierLeak, method_note
from irohub.reporting.render.extract import find_identifiers, output_texts

YEAR = "2025-26"  # as in conftest.py

pytestmark = pytest.mark.django_db
UP_TO = 5


def test_the_council_has_children_to_look_for(annual_outputs):
    assert len(annual_outputs.child_ids) > 50
    assert all(re.fullmatch(r"C\d{6}", child) for child in annual_outputs.child_ids)


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "xlsx"])
def test_no_child_identifier_in_any_public_file(annual_outputs, fmt):
    output = annual_outputs.files[fmt, True]
    assert find_identifiers(output, annual_outputs.identifiers) == {}
    readable = " ".join(text for _, text in output_texts(output))
    assert len(readable) > 5000  # the search read the file, not an empty shell
    for child in annual_outputs.child_ids:
        assert child not in readable


def test_no_child_identifier_in_the_public_json(annual_outputs):
    text = json.dumps(annual_outputs.public_json)
    for child in annual_outputs.child_ids:
        assert child not in text


def test_no_iro_id_in_any_public_table(annual_outputs):
    """IROs are staff, not children, but the report names them "IRO 1", "IRO 2"... only."""
    iro_ids = set(annual_outputs.json["metrics"]["reviews.by_iro.count"]["value"])
    assert iro_ids
    for fmt in ("html", "pdf", "docx", "xlsx"):
        assert find_identifiers(annual_outputs.files[fmt, True], iro_ids) == {}, fmt


def _count_columns(table) -> list[int]:
    return [j for j, kind in enumerate(table.column_kinds()) if kind == "count"]


def test_no_small_count_is_shown_in_a_public_table(annual_outputs):
    hidden = 0
    for table in all_tables(annual_outputs.docs[True]):
        for row in table.rows:
            for j in _count_columns(table):
                assert not (is_number(row[j]) and 0 < row[j] <= UP_TO), (table.id, row)
                hidden += row[j] == SUPPRESSED
    assert hidden > 10  # a council of 60 children has many small numbers


def test_secondary_suppression_leaves_no_lone_hidden_figure_beside_a_total(annual_outputs):
    for table in all_tables(annual_outputs.docs[True]):
        columns = _count_columns(table)
        if table.total_row:
            for j in columns:
                hidden = [row[j] for row in table.rows if row[j] == SUPPRESSED]
                assert len(hidden) != 1, (table.id, table.columns[j])
        if table.total_column and columns:
            for row in table.rows:
                hidden = [row[j] for j in columns if row[j] == SUPPRESSED]
                assert len(hidden) != 1, (table.id, row[0])


def test_a_percentage_on_a_hidden_count_is_hidden(annual_outputs):
    checked = 0
    for table in all_tables(annual_outputs.docs[True]):
        kinds, counts = table.column_kinds(), _count_columns(table)
        for row in table.rows:
            for j, kind in enumerate(kinds):
                left = [c for c in counts if c < j]
                if kind in ("pct", "rate") and left and row[left[-1]] == SUPPRESSED:
                    assert row[j] == SUPPRESSED, (table.id, row)
                    checked += 1
    assert checked > 0


def test_public_tables_differ_from_internal_ones_only_where_hidden(annual_outputs):
    internal = {t.id: t for t in all_tables(annual_outputs.docs[False])}
    for table in all_tables(annual_outputs.docs[True]):
        for public_row, row in zip(table.rows, internal[table.id].rows, strict=True):
            for shown, figure in zip(public_row, row, strict=True):
                assert shown in (figure, SUPPRESSED), (table.id, row)


def test_public_json_hides_small_counts(annual_outputs):
    public, internal = annual_outputs.public_json["metrics"], annual_outputs.json["metrics"]
    checked = 0
    for metric_id, metric in internal.items():
        value = metric["value"]
        is_count = metric_id.endswith(".count") and "numerator" not in metric
        if is_count and isinstance(value, int) and 0 < value <= UP_TO:
            assert public[metric_id]["value"] == SUPPRESSED, metric_id
            checked += 1
    assert checked > 0


def test_the_method_note_is_in_the_public_report_only(annual_outputs):
    note = method_note(UP_TO)
    assert note in annual_outputs.docs[True].method_notes
    assert note not in annual_outputs.docs[False].method_notes
    assert "Published version" in annual_outputs.files["html", True]


def test_sentences_never_state_a_hidden_count(annual_outputs):
    """The escalation headline is left out when the number raised is suppressed."""
    public = annual_outputs.public_json["metrics"]["escalation.raised.count"]["value"]
    sentences = [
        text
        for section, _ in iter_sections(annual_outputs.docs[True].sections)
        for text in section.sentences
    ]
    if public == SUPPRESSED:
        assert not any(text.startswith("IROs raised") for text in sentences)
    else:
        assert any(text.startswith(f"IROs raised {public} ") for text in sentences)


def test_a_child_named_in_the_narrative_stops_the_public_report(synthetic_council):
    from irohub.children.models import Child
    from irohub.reporting import services
    from irohub.reporting.annual import AnnualReport
    from irohub.reporting.metrics.base import ReportingPeriod

    child = Child.objects.order_by("child_id").first()
    services.save_narrative(
        year=YEAR, section="summary", kind="case_study", by=None,
        text=f"We helped {child.child_id} move back home.",
    )  # fmt: skip
    period = ReportingPeriod.for_year(YEAR)
    annual = AnnualReport.compute(period, as_at=date(2026, 3, 31))
    assert child.child_id in " ".join(
        annual.document(publication=False).sections[0].narrative
    )  # the internal report keeps the manager's words as written
    with pytest.raises(IdentifierLeak, match=child.child_id):
        annual.document(publication=True)


def test_the_identifier_search_scales_to_a_large_council_and_reads_wrapped_names():
    """30,000 identifiers (ids, UPNs and names of 10,000 children) over a megabyte of text in
    well under a second or two; a name split over two lines is still the name."""
    import time

    ids = [f"C{n:06d}" for n in range(10_000)]
    names = [f"Given{n} Family{n}" for n in range(10_000)]
    upns = [f"A{n:012d}" for n in range(10_000)]
    text = "Reviews held 798; " * 60_000 + " given77 \n family77 and (c000042)."
    started = time.perf_counter()
    found = find_identifiers(text, ids + names + upns)
    assert time.perf_counter() - started < 5
    assert set(found) == {"given77 \n family77", "c000042"}
    assert find_identifiers("Given77-Family77 C0000421 XC000042", ids + names) == {}
