"""The record of a review written as a letter to the child (Brent's "letter to the child"), and
the child's "My IRO" card.

`draft` starts a letter in plain words from what irohub knows about the review; the IRO writes
the rest. `save_letter` keeps it in `Review.letter` through the recording service (optimistic
locking: a letter saved by someone else since is never overwritten silently), audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction

from irohub.audit.services import record
from irohub.reviews import recording
from irohub.reviews.models import Review

TARGET = "reviews.review"

# How the child took part (PN code), as the child would say it.
TOOK_PART = {
    "PN0": "You are still very small, so we thought hard about what is best for you.",
    "PN1": "You came to your review and told us yourself what you think.",
    "PN2": "You came to your review and your advocate helped you tell us what you think.",
    "PN3": "You came to your review and showed us what you think in your own way.",
    "PN4": "You came to your review. Next time I hope you will tell us what you think.",
    "PN5": "You did not come to your review, but your advocate told us what you think.",
    "PN6": "You did not come to your review, but you told us what you think in another way.",
    "PN7": "You did not come to your review, and this time we did not hear what you think. "
    "I would really like to hear from you next time.",
}
HOW_WE_MET = {
    "in_person": "We met in person.",
    "virtual": "We met on a video call.",
    "hybrid": "Some of us met in person and some joined on a video call.",
}
ABOUT_THE_IRO = (
    "An IRO (Independent Reviewing Officer) makes sure the plan for your life is right for you "
    "and that the adults do what they said they would. I chair your reviews, I listen to what "
    "you think, and I can help if you are worried or unhappy about something."
)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def draft(review: Review, *, next_due: date | None = None) -> str:
    """A first draft in plain words from the review's facts, with gaps for the IRO to fill."""
    child = review.child
    iro = review.chair or child.current_iro
    lines = [
        f"Dear {child.given_name or 'you'},",
        " ".join(
            filter(
                None,
                [
                    f"On {long_date(review.review_date)} we met to talk about how things are going for "
                    "you.",
                    HOW_WE_MET.get(review.format, ""),
                    TOOK_PART.get(review.pn_code, ""),
                ],
            )
        ),  # fmt: skip
        "[Write here what we talked about: home, school, family, friends, health, and what you "
        "want to happen.]",
        "[Write here what we agreed, and who will do each thing.]",
    ]
    if review.advocacy_offered:
        lines.append("We talked about having an advocate: someone who can help you say what you "
                     "think and who is on your side.")  # fmt: skip
    if next_due:
        lines.append(f"Your next review will be by {long_date(next_due)}.")
    lines.append("If you want to talk to me before then, you can" + _reach(iro) + ".")
    lines.append(f"From {iro.name}, your IRO" if iro else "From your IRO")
    return "\n\n".join(lines)


def _reach(iro) -> str:
    ways = [f" email me at {iro.email}"] if iro and iro.email else []
    if settings.IROHUB_SERVICE_PHONE:
        ways.append(f" phone {settings.IROHUB_SERVICE_PHONE}")
    return " or".join(ways) if ways else " ask your carer or social worker to get in touch with me"


def save_letter(*, review: Review, text: str, version: int, by, today: date) -> Review:
    """Keep the letter made from `version` of the review. Raises recording.StaleReview when
    someone saved the review since (nothing is saved)."""
    with transaction.atomic():
        saved = recording.change_review(review=review, version=version,
                                        changes={"letter": text.strip()}, by=by, today=today)  # fmt: skip
        # The letter's words are the child's business: the audit says it changed, not what.
        record(by=by, action="letter_saved", target_type=TARGET, target_id=saved.pk,
               after={"words": len(text.split()), "version": saved.version})  # fmt: skip
    return saved


@dataclass(frozen=True)
class Card:
    """What the child's "My IRO" card says."""

    child_name: str
    iro_name: str
    email: str
    phone: str
    about: str = ABOUT_THE_IRO


def card(child) -> Card | None:
    """The card for the child's current IRO, or None when the child has no IRO."""
    iro = child.current_iro
    if iro is None:
        return None
    return Card(child.given_name or child.display_name, iro.name, iro.email,
                settings.IROHUB_SERVICE_PHONE)  # fmt: skip
