"""Reads of the voice pages shared by views, narrowed to the children the person may see."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from irohub.reviews.models import Review
from irohub.staff.visibility import visible_children


def recent_reviews(user, *, since: date, until: date) -> QuerySet[Review]:
    """Reviews held from `since` to `until` of the children `user` may see, newest first, with
    how many feedback links are live or used (`links`) and answered (`answered`): one query."""
    live = Q(feedback_invitations__withdrawn=False)
    return (
        Review.objects.filter(
            child__in=visible_children(user, on=until), review_date__range=(since, until)
        )
        .select_related("child")
        .annotate(
            links=Count("feedback_invitations", filter=live),
            answered=Count("feedback_invitations", filter=Q(feedback_invitations__used=True)),
        )
        .order_by("-review_date", "child__child_id")
    )
