"""Feedback after a review: the single-use links, and the anonymous answers given through them.

The services of feedback (every write here is keyword-only, in one transaction, audited):

* `create_links(review=, respondents=, today=, by=)` makes one link per respondent (the child,
  with a form for their age band, a parent, a carer, a professional). Each link carries a token
  from `secrets.token_urlsafe(32)`; only its SHA-256 hash is stored, with an expiry. The tokens
  are returned once, to be printed or sent, and can never be shown again.
* `submit(token=, answers=, comment=, today=)` stores a `FeedbackResponse` with NO child
  identifier and no link to the invitation or the review: the invitation records only that it
  was used. A second use, a forged token or an expired one raises `LinkProblem` and stores
  nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from irohub.audit.services import record
from irohub.statutory.participation import age_on
from irohub.voice.models import FeedbackInvitation, FeedbackResponse

LINK_LIFETIME = timedelta(days=60)
Respondent = FeedbackResponse.Respondent
RESPONDENTS = tuple(Respondent.values)
# The child's form in plain words for their age (4-7, 8-11, 12+); no form under 4.
CHILD_BANDS = (("4-7", 4, 7), ("8-11", 8, 11), ("12+", 12, None))
ANSWERS = {"yes": True, "no": False, "not_sure": None}
QUESTIONS = ("knows_iro_role", "felt_listened_to", "questions_answered", "life_getting_better")


class LinkProblem(Exception):
    """Why a feedback link cannot be used: `unknown` (forged or mistyped), `used`, `expired`
    or `withdrawn` (a newer link replaced it)."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class IssuedLink:
    """A link as made: shown once, with its token, then only its hash is kept."""

    respondent: str
    age_band: str
    token: str
    expires_on: date

    @property
    def respondent_label(self) -> str:
        return Respondent(self.respondent).label


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def child_band(dob: date, on: date) -> str | None:
    """The child's form band on a day, or None under 4 (too young for a written form)."""
    age = age_on(dob, on)
    for label, low, high in CHILD_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return None


def respondents_for(review, *, today: date) -> list[str]:
    """Who may be asked after this review: the child when 4 or over, and the adults."""
    child_ok = child_band(review.child.dob, today) is not None
    return [r for r in RESPONDENTS if r != Respondent.CHILD or child_ok]


def create_links(*, review, respondents, today: date, by) -> list[IssuedLink]:
    """One new single-use link per respondent; any unused earlier link for the same review and
    respondent is withdrawn, so only the newest printed link works."""
    wanted = [r for r in respondents_for(review, today=today) if r in set(respondents)]
    band = child_band(review.child.dob, today) or ""
    issued = [
        IssuedLink(
            r,
            band if r == Respondent.CHILD else "",
            secrets.token_urlsafe(32),
            today + LINK_LIFETIME,
        )  # fmt: skip
        for r in wanted
    ]
    with transaction.atomic():
        FeedbackInvitation.objects.filter(
            review=review, respondent__in=wanted, used=False, withdrawn=False
        ).update(withdrawn=True)
        FeedbackInvitation.objects.bulk_create(
            FeedbackInvitation(
                review=review,
                respondent=link.respondent,
                age_band=link.age_band,
                token_hash=hash_token(link.token),
                created_on=today,
                expires_on=link.expires_on,
                created_by=by if getattr(by, "is_authenticated", False) else None,
            )  # fmt: skip
            for link in issued
        )
        record(by=by, action="feedback_links_created", target_type="reviews.review",
               target_id=review.pk, after={"respondents": wanted, "expires_on": str(today + LINK_LIFETIME)})  # fmt: skip
    return issued


def check(token: str, *, today: date, lock: bool = False) -> FeedbackInvitation:
    """The invitation a token belongs to, if it may still be used; else LinkProblem."""
    found = FeedbackInvitation.objects.filter(token_hash=hash_token(token or ""))
    invitation = (found.select_for_update() if lock else found).first()
    if invitation is None:
        raise LinkProblem("unknown")
    if invitation.used:
        raise LinkProblem("used")
    if invitation.withdrawn:
        raise LinkProblem("withdrawn")
    if today > invitation.expires_on:
        raise LinkProblem("expired")
    return invitation


def submit(*, token: str, answers: dict[str, str], comment: str, today: date) -> None:
    """Store one anonymous response and spend the link, together or not at all.

    Nothing about the invitation goes into the response beyond the respondent type and the
    child's age band; the audit event names the response only. Returns nothing on purpose.
    """
    with transaction.atomic():
        invitation = check(token, today=today, lock=True)
        spent = FeedbackInvitation.objects.filter(pk=invitation.pk, used=False).update(used=True)
        if spent != 1:  # another request spent it between the check and now
            raise LinkProblem("used")
        response = FeedbackResponse.objects.create(
            response_date=today, respondent=invitation.respondent, age_band=invitation.age_band,
            comment=comment.strip(), source=FeedbackResponse.Source.FORM,
            **{q: ANSWERS[answers[q]] for q in QUESTIONS},
        )  # fmt: skip
        record(by=None, action="feedback_received", target_type="voice.feedbackresponse",
               target_id=response.pk)  # fmt: skip
