"""The children in care: who was in care on the snapshot date, against the child population."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Cell, Section, Table
from irohub.reporting.sections import children_flow, labels, placements
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import (
    bar_chart,
    breakdown_table,
    figures_table,
    matrix_table,
    ordered,
)

SECTION_ID = "children"
TITLE = "The children in our care"
SNAPSHOT_ID = "children_snapshot"
DIMENSIONS = {
    "sex": ("Sex", "cohort.cla_snapshot.by_sex", labels.sex),
    "age_band": ("Age", "cohort.cla_snapshot.by_age_band", str),
    "ethnicity_group": ("Ethnicity", "cohort.cla_snapshot.by_ethnicity", str),
}


def _orders(inputs: ReportInputs) -> dict[str, list[str]]:
    bands = list(inputs.rules.age_bands().labels)
    return {"sex": labels.SEX_ORDER, "age_band": bands, "ethnicity_group": labels.ETHNICITY_GROUPS}


def build(inputs: ReportInputs) -> Section:
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        subsections=[snapshot(inputs), children_flow.build(inputs), placements.build(inputs)],
    )  # fmt: skip


def snapshot(inputs: ReportInputs) -> Section:
    f, bands = inputs.tables, list(inputs.rules.age_bands().labels)
    by_age = breakdown_table(
        "cla-age", f"Children in care on {inputs.snapshot_words} by age",
        f.counts("cohort.cla_snapshot.by_age_band"), label="Age", count_header="Children",
        labels=str, order=bands, metric_ids=["cohort.cla_snapshot.by_age_band"],
    )  # fmt: skip
    by_sex = breakdown_table(
        "cla-sex", "Children in care by sex", f.counts("cohort.cla_snapshot.by_sex"),
        label="Sex", count_header="Children", labels=labels.sex, order=labels.SEX_ORDER,
        metric_ids=["cohort.cla_snapshot.by_sex"],
    )  # fmt: skip
    age_by_sex = matrix_table(
        "cla-age-sex", "Children in care by age and sex", f.breakdown("cohort.cla_snapshot.age_by_sex"),
        rows_label="Age", columns=[k for k in labels.SEX_ORDER], row_keys=bands, labels=str,
        metric_ids=["cohort.cla_snapshot.age_by_sex"],
    )  # fmt: skip
    if age_by_sex is not None:
        age_by_sex.columns = ["Age", *(labels.sex(c) for c in age_by_sex.columns[1:-1]), "Total"]
    by_ethnicity = breakdown_table(
        "cla-ethnicity", "Children in care by ethnic group",
        f.counts("cohort.cla_snapshot.by_ethnicity"), label="Ethnic group",
        count_header="Children", labels=str, order=labels.ETHNICITY_GROUPS,
        metric_ids=["cohort.cla_snapshot.by_ethnicity"],
    )  # fmt: skip
    return section(
        inputs, SNAPSHOT_ID, f"Children in care on {inputs.snapshot_words}",
        sentences=snapshot_sentences(inputs),
        tables=[key_figures(inputs), rate_table(inputs), by_age, by_sex, age_by_sex,
                by_ethnicity, population_table(inputs)],
        charts=[bar_chart(by_age, "cla-age-chart", "Children in care by age")],
    )  # fmt: skip


def key_figures(inputs: ReportInputs) -> Table | None:
    return figures_table(
        "cla-key", "Children in care: key figures", inputs.tables,
        [
            (f"In care on {inputs.snapshot_words}", "cohort.cla_snapshot.count"),
            ("In care at any time in the year", "cohort.cla_any_time.count"),
            ("Unaccompanied asylum-seeking children", "cohort.uasc.count"),
            ("Unaccompanied asylum-seeking children aged 16 or over", "cohort.uasc_16plus.count"),
            ("Remanded to the council's care during the year", "cohort.remand.count"),
            ("Children in short-break care (not counted above)", "cohort.short_breaks.count"),
        ],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip


def rate_table(inputs: ReportInputs) -> Table | None:
    """The rate per 10,000 beside the count it rests on, so publication hides both together."""
    f = inputs.tables
    count, rate = "cohort.cla_snapshot.count", "cohort.cla_snapshot.rate_per_10k"
    if f.value(rate) is None:
        return None
    rows: list[list[Cell]] = [
        [inputs.year, f.value(count), f.value(rate)],
        [inputs.previous_year, f.previous(count), f.previous(rate)],
    ]
    return Table(
        "cla-rate", "Children in care for every 10,000 children in the area",
        ["Year", "Children in care", "Per 10,000 children"], rows,
        kinds=["label", "count", "rate"], metric_ids=[count, rate],
    )  # fmt: skip


def population_table(inputs: ReportInputs) -> Table | None:
    """Children in care against the resident child population, dimension by dimension."""
    comparison = inputs.tables.breakdown("cohort.population_comparison.pct")
    rows: list[list[Cell]] = []
    orders = _orders(inputs)
    for dimension, (name, source, labeller) in DIMENSIONS.items():
        counts, found = inputs.tables.counts(source), comparison.get(dimension) or {}
        for category in ordered(found, orders[dimension]):
            entry = found[category]
            if not isinstance(entry, dict):
                continue
            rows.append(
                [f"{name}: {labeller(category)}", counts.get(category), entry.get("cla_pct"),
                 entry.get("population_pct"), entry.get("ratio")]
            )  # fmt: skip
    if not rows:
        return None
    return Table(
        "cla-population", "Children in care compared with all children in the area",
        ["Group", "Children in care", "Per cent of children in care",
         "Per cent of all children", "Ratio"], rows,
        kinds=["label", "count", "pct", "pct", "rate"],
        metric_ids=["cohort.population_comparison.pct"],
        notes=["Ratio: the share of children in care divided by the share of all children "
               "(above 1: more of this group are in care than their share of the population)."],
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    """The headline of the whole section (also used in the summary)."""
    return say.drafted(headline(inputs))


def headline(inputs: ReportInputs) -> str | None:
    """'329 children were in care on 31 March 2025, 34 more than a year before; that is 50.0
    for every 10,000 children in the area.'"""
    f, metric_id = inputs.said, "cohort.cla_snapshot.count"
    count = f.value(metric_id)
    if not say.known(count):
        return None
    text = f"{say.subject(count, 'child')} {say.was_were(count)} in care on {inputs.snapshot_words}"
    change = say.compare_count(count, f.previous(metric_id), since="a year before")
    if change:
        text += f", {change}"
    rate = f.value("cohort.cla_snapshot.rate_per_10k")
    per = f"that is {rate:.1f} for every 10,000 children in the area" if say.known(rate) else None
    return say.sentence(text, per)


def snapshot_sentences(inputs: ReportInputs) -> list[str]:
    f = inputs.said
    uasc, older = f.value("cohort.uasc.count"), f.value("cohort.uasc_16plus.count")
    uasc_text = None
    if say.known(uasc) and uasc:
        uasc_text = f"{say.count_of(uasc, 'child')} {say.was_were(uasc)} unaccompanied asylum-seeking children"
        if say.known(older):
            uasc_text += f", {say.number(older)} of them aged 16 or over"
    return say.drafted(largest_age(inputs), sex_sentence(inputs), say.sentence(uasc_text))


def largest_age(inputs: ReportInputs) -> str | None:
    counts = {
        k: v
        for k, v in inputs.said.counts("cohort.cla_snapshot.by_age_band").items()
        if say.known(v)
    }
    if not counts:
        return None
    band = max(counts, key=counts.get)
    return say.sentence(
        f"the largest group of children in care were aged {band} ({say.count_of(counts[band], 'child')})"
    )


def sex_sentence(inputs: ReportInputs) -> str | None:
    shares = inputs.said.shares("cohort.cla_snapshot.by_sex")
    boys, girls = shares.get("M"), shares.get("F")
    if not say.known(boys, girls):
        return None
    return say.sentence(
        f"{say.percent(boys, beside=girls)} of children in care were boys and "
        f"{say.percent(girls, beside=boys)} girls"
    )
