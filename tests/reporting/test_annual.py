"""The assembly of the annual report: the councils' structure, one computation, the manager's
words in their sections, priorities and targets, and tables that say what the JSON says."""

from __future__ import annotations

from datetime import date

import pytest

from irohub.reporting import contract
from irohub.reporting.annual import NARRATIVE_SECTIONS, SECTIONS, AnnualReport
from irohub.reporting.contract import CORE_METRIC_IDS
from irohub.reporting.document import all_tables, iter_sections, validate
from irohub.reporting.metrics.base import REGISTRY, ReportingPeriod
from irohub.reporting.sections.base import CASE_STUDY_LABEL, QUOTE_MARK

pytestmark = pytest.mark.django_db
YEAR = "2025-26"  # as in conftest.py
ORDER = [
    "summary", "purpose", "iro_service", "children", "reviews", "participation", "quality",
    "midway", "escalations", "advocacy", "feedback", "audits", "progress", "risks", "next_year",
]  # fmt: skip


def sections_by_id(doc):
    return {section.id: section for section, _ in iter_sections(doc.sections)}


def test_sections_follow_the_councils_structure(annual_outputs):
    for doc in annual_outputs.docs.values():
        assert [section.id for section in doc.sections] == ORDER
        validate(doc)
    children = sections_by_id(annual_outputs.docs[False])["children"]
    assert [s.id for s in children.subsections] == [
        "children_snapshot", "children_flow", "children_placements",
    ]  # fmt: skip
    assert [module.SECTION_ID for module in SECTIONS] == ORDER
    assert set(sections_by_id(annual_outputs.docs[False])) == set(NARRATIVE_SECTIONS)


def test_the_report_names_the_council_year_and_dates(annual_outputs):
    doc = annual_outputs.docs[False]
    assert doc.council == "Synthetic Borough Council"
    assert doc.title == "Independent Reviewing Officer annual report 2025-26"
    assert (doc.period_start, doc.period_end, doc.snapshot) == (
        date(2025, 4, 1), date(2026, 3, 31), date(2026, 3, 31),
    )  # fmt: skip
    assert not doc.publication and annual_outputs.docs[True].publication


@pytest.mark.parametrize(
    "section_id",
    ["summary", "purpose", "iro_service", "children", "children_snapshot", "children_flow",
     "children_placements", "reviews", "reviews_held", "timeliness", "participation", "quality",
     "midway", "escalations", "advocacy", "feedback", "audits", "progress", "next_year"],
)  # fmt: skip
def test_each_section_opens_with_drafted_sentences(annual_outputs, section_id):
    section = sections_by_id(annual_outputs.docs[False])[section_id]
    assert section.sentences, section_id
    assert all(not text[0].islower() and text.endswith(".") for text in section.sentences)


def test_the_legal_context_cites_the_law(annual_outputs):
    text = " ".join(sections_by_id(annual_outputs.docs[False])["purpose"].sentences)
    for citation in ("section 25A", "25B(1)", "regulation 33", "regulation 36",
                     "regulation 45", "IRO Handbook"):  # fmt: skip
        assert citation in text


def test_the_managers_words_follow_the_sentences_of_their_section(annual_outputs, manager_words):
    sections = sections_by_id(annual_outputs.docs[True])
    assert sections["timeliness"].narrative == [manager_words["narrative"]]
    assert sections["participation"].narrative == [CASE_STUDY_LABEL + manager_words["case_study"]]
    assert sections["feedback"].narrative == [QUOTE_MARK + manager_words["quote"]]
    assert sections["summary"].narrative == []
    for fmt in ("html", "pdf", "docx"):
        from irohub.reporting.render.extract import output_texts

        text = " ".join(
            " ".join(t.split()) for _, t in output_texts(annual_outputs.files[fmt, True])
        )
        assert manager_words["quote"] in text, fmt


def test_priorities_of_the_year_and_of_next_year(annual_outputs):
    sections = sections_by_id(annual_outputs.docs[False])
    progress, next_year = sections["progress"], sections["next_year"]
    assert progress.title == "Progress on the priorities and targets for 2025-26"
    assert progress.sentences[0] == (
        "Of the 2 priorities set for 2025-26, 1 was achieved and 1 was part achieved."
    )
    assert "Priority 1: Recruit two permanent IROs. Achieved. Both joined in the autumn." in (
        progress.sentences
    )
    priorities = next(t for t in progress.tables if t.id == "priorities")
    assert priorities.rows == [
        ["1. Recruit two permanent IROs", "Achieved"],
        ["2. Raise direct participation to 80%", "Part achieved"],
    ]
    assert next_year.title == "Priorities for 2026-27"
    assert next_year.tables[0].rows == [["1. Midway reviews for every child"]]


def test_targets_are_rated_from_the_register(annual_outputs):
    register = annual_outputs.json["metrics"]["targets.register"]["value"]
    table = next(t for t in all_tables(annual_outputs.docs[False]) if t.id == "targets")
    assert len(table.rows) == len(register) > 0
    assert {row[-1] for row in table.rows} <= {"Green: met", "Amber: close", "Red: not met",
                                               "Not known"}  # fmt: skip
    assert [row[2] for row in table.rows] == [entry["actual"] for entry in register]


def test_tables_cite_core_metrics_and_every_chart_has_its_table(annual_outputs):
    cited = set()
    for section, _ in iter_sections(annual_outputs.docs[False].sections):
        ids = {table.id for table in section.tables}
        assert all(chart.table_id in ids for chart in section.charts)
        for table in section.tables:
            cited |= set(table.metric_ids)
    assert cited - {"targets.register"} <= set(CORE_METRIC_IDS)
    assert len(cited) > 80  # nearly every core metric is printed in a table


def test_year_on_year_tables_print_the_json_figures(annual_outputs):
    metrics, checked = annual_outputs.json["metrics"], 0
    for table in all_tables(annual_outputs.docs[False]):
        if table.columns != ["Measure", YEAR, "2024-25"]:
            continue
        shown = [mid for mid in table.metric_ids if metrics[mid]["value"] is not None
                 or metrics[mid].get("previous") is not None]  # fmt: skip
        for row, metric_id in zip(table.rows, shown, strict=True):
            assert row[1:] == [metrics[metric_id]["value"], metrics[metric_id].get("previous")]
            checked += 1
    assert checked > 20


def test_the_summary_sentences_say_what_the_json_says(annual_outputs):
    metrics = annual_outputs.json["metrics"]
    summary = sections_by_id(annual_outputs.docs[False])["summary"].sentences
    cla = metrics["cohort.cla_snapshot.count"]
    assert summary[0].startswith(f"{cla['value']} children were in care on 31 March 2026")
    held = metrics["reviews.held.count"]
    assert summary[1].startswith(f"{held['value']} reviews were held for ")
    difference = held["previous"] - held["value"]
    assert (
        f"{abs(difference)} {'fewer' if difference > 0 else 'more'} than in 2024-25" in (summary[1])
    )


def test_one_computation_makes_every_output(synthetic_council, monkeypatch):
    calls = []
    real = contract.compute
    monkeypatch.setattr(contract, "compute", lambda *a, **k: calls.append(1) or real(*a, **k))
    annual = AnnualReport.compute(ReportingPeriod.for_year(YEAR), as_at=date(2026, 3, 31))
    annual.json(publication=False)
    annual.json(publication=True)
    annual.document(publication=False)
    annual.document(publication=True)
    assert calls == [1]


def test_the_report_reads_the_database_set_wise(synthetic_council, django_assert_max_num_queries):
    AnnualReport.compute(ReportingPeriod.for_year(YEAR), as_at=date(2026, 3, 31))  # warm caches
    with django_assert_max_num_queries(120):
        annual = AnnualReport.compute(ReportingPeriod.for_year(YEAR), as_at=date(2026, 3, 31))
        annual.document(publication=True)


def test_a_metric_not_yet_registered_shows_as_missing(synthetic_council, monkeypatch):
    contract.registry()
    monkeypatch.delitem(REGISTRY, "midway.held.count")
    assert "midway.held.count" in contract.missing_core_ids()
    annual = AnnualReport.compute(ReportingPeriod.for_year(YEAR), as_at=date(2026, 3, 31))
    assert annual.json(publication=False)["metrics"]["midway.held.count"] == {
        "value": None, "missing": True,
    }  # fmt: skip
    notes = annual.document(publication=False).method_notes
    assert any("midway.held.count" in note for note in notes)
