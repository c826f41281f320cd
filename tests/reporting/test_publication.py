"""Publication mode: 1-5 as "c", secondary suppression, percentages on hidden counts, and no
child identifier in any public file (read back from the PDF, Word and Excel files as text)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from irohub.reporting import publication
from irohub.reporting.document import Table
from irohub.reporting.publication import (
    IdentifierLeak,
    method_note,
    publish_document,
    suppress_metrics,
    suppress_table,
)
from irohub.reporting.render.sample import sample_document

C = "c"


def _table(rows, *, kinds=None, total_row=False, total_column=False) -> Table:
    width = len(rows[0])
    columns = ["Group", *[f"col{j}" for j in range(1, width)]]
    kinds = kinds or ["label"] + ["count"] * (width - 1)
    return Table(
        "t", "T", columns, rows, kinds=kinds, total_row=total_row, total_column=total_column
    )


# --- tables -----------------------------------------------------------------------------------


def test_counts_from_1_to_5_become_c_and_zero_and_6_stay():
    table = _table([["a", 0], ["b", 1], ["c", 5], ["d", 6]])
    assert [row[1] for row in suppress_table(table).rows] == [0, C, C, 6]


def test_the_threshold_follows_the_rule_setting():
    table = _table([["a", 3], ["b", 7], ["c", 8]])
    assert [row[1] for row in suppress_table(table, up_to=7).rows] == [C, C, 8]


def test_the_input_table_is_left_as_it_was():
    table = _table([["a", 3], ["b", 10]])
    suppress_table(table)
    assert table.rows == [["a", 3], ["b", 10]]


def test_one_hidden_cell_in_a_row_with_a_total_hides_the_next_smallest():
    table = _table([["Boys", 3, 40, 12, 55]], total_column=True)
    assert suppress_table(table).rows == [["Boys", C, 40, C, 55]]


def test_one_hidden_cell_in_a_column_with_a_total_row():
    table = _table([["under 1", 4], ["1-4", 30], ["5-9", 20], ["Total", 54]], total_row=True)
    assert [row[1] for row in suppress_table(table).rows] == [C, 30, C, 54]


def test_zeros_are_never_hidden_to_protect_another_cell():
    table = _table([["Girls", 3, 0, 9, 12]], total_column=True)
    assert suppress_table(table).rows == [["Girls", C, 0, C, 12]]


def test_the_total_is_hidden_when_no_other_figure_is_left():
    # The total counts children in categories not shown, so it is not itself small.
    table = _table([["Boys", 4, 0, 40]], total_column=True)
    assert suppress_table(table).rows == [["Boys", C, 0, C]]


def test_a_matrix_with_totals_both_ways():
    rows = [
        ["Apr", 1, 10, 8, 19],
        ["May", 9, 12, 7, 28],
        ["Jun", 11, 6, 14, 31],
        ["Total", 21, 28, 29, 78],
    ]
    public = suppress_table(_table(rows, total_row=True, total_column=True))
    assert public.rows == [
        ["Apr", C, 10, C, 19],
        ["May", C, 12, C, 28],
        ["Jun", 11, 6, 14, 31],
        ["Total", 21, 28, 29, 78],
    ]
    _assert_nothing_recoverable(public, rows)


def test_cascading_secondary_suppression():
    # Hiding Apr's 2 hides Apr's 7 (its row); each of their columns is then left with one
    # unknown, so May's 20 and May's 8 go too: the hidden cells close into a rectangle.
    rows = [
        ["Apr", 2, 7, 30, 39],
        ["May", 20, 8, 9, 37],
        ["Jun", 40, 50, 60, 150],
        ["Total", 62, 65, 99, 226],
    ]
    public = suppress_table(_table(rows, total_row=True, total_column=True))
    hidden = {
        (i, j) for i, row in enumerate(public.rows) for j, cell in enumerate(row) if cell == C
    }
    assert hidden == {(0, 1), (0, 2), (1, 1), (1, 2)}
    _assert_nothing_recoverable(public, rows)


def test_percentages_on_a_hidden_count_are_hidden():
    table = _table(
        [["PN0", 114, 14.3], ["PN3", 4, 0.5], ["PN5", 0, 0.0], ["PN1", 519, 65.0]],
        kinds=["label", "count", "pct"],
    )
    assert [row[1:] for row in suppress_table(table).rows] == [
        [114, 14.3],
        [C, C],
        [0, 0.0],
        [519, 65.0],
    ]


def test_a_percentage_rests_on_the_nearest_count_to_its_left():
    table = _table(
        [["First", 40, 3, 7.5, 80.0], ["Second", 50, 45, 90.0, 85.0]],
        kinds=["label", "count", "count", "pct", "pct"],
    )
    assert suppress_table(table).rows[0] == ["First", 40, C, C, C]
    assert suppress_table(table).rows[1] == ["Second", 50, 45, 90.0, 85.0]


def test_labels_and_text_are_untouched():
    table = _table([["3", 3, "a note"]], kinds=["label", "count", "text"])
    assert suppress_table(table).rows == [["3", C, "a note"]]


def _lines(rows, total_row, total_column):
    body_rows = range(len(rows) - 1) if total_row else range(len(rows))
    width = len(rows[0])
    body_cols = range(1, width - 1) if total_column else range(1, width)
    lines = []
    if total_column:
        lines += [([(i, j) for j in body_cols], (i, width - 1)) for i in range(len(rows))]
    if total_row:
        last = len(rows) - 1
        lines += [([(i, j) for i in body_rows], (last, j)) for j in range(1, width)]
    return lines


def _assert_nothing_recoverable(public: Table, original: list, total_row=True, total_column=True):
    """No line with a shown total has exactly one hidden figure; every small count is hidden."""
    for members, total in _lines(original, total_row, total_column):
        if public.rows[total[0]][total[1]] == C:
            continue
        assert sum(public.rows[i][j] == C for i, j in members) != 1
    for i, row in enumerate(original):
        for j, value in enumerate(row[1:], start=1):
            if 1 <= value <= 5:
                assert public.rows[i][j] == C
            if value == 0:
                assert public.rows[i][j] == 0
            if public.rows[i][j] != C:
                assert public.rows[i][j] == value


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), min_size=2, max_size=5), min_size=2, max_size=6))
def test_property_no_hidden_figure_can_be_worked_out_from_the_totals(body):
    width = min(len(r) for r in body)
    body = [r[:width] for r in body]
    rows = [[f"r{i}", *r, sum(r)] for i, r in enumerate(body)]
    rows.append(["Total", *[sum(col) for col in zip(*(r[1:] for r in rows), strict=True)]])
    public = suppress_table(_table(rows, total_row=True, total_column=True))
    _assert_nothing_recoverable(public, rows)


# --- the metrics JSON -------------------------------------------------------------------------


def _metrics():
    return {
        "cohort.cla_snapshot.count": {"value": 103, "previous": 4},
        "cohort.cla_snapshot.rate_per_10k": {"value": 15.7, "previous": 0.6},
        "cohort.cla_snapshot.by_sex": {"value": {"M": 3, "F": 100, "U": 0}},
        "cohort.cla_snapshot.by_age_band": {
            "value": {"under 1": 2, "1-4": 30, "5-9": 31, "16+": 40}
        },
        "cohort.remand.count": {"value": 2},
        "escalation.by_theme.count": {"value": {"contact": 3, "placement": 12}},
        "reviews.held.count": {"value": 798},
        "reviews.timeliness.all_pct": {"value": 85.1, "numerator": 679, "denominator": 798},
        "reviews.timeliness.first_pct": {"value": 60.0, "numerator": 3, "denominator": 5},
        "participation.code.pct_4plus": {
            "value": {"PN1": 76.0, "PN2": 2.0, "PN3": 0.6, "PN5": 0.0, "PN6": 21.4},
            "numerator": {"PN1": 519, "PN2": 14, "PN3": 4, "PN5": 0, "PN6": 146},
            "denominator": 683,
        },
        "reviews.timeliness.monthly_pct": {
            "value": {"2024-04": 75.0, "2024-05": 90.0},
            "numerator": {"2024-04": 3, "2024-05": 63},
            "denominator": {"2024-04": 4, "2024-05": 70},
        },
        "flow.admissions.by_month_age": {
            "value": {
                "2024-04": {"0-4": 1, "5-9": 10, "16+": 8},
                "2024-05": {"0-4": 9, "5-9": 12, "16+": 7},
                "2024-06": {"0-4": 11, "5-9": 6, "16+": 14},
            }
        },
        "cohort.population_comparison.pct": {
            "value": {
                "sex": {
                    "M": {"cla_pct": 2.9, "population_pct": 51.0, "ratio": 0.06},
                    "F": {"cla_pct": 97.1, "population_pct": 49.0, "ratio": 1.98},
                }
            }
        },
        "iro.caseload.by_iro": {
            "value": {
                "17": {"children": 4, "fte": 0.2, "per_fte": 20.0},
                "18": {"children": 60, "fte": 1.0, "per_fte": 60.0},
            }
        },
        "iro.headcount": {"value": 4},
        "advocacy.hours.delivered": {"value": 3},
        "iv.target": {"value": 4},
        "targets.register": {
            "value": [
                {
                    "metric_id": "cohort.remand.count",
                    "target": 0,
                    "direction": "down",
                    "actual": 2,
                    "gap": 2,
                    "rag": "red",
                }
            ]
        },
    }


def test_metrics_counts_from_1_to_5_become_c():
    public = suppress_metrics(_metrics())
    assert public["cohort.remand.count"] == {"value": C}
    assert public["cohort.cla_snapshot.count"] == {"value": 103, "previous": C}
    assert public["reviews.held.count"] == {"value": 798}


def test_metrics_breakdowns_get_secondary_suppression_against_their_published_total():
    public = suppress_metrics(_metrics())
    assert public["cohort.cla_snapshot.by_sex"]["value"] == {"M": C, "F": C, "U": 0}
    assert public["cohort.cla_snapshot.by_age_band"]["value"] == {
        "under 1": C,
        "1-4": C,
        "5-9": 31,
        "16+": 40,
    }
    # Themes are not a partition of any published total: only the small count goes.
    assert public["escalation.by_theme.count"]["value"] == {"contact": C, "placement": 12}


def test_metrics_percentages_on_hidden_numerators_are_hidden():
    public = suppress_metrics(_metrics())
    assert public["reviews.timeliness.all_pct"] == {
        "value": 85.1,
        "numerator": 679,
        "denominator": 798,
    }
    assert public["reviews.timeliness.first_pct"] == {"value": C, "numerator": C, "denominator": C}
    pn = public["participation.code.pct_4plus"]
    assert pn["numerator"] == {"PN1": 519, "PN2": C, "PN3": C, "PN5": 0, "PN6": 146}
    assert pn["value"] == {"PN1": 76.0, "PN2": C, "PN3": C, "PN5": 0.0, "PN6": 21.4}
    monthly = public["reviews.timeliness.monthly_pct"]
    assert monthly["value"] == {"2024-04": C, "2024-05": 90.0}
    assert monthly["denominator"] == {"2024-04": C, "2024-05": 70}


def test_metrics_matrices_are_protected_against_row_and_column_sums():
    public = suppress_metrics(_metrics())["flow.admissions.by_month_age"]["value"]
    assert public["2024-04"] == {"0-4": C, "5-9": 10, "16+": C}
    assert public["2024-05"] == {"0-4": C, "5-9": 12, "16+": C}
    assert public["2024-06"] == {"0-4": 11, "5-9": 6, "16+": 14}


def test_metrics_built_on_hidden_counts_are_hidden():
    public = suppress_metrics(_metrics())
    assert public["cohort.cla_snapshot.rate_per_10k"] == {"value": 15.7, "previous": C}
    assert public["cohort.population_comparison.pct"]["value"]["sex"]["M"] == {
        "cla_pct": C,
        "population_pct": 51.0,
        "ratio": C,
    }
    assert public["iro.caseload.by_iro"]["value"]["17"] == {"children": C, "fte": 0.2, "per_fte": C}
    assert public["iro.caseload.by_iro"]["value"]["18"]["children"] == 60
    assert public["targets.register"]["value"][0] | {} == {
        "metric_id": "cohort.remand.count",
        "target": 0,
        "direction": "down",
        "actual": C,
        "gap": C,
        "rag": "red",
    }


def test_metrics_that_are_not_counts_of_children_are_kept():
    public = suppress_metrics(_metrics())
    assert public["iro.headcount"] == {"value": 4}
    assert public["advocacy.hours.delivered"] == {"value": 3}
    assert public["iv.target"] == {"value": 4}


def test_metrics_input_is_left_as_it_was():
    metrics = _metrics()
    suppress_metrics(metrics)
    assert metrics == _metrics()


# --- the document and the note ----------------------------------------------------------------


def test_method_note_explains_the_rule_in_plain_english():
    note = method_note(5)
    assert "numbers from 1 to 5 are shown as “c”" in note and "0 is a true zero" in note
    assert "from 1 to 10" in method_note(10)


def test_publish_document_suppresses_every_table_and_adds_the_note():
    doc = sample_document()
    public = publish_document(doc)
    assert public.publication and method_note() in public.method_notes
    participation = next(t for s in public.sections for t in s.tables if t.id == "participation")
    assert participation.rows[3] == ["PN3 attended, non-verbal", C, C, C]
    assert not doc.publication  # the internal document is untouched
    assert publish_document(public).method_notes.count(method_note()) == 1


def test_publish_document_refuses_a_document_naming_a_child():
    doc = sample_document()
    doc.sections[1].narrative.append("Child C0042137 moved placement three times.")
    with pytest.raises(IdentifierLeak, match="C0042137"):
        publish_document(doc, identifiers=["C0042137", "C0099999"])


def test_protect_is_shared_by_tables_and_metrics():
    line = publication.Line(("a", "b", "c"), "t")
    assert publication.protect({"a": 2, "b": 30, "c": 40, "t": 72}, [line], up_to=5) == {"a", "b"}


def test_staff_figures_are_not_suppressed_as_counts_of_children():
    """FTE and the IROs' own make-up are about staff: an FTE of 4.5 is not a small count of
    children, so the caseload per FTE and the IROs' sex split stay published."""
    metrics = {
        "iro.caseload.per_fte": {"value": 62.4, "numerator": 281, "denominator": 4.5},
        "iro.by_sex.pct": {
            "value": {"F": 75.0, "M": 25.0},
            "numerator": {"F": 3, "M": 1},
            "denominator": 4,
        },
    }
    public = suppress_metrics(metrics)
    assert public["iro.caseload.per_fte"] == metrics["iro.caseload.per_fte"]
    assert public["iro.by_sex.pct"]["numerator"] == {"F": 3, "M": 1}
