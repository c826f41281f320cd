"""A child's record, and who has viewed it. Opening a record is audited; a child the person
may not see is a 404 (and an audit event), never a hint that the child exists."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.audit.selectors import who_viewed
from irohub.children import selectors
from irohub.children.models import Child
from irohub.council.selectors import current_rules
from irohub.reviews.caseload import RAG_TAGS, STATUS_TAGS
from irohub.statutory.participation import PN_LABELS

P = Permission


@requires()
def record(request, child_id: str):
    today = selectors.today()
    child = selectors.open_record(request.user, child_id, on=today)
    found = selectors.child_record(child, today=today, rules=current_rules())
    user = request.user
    can_record = user_can(user, P.RECORD_REVIEWS)
    context = {
        "record": found,
        "cards": _review_cards(found, child, links=can_record),
        "status_tags": STATUS_TAGS,
        "rag_tags": RAG_TAGS,
        "pn_labels": PN_LABELS,
        "child": child,
        "can_record": can_record,
        "can_schedule": can_record or user_can(user, P.BOOK_REVIEWS),
        "can_audit": user_can(user, P.VIEW_AUDIT),
        "can_escalate": user_can(user, P.RAISE_ESCALATIONS),
        "can_allocate": user_can(user, P.ALLOCATE_IROS),
    }
    return render(request, "children/record.html", context)


# A review pk no review has: the one argument of an address that varies by review.
_ANY_REVIEW = 918273645546372819


def _per_review(name: str, *args):
    """Make the addresses of one URL name whose last argument is a review's pk, reversed once
    per page instead of once per review card."""
    head, _, tail = reverse(name, args=[*args, _ANY_REVIEW]).rpartition(str(_ANY_REVIEW))
    return lambda pk: f"{head}{pk}{tail}"


def _review_cards(found, child, *, links: bool) -> list[tuple]:
    """(review, facts, quality, (change, letter, feedback addresses) or None) for each review
    card; the addresses only for people who may record reviews (the page links them then)."""
    if not links:
        return [(*card, None) for card in found.review_cards]
    change = _per_review("reviews:change", child.child_id)
    letter = _per_review("letters:letter", child.child_id)
    feedback = _per_review("voice:feedback_links")
    return [
        (review, *facts, (change(review.pk), letter(review.pk), feedback(review.pk)))
        for review, *facts in found.review_cards
    ]


@requires(P.VIEW_AUDIT)
def viewers(request, child_id: str):
    """Who opened the child's record, newest first (from the append-only audit trail)."""
    child = get_object_or_404(Child, child_id=child_id)
    page = Paginator(who_viewed(selectors.CHILD_TARGET, child.child_id), 50)
    context = {"child": child, "page": page.get_page(request.GET.get("page"))}
    return render(request, "children/viewers.html", context)
