"""The audit trail page: who saw and changed what, filterable and paginated."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from irohub.accounts.access import requires
from irohub.accounts.roles import Permission
from irohub.audit import selectors
from irohub.audit.forms import EventFilterForm

PAGE_SIZE = 50


@requires(Permission.VIEW_AUDIT)
def events(request):
    form = EventFilterForm(request.GET or None, target_types=selectors.target_types())
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.events(
        target_type=filters.get("target_type", ""),
        target_id=filters.get("target_id", ""),
        actor=filters.get("actor", ""),
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/events.html", context)
