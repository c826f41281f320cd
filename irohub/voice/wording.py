"""The feedback forms' words, for each respondent and each child's age band.

The four questions are the same everywhere (they feed feedback.*.pct, metrics.md §2.14); only
the words change. Children's forms use short, plain sentences; the youngest use the fewest
words. Every answer is Yes, No or Not sure ("not sure" is stored as no answer, never a no).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    heading: str
    intro: str
    knows_iro_role: str
    knows_iro_role_hint: str
    felt_listened_to: str
    questions_answered: str
    life_getting_better: str
    comment: str
    comment_hint: str
    button: str = "Send"
    young: bool = False  # larger text and spacing


IRO_IS = "Your IRO is the person who chairs your meetings and checks your plan is working."

CHILD = {
    "4-7": Wording(
        heading="Tell us about your meeting",
        intro="There are 4 questions. There are no right or wrong answers.",
        knows_iro_role="Do you know what your IRO does?",
        knows_iro_role_hint="Your IRO runs your meetings. They check that grown-ups do what they said.",
        felt_listened_to="Did your IRO listen to you?",
        questions_answered="Did you get answers to your questions?",
        life_getting_better="Are things getting better for you?",
        comment="Is there anything else you want to tell us?",
        comment_hint="You do not have to write anything. A grown-up can help you write.",
        young=True,
    ),
    "8-11": Wording(
        heading="Tell us about your review meeting",
        intro="There are 4 questions. There are no right or wrong answers. We do not ask your name.",
        knows_iro_role="Do you know what your IRO does?",
        knows_iro_role_hint=IRO_IS,
        felt_listened_to="Did you feel listened to at your meeting?",
        questions_answered="Did you get answers to your questions?",
        life_getting_better="Do you think your life is getting better?",
        comment="Is there anything else you want to tell us?",
        comment_hint="You do not have to write anything.",
        young=True,
    ),
    "12+": Wording(
        heading="Tell us about your review",
        intro="4 questions about your last review. We do not ask your name, and your IRO will not see who said what.",
        knows_iro_role="Do you understand what your IRO's job is?",
        knows_iro_role_hint=IRO_IS,
        felt_listened_to="Did you feel listened to at your review?",
        questions_answered="Were your questions answered?",
        life_getting_better="Do you feel your life is getting better?",
        comment="Anything else you want to say? (optional)",
        comment_hint="For example, what went well, or what would make your reviews better.",
    ),
}

ADULT_HINT = "The IRO (Independent Reviewing Officer) chairs the child's reviews and checks the plan is working."


def _adult(heading: str, better: str) -> Wording:
    return Wording(
        heading=heading,
        intro="4 questions about the review you took part in. We do not ask your name.",
        knows_iro_role="Do you understand what the IRO's role is?",
        knows_iro_role_hint=ADULT_HINT,
        felt_listened_to="Did you feel listened to at the review?",
        questions_answered="Were your questions answered?",
        life_getting_better=better,
        comment="Anything else you want to tell us? (optional)",
        comment_hint="Please do not include anyone's name.",
    )


ADULTS = {
    "parent": _adult(
        "Feedback for parents", "Do you think things are getting better for your child?"
    ),
    "carer": _adult(
        "Feedback for carers", "Do you think things are getting better for the child you care for?"
    ),
    "professional": _adult(
        "Feedback for professionals", "Do you think things are getting better for the child?"
    ),
}


def wording_for(respondent: str, age_band: str) -> Wording:
    if respondent == "child":
        return CHILD.get(age_band, CHILD["12+"])
    return ADULTS[respondent]
