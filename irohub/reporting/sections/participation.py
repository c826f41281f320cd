"""Children's participation in their reviews, PN0-PN7 on both bases the seeds use: all reviews,
and reviews of children aged 4 or over (all reviews less PN0) (metrics.md §2.8)."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Cell, Chart, Section, Table
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import percentages_table
from irohub.statutory.participation import PN_LABELS

SECTION_ID = "participation"
TITLE = "Children's participation in their reviews"
CODES = [f"PN{n}" for n in range(8)]
RATES = [
    ("Under 4 at the review (PN0), of all reviews", "participation.under4.pct"),
    ("Attended and spoke for themselves (PN1)", "participation.direct.pct_4plus"),
    ("Attended the review (PN1-PN4)", "participation.attended.pct_4plus"),
    ("Took part in any way (PN1-PN6)", "participation.any.pct_4plus"),
    ("Conveyed their views (PN1-PN3, PN5, PN6)", "participation.views_conveyed.pct_4plus"),
    ("Did not take part (PN7)", "participation.none.pct_4plus"),
    ("Contributed in some way (all but PN7), of all reviews", "participation.contributed.pct_all"),
    ("Seen by the IRO before the review", "participation.seen_before_review.pct"),
]


def build(inputs: ReportInputs) -> Section:
    codes = codes_table(inputs)
    rates = percentages_table(
        "participation-rates", "How children took part in their reviews", inputs.tables, RATES,
        year=inputs.year, previous_year=inputs.previous_year,
        notes=["Unless marked otherwise, percentages are of reviews of children aged "
               f"{inputs.rules.participation.pn0_under_age} or over (all reviews less PN0)."],
    )  # fmt: skip
    chart = None
    if codes is not None:
        chart = Chart("participation-chart", "Reviews by participation code", "bar", codes.id,
                      ["Reviews"])  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs), tables=[codes, rates],
        charts=[chart],
    )  # fmt: skip


def codes_table(inputs: ReportInputs) -> Table | None:
    """[code, meaning, reviews, % of all reviews, % of reviews of children 4+], with a total."""
    f = inputs.tables
    counts = f.counts("participation.code.count")
    if not counts:
        return None
    of_all = f.breakdown("participation.code.pct_all")
    of_four_plus = f.breakdown("participation.code.pct_4plus")
    rows: list[list[Cell]] = [
        [code, PN_LABELS.get(code, ""), counts.get(code, 0), of_all.get(code),
         of_four_plus.get(code)]
        for code in CODES
    ]  # fmt: skip
    total = sum(n for n in counts.values() if say.known(n))
    rows.append(["Total", "All reviews", total, 100.0 if total else None, None])
    return Table(
        "participation-codes", "Reviews by participation code (PN0-PN7)",
        ["Code", "Meaning", "Reviews", "Per cent of all reviews", "Per cent of reviews of 4+"],
        rows, kinds=["label", "text", "count", "pct", "pct"], total_row=True,
        metric_ids=["participation.code.count", "participation.code.pct_all",
                    "participation.code.pct_4plus"],
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(under_four(inputs), headline(inputs), seen_before(inputs))


def under_four(inputs: ReportInputs) -> str | None:
    """'Of the 797 reviews, 114 (14%) were of children under 4, who are not expected to take
    part in the same way.'"""
    f, metric_id = inputs.said, "participation.under4.pct"
    under, of = f.numerator(metric_id), f.denominator(metric_id)
    if not say.known(f.value(metric_id), under, of):
        return None
    age = inputs.rules.participation.pn0_under_age
    return say.sentence(
        f"of the {say.count_of(of, 'review')}, {say.number(under)} "
        f"({say.percent(f.value(metric_id))}) {say.was_were(under)} of children under {age}"
    )


def headline(inputs: ReportInputs) -> str | None:
    """'Of the 683 reviews of children aged 4 or over, 76% of children attended and spoke for
    themselves, down from 77%; 98.4% took part in some way.'"""
    f, direct = inputs.said, "participation.direct.pct_4plus"
    value, before, base = f.value(direct), f.previous(direct), f.denominator(direct)
    if not say.known(value, base):
        return None
    age = inputs.rules.participation.pn0_under_age
    text = (
        f"of the {say.count_of(base, 'review')} of children aged {age} or over, "
        f"{say.percent(value, beside=before)} of children attended and spoke for themselves"
    )
    change = say.compare_percent(value, before)
    any_way = f.value("participation.any.pct_4plus")
    took_part = f"{say.percent(any_way)} took part in some way" if say.known(any_way) else None
    return say.sentence(f"{text}, {change}" if change else text, took_part)


def seen_before(inputs: ReportInputs) -> str | None:
    value = inputs.said.value("participation.seen_before_review.pct")
    if not say.known(value):
        return None
    return say.sentence(
        f"the IRO saw or spoke with the child before the meeting for {say.percent(value)} of reviews"
    )
