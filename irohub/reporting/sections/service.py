"""The IRO service: workforce, FTE, employment types, who the IROs are against the children they
serve, and caseloads per full-time IRO against the IRO Handbook's band."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Cell, Section, Table, is_number
from irohub.reporting.metrics.base import pct
from irohub.reporting.sections import labels
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import chart_of, figures_table, percentages_table

EMPLOYMENT_WORDS = {
    "permanent": "permanent",
    "fixed_term": "on fixed-term contracts",
    "agency": "agency (locum)",
    "commissioned": "commissioned",
}
SECTION_ID = "iro_service"
TITLE = "The IRO service"


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    types = employment_table(inputs)
    by_sex = _against_children(
        "iro-sex", "Sex of IROs and of children in care", f.counts("iro.by_sex.pct"),
        f.counts("cohort.cla_snapshot.by_sex"), label="Sex", labels=labels.sex,
        order=labels.SEX_ORDER, metric_ids=["iro.by_sex.pct", "cohort.cla_snapshot.by_sex"],
    )  # fmt: skip
    by_ethnicity = _against_children(
        "iro-ethnicity", "Ethnicity of IROs and of children in care",
        f.counts("iro.by_ethnicity"), f.counts("cohort.cla_snapshot.by_ethnicity"),
        label="Ethnic group", labels=str, order=labels.ETHNICITY_GROUPS,
        metric_ids=["iro.by_ethnicity", "cohort.cla_snapshot.by_ethnicity"],
    )  # fmt: skip
    caseloads = caseload_table(inputs)
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[types, by_sex, by_ethnicity, caseloads, measures_table(inputs),
                changes_table(inputs)],
        charts=[chart_of(caseloads, "iro-caseload-chart", "Children per full-time IRO",
                         kind="bar", series=["Children per FTE"])],
    )  # fmt: skip


def measures_table(inputs: ReportInputs) -> Table | None:
    return percentages_table(
        "iro-measures", "Allocation and continuity", inputs.tables,
        [
            (f"IRO allocated within {inputs.rules.deadlines.iro_allocation}",
             "iro.allocation.within_5wd_pct"),
            ("Children in care a year or more with the same IRO all year",
             "iro.continuity.same_iro_pct"),
        ],
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip


def employment_table(inputs: ReportInputs) -> Table | None:
    """IROs and FTE by employment type. Headcounts are staff figures, which the DfE
    small-number rule does not cover (as in the JSON, publication_metrics.STAFF_METRICS), so
    they are printed as numbers, not suppressed counts."""
    found = inputs.tables.breakdown("iro.by_employment_type")
    if not found:
        return None
    rows: list[list[Cell]] = []
    for key, entry in found.items():
        record = entry if isinstance(entry, dict) else {"headcount": entry}
        rows.append([labels.employment(key), record.get("headcount"), record.get("fte")])
    total = [sum(r[j] for r in rows if is_number(r[j])) for j in (1, 2)]
    rows.append(["Total", total[0], round(total[1], 2)])
    return Table(
        "iro-employment", "IROs by employment type", ["Employment type", "IROs", "FTE"], rows,
        kinds=["label", "number", "number"], total_row=True,
        metric_ids=["iro.by_employment_type"],
    )  # fmt: skip


def changes_table(inputs: ReportInputs) -> Table | None:
    return figures_table(
        "iro-changes", "Changes of IRO", inputs.tables,
        [("Changes of IRO for each child in care during the year",
          "iro.continuity.changes_per_child")],
        year=inputs.year, previous_year=inputs.previous_year, kind="number",
    )  # fmt: skip


def _against_children(table_id, title, iros, children, *, label, labels, order, metric_ids):
    """[category, IROs, IROs %, children in care, children %]. The IRO count is a staff figure
    (see employment_table); in a published report the IRO percentage is hidden with the children's
    count of its row, which is the cautious way round."""
    if not iros and not children:
        return None
    keys = [k for k in order if k in iros or k in children]
    keys += [k for k in {**iros, **children} if k not in keys]
    iro_base = sum(v for v in iros.values() if is_number(v))
    child_base = sum(v for v in children.values() if is_number(v))
    rows: list[list[Cell]] = []
    for key in keys:
        staff, kids = iros.get(key, 0), children.get(key, 0)
        rows.append([labels(key), staff, _share(staff, iro_base), kids, _share(kids, child_base)])
    columns = [label, "IROs", "IROs (per cent)", "Children in care", "Children (per cent)"]
    return Table(
        table_id, title, columns, rows, kinds=["label", "number", "pct", "count", "pct"],
        metric_ids=metric_ids,
    )  # fmt: skip


def _share(count, base) -> Cell:
    return pct(count, base) if is_number(count) else None


def caseload_table(inputs: ReportInputs) -> Table | None:
    """Children, FTE and children per FTE for each IRO (anonymised), with the service total."""
    by_iro = inputs.tables.breakdown("iro.caseload.by_iro")
    if not by_iro:
        return None
    rows: list[list[Cell]] = []
    for iro_id in sorted(by_iro, key=str):  # the order IRO 1, IRO 2... are numbered in
        record = by_iro[iro_id] if isinstance(by_iro[iro_id], dict) else {}
        rows.append(
            [inputs.iro_label(iro_id), record.get("children"), record.get("fte"),
             record.get("per_fte")]
        )  # fmt: skip
    children = sum(r[1] for r in rows if is_number(r[1]))
    fte = round(sum(r[2] for r in rows if is_number(r[2])), 2)
    rows.append(["All IROs", children, fte, inputs.tables.value("iro.caseload.per_fte")])
    low, high = inputs.rules.caseload.band_per_fte
    return Table(
        "iro-caseloads", f"Caseloads on {inputs.snapshot_words}",
        ["IRO", "Children", "FTE", "Children per FTE"], rows,
        kinds=["label", "count", "number", "rate"], total_row=True,
        metric_ids=["iro.caseload.by_iro", "iro.caseload.per_fte"],
        notes=[f"The IRO Handbook asks for {say.number(low)} to {say.number(high)} children for each "
               "full-time IRO."],
    )  # fmt: skip


def within_band(inputs: ReportInputs) -> tuple[int, int] | None:
    """(IROs whose caseload per FTE is inside the band, IROs with a caseload)."""
    low, high = inputs.rules.caseload.band_per_fte
    per_fte = [
        record.get("per_fte")
        for record in inputs.said.breakdown("iro.caseload.by_iro").values()
        if isinstance(record, dict)
    ]
    if not per_fte or not all(is_number(v) for v in per_fte):
        return None
    return sum(low <= v <= high for v in per_fte), len(per_fte)


def sentences(inputs: ReportInputs) -> list[str]:
    return say.drafted(
        team_sentence(inputs), caseload_sentence(inputs), allocation_sentence(inputs)
    )


def team_sentence(inputs: ReportInputs) -> str | None:
    """'The service had 8 IROs (7.4 full-time equivalent) on 31 March 2025: 4 permanent and
    4 commissioned.'"""
    f = inputs.said
    headcount, fte = f.value("iro.headcount"), f.value("iro.fte")
    if not say.known(headcount):
        return None
    text = f"The service had {say.count_of(headcount, 'IRO')}"
    if say.known(fte):
        text += f" ({say.number(fte)} full-time equivalent)"
    text += f" on {inputs.snapshot_words}"
    kinds = [
        f"{say.number(n)} {EMPLOYMENT_WORDS.get(k, labels.employment(k).lower())}"
        for k, n in f.counts("iro.by_employment_type").items()
        if say.known(n) and n
    ]
    return say.sentence(text + (": " + say.listing(kinds) if len(kinds) > 1 else ""))


def caseload_sentence(inputs: ReportInputs) -> str | None:
    """'Each full-time IRO held 58 children on average, within the 50-70 band of the IRO
    Handbook; 5 of 8 IROs were within it.'"""
    per_fte = inputs.said.value("iro.caseload.per_fte")
    if not say.known(per_fte):
        return None
    low, high = inputs.rules.caseload.band_per_fte
    where = "within" if low <= per_fte <= high else ("above" if per_fte > high else "below")
    text = (
        f"each full-time IRO held {say.number(round(per_fte, 1))} children on average, {where} "
        f"the {say.number(low)}-{say.number(high)} band of the IRO Handbook"
    )
    counted = within_band(inputs)
    detail = None
    if counted is not None:
        inside, total = counted
        detail = (
            f"none of the {say.count_of(total, 'IRO')} was within it"
            if inside == 0
            else f"{say.number(inside)} of {say.count_of(total, 'IRO')} {say.was_were(inside)} within it"
        )
    return say.sentence(text, detail)


def allocation_sentence(inputs: ReportInputs) -> str | None:
    """'For 92% of children coming into care an IRO was allocated within 5 working days, up
    from 88%.'"""
    f, metric_id = inputs.said, "iro.allocation.within_5wd_pct"
    value, before = f.value(metric_id), f.previous(metric_id)
    if not say.known(value):
        return None
    limit = inputs.rules.deadlines.iro_allocation
    text = (
        f"for {say.percent(value, beside=before)} of children coming into care an IRO was "
        f"allocated within {limit}"
    )
    return say.sentence(text, say.compare_percent(value, before), joiner=", ")
