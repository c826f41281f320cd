"""Feedback from children and complaints about the IRO service."""

from __future__ import annotations

from irohub.reporting import sentences as say
from irohub.reporting.document import Section
from irohub.reporting.sections.base import ReportInputs, section
from irohub.reporting.sections.tables import breakdown_table, figures_table, percentages_table

SECTION_ID = "feedback"
TITLE = "Feedback and complaints"
RESPONSES = "feedback.responses.count"
QUESTIONS = [
    ("Know what their IRO does", "feedback.knows_iro_role.pct"),
    ("Felt listened to at their review", "feedback.felt_listened_to.pct"),
    ("Had their questions answered", "feedback.questions_answered.pct"),
    ("Say their life is getting better", "feedback.life_getting_better.pct"),
]
RESPONDENTS = {
    "child": "Children and young people",
    "parent": "Parents",
    "carer": "Carers",
    "professional": "Professionals",
}


def build(inputs: ReportInputs) -> Section:
    f = inputs.tables
    counts = [("Formal complaints about the IRO service", "complaints.iro_service.count")]
    if isinstance(f.value(RESPONSES), dict):
        respondents = f.counts(RESPONSES)
    else:
        respondents = f.detail(RESPONSES, "by_respondent")
        counts.insert(0, ("Feedback responses received", RESPONSES))
    by_respondent = breakdown_table(
        "feedback-respondents", "Feedback responses by who replied", respondents,
        label="Respondent", count_header="Responses",
        labels=lambda key: RESPONDENTS.get(key, key), order=list(RESPONDENTS),
        metric_ids=[RESPONSES],
    )  # fmt: skip
    key = figures_table(
        "feedback-key", "Feedback and complaints", f, counts,
        year=inputs.year, previous_year=inputs.previous_year,
    )  # fmt: skip
    answers = percentages_table(
        "feedback-answers", "What children and young people told us", f, QUESTIONS,
        year=inputs.year, previous_year=inputs.previous_year,
        notes=["Of the children and young people who answered each question."],
    )  # fmt: skip
    return section(
        inputs, SECTION_ID, TITLE, sentences=sentences(inputs),
        tables=[key, by_respondent, answers],
    )  # fmt: skip


def sentences(inputs: ReportInputs) -> list[str]:
    f = inputs.said
    responses = f.value(RESPONSES)
    if isinstance(responses, dict):
        counted = [v for v in responses.values() if say.known(v)]
        responses = sum(counted) if len(counted) == len(responses) else None
    received = None
    if say.known(responses):
        received = (
            f"{say.subject(responses, 'feedback response')} {say.was_were(responses)} received"
        )
    answers = [
        f"{say.percent(f.value(mid))} {label[0].lower() + label[1:]}"
        for label, mid in QUESTIONS[:3]
        if say.known(f.value(mid))
    ]
    said = (
        "of the children and young people who replied, " + say.listing(answers) if answers else None
    )
    complaints = f.value("complaints.iro_service.count")
    complained = None
    if say.known(complaints):
        complained = (
            "there were no formal complaints about the IRO service"
            if complaints == 0
            else f"there {say.was_were(complaints)} {say.count_of(complaints, 'formal complaint')} about the IRO service"
        )
    return say.drafted(say.sentence(received), say.sentence(said), say.sentence(complained))
