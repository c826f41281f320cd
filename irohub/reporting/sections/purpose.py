"""Purpose and legal context: the same statutory text every council's report opens with."""

from __future__ import annotations

from irohub.reporting.document import Section
from irohub.reporting.sections.base import ReportInputs, section

SECTION_ID = "purpose"
TITLE = "Purpose of the service and its legal context"

PARAGRAPHS = (
    "Every child in the care of the local authority must have an Independent Reviewing Officer "
    "(IRO). The authority must appoint one for each child (Children Act 1989, section 25A). The "
    "IRO's statutory functions are to monitor the authority's performance of its functions in "
    "relation to the child's case, to take part in every review of the child's case, to make "
    "sure that the child's wishes and feelings are given due consideration, and any other "
    "function prescribed in regulations (section 25B(1)). Where the authority does not put "
    "things right, the IRO may refer the child's case to Cafcass (section 25B(3)).",
    "The Care Planning, Placement and Case Review (England) Regulations 2010 set the timetable "
    "of reviews: the first within 20 working days of the child becoming looked after, the "
    "second within three months of the first, and then at intervals of no more than six months "
    "(regulation 33). They set what the IRO must do at each review: chair the meeting, speak to "
    "the child in private beforehand, make sure the parents' views have been sought and that "
    "any failure to review the case or to carry out its decisions is drawn to the attention of "
    "a senior manager (regulation 36). The IRO must also make sure that the child knows how to "
    "get help from an advocate and how to make a complaint (regulation 45).",
    "The IRO Handbook (Department for Children, Schools and Families, 2010) is the statutory "
    "guidance for IROs and local authorities. It asks for an IRO to be appointed within five "
    "working days of a child coming into care, for caseloads of 50 to 70 children for each "
    "full-time IRO, for a formal process to resolve disputes about a child's plan within 20 "
    "working days, and for the IRO service manager to produce this annual report for the "
    "corporate parenting board.",
    "This report covers the reporting year {year}, from {start} to {end}. Children in care are "
    "counted on {snapshot}. Every figure in it is computed from the council's own records by "
    "one calculation, so the same figure is the same number wherever it appears.",
)


def build(inputs: ReportInputs) -> Section:
    from irohub.reporting.render.cells import format_date

    words = {
        "year": inputs.year,
        "start": format_date(inputs.period.start),
        "end": format_date(inputs.period.end),
        "snapshot": inputs.snapshot_words,
    }
    return section(
        inputs, SECTION_ID, TITLE, sentences=[text.format(**words) for text in PARAGRAPHS]
    )
