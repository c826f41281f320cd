"""A child's record, and who has viewed it. Opening a record is audited; a child the person
may not see is a 404 (and an audit event), never a hint that the child exists."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

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
    context = {
        "record": found,
        "child": child,
        "status_tags": STATUS_TAGS,
        "rag_tags": RAG_TAGS,
        "pn_labels": PN_LABELS,
        "can_record": user_can(user, P.RECORD_REVIEWS),
        "can_schedule": user_can(user, P.RECORD_REVIEWS) or user_can(user, P.BOOK_REVIEWS),
        "can_audit": user_can(user, P.VIEW_AUDIT),
        "can_escalate": user_can(user, P.RAISE_ESCALATIONS),
        "can_allocate": user_can(user, P.ALLOCATE_IROS),
    }
    return render(request, "children/record.html", context)


@requires(P.VIEW_AUDIT)
def viewers(request, child_id: str):
    """Who opened the child's record, newest first (from the append-only audit trail)."""
    child = get_object_or_404(Child, child_id=child_id)
    page = Paginator(who_viewed(selectors.CHILD_TARGET, child.child_id), 50)
    context = {"child": child, "page": page.get_page(request.GET.get("page"))}
    return render(request, "children/viewers.html", context)
