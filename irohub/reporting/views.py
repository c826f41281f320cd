"""The annual report in the site: the years with data, a year's report inside the site's pages
with every format to download (and the public versions), and the manager's own words for each
section. Views are thin: the report is made by irohub.reporting.annual, its text by services."""

from __future__ import annotations

import json
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.council.selectors import current_rules
from irohub.reporting import selectors, services
from irohub.reporting.annual import NARRATIVE_SECTIONS, AnnualReport
from irohub.reporting.forms import NarrativeForm
from irohub.reporting.metrics.base import ReportingPeriod
from irohub.reporting.models import ReportNarrative
from irohub.reporting.publication import IdentifierLeak
from irohub.reporting.render import CONTENT_TYPES, render_html

FORMATS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "html": "HTML", "json": "JSON"}


def today() -> date:
    """Today, in one place so tests can pin it."""
    return date.today()


def _period(year: str) -> ReportingPeriod:
    """The reporting year, if it is one the data cover (404 otherwise)."""
    rules = current_rules()
    try:
        period = ReportingPeriod.for_year(year, rules)
    except ValueError:
        raise Http404("There is no such reporting year.") from None
    if period.label not in {p.label for p in selectors.years_with_data(today=today(), rules=rules)}:
        raise Http404("There are no data for that reporting year.")
    return period


def _annual(period: ReportingPeriod) -> AnnualReport:
    return AnnualReport.compute(period, as_at=min(period.end, today()), rules=current_rules())


@requires(Permission.VIEW_REPORTS)
def years(request):
    periods = selectors.years_with_data(today=today(), rules=current_rules())
    rows = [{"period": p, "complete": p.end < today()} for p in periods]
    return render(request, "reporting/site/years.html", {"rows": rows})


@requires(Permission.VIEW_REPORTS)
def year(request, year: str):
    from irohub.reporting.render.html import stylesheet

    period = _period(year)
    doc = _annual(period).document(publication=False, generated_on=today())
    context = {
        "period": period,
        "body": mark_safe(render_html(doc, standalone=False)),  # the renderer escapes the text
        "stylesheet": mark_safe(stylesheet()),
        "downloads": _downloads(period),
        "sections": _sections(period)
        if user_can(request.user, Permission.EDIT_REPORT_NARRATIVE)
        else [],
    }
    return render(request, "reporting/site/year.html", context)


def _downloads(period: ReportingPeriod) -> list[dict]:
    return [
        {
            "label": label,
            "internal": reverse("reporting:download", args=[period.label, fmt]),
            "public": reverse("reporting:download_public", args=[period.label, fmt]),
        }
        for fmt, label in FORMATS.items()
    ]


def _sections(period: ReportingPeriod) -> list[dict]:
    return [
        {"title": title, "href": reverse("reporting:narrative", args=[period.label, section_id])}
        for section_id, title in NARRATIVE_SECTIONS.items()
    ]


@requires(Permission.VIEW_REPORTS)
def download(request, year: str, fmt: str):
    return _download(request, year, fmt, publication=False)


@requires(Permission.VIEW_REPORTS)
def download_public(request, year: str, fmt: str):
    return _download(request, year, fmt, publication=True)


def _download(request, year: str, fmt: str, *, publication: bool):
    from irohub.reporting.render import render as render_document

    if fmt not in FORMATS:
        raise Http404("There is no such format.")
    period = _period(year)
    annual = _annual(period)
    try:
        if fmt == "json":
            output = json.dumps(annual.json(publication=publication), indent=2, default=str)
            content_type = "application/json"
        else:
            doc = annual.document(publication=publication, generated_on=today())
            identifiers = selectors.child_identifiers() if publication else ()
            output = render_document(doc, fmt, identifiers=identifiers)
            content_type = CONTENT_TYPES[fmt]
    except IdentifierLeak as leak:
        context = {"period": period, "problem": str(leak)}
        return render(request, "reporting/site/not_published.html", context, status=409)
    response = HttpResponse(output, content_type=content_type)
    name = f"iro-annual-report-{period.label}{'-public' if publication else ''}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _section_title(section: str) -> str:
    if section not in NARRATIVE_SECTIONS:
        raise Http404("There is no such section of the report.")
    return NARRATIVE_SECTIONS[section]


@requires(Permission.EDIT_REPORT_NARRATIVE)
def narrative(request, year: str, section: str):
    period, title = _period(year), _section_title(section)
    form = NarrativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_narrative(
            year=period.label, section=section, kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"], order=form.cleaned_data["order"] or 0, by=request.user,
        )  # fmt: skip
        messages.success(request, f"Your text was added to “{title}”.")
        return redirect("reporting:narrative", period.label, section)
    return _narrative_page(request, period, section, title, form, entry=None)


@requires(Permission.EDIT_REPORT_NARRATIVE)
def narrative_edit(request, year: str, section: str, pk: int):
    period, title = _period(year), _section_title(section)
    entry = get_object_or_404(ReportNarrative, pk=pk, year=period.label, section=section)
    initial = {"kind": entry.kind, "text": entry.text, "order": entry.order}
    form = NarrativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_narrative(
            year=period.label, section=section, kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"], order=form.cleaned_data["order"] or 0, entry=entry,
            by=request.user,
        )  # fmt: skip
        messages.success(request, f"Your text in “{title}” was changed.")
        return redirect("reporting:narrative", period.label, section)
    return _narrative_page(request, period, section, title, form, entry=entry)


def _narrative_page(request, period, section, title, form, *, entry):
    context = {
        "period": period,
        "section_id": section,
        "title": title,
        "form": form,
        "entry": entry,
        "entries": selectors.section_entries(period.label, section),
    }
    return render(request, "reporting/site/narrative.html", context)


@requires(Permission.EDIT_REPORT_NARRATIVE)
@require_POST
def narrative_remove(request, year: str, section: str, pk: int):
    period, title = _period(year), _section_title(section)
    entry = get_object_or_404(ReportNarrative, pk=pk, year=period.label, section=section)
    services.remove_narrative(entry=entry, by=request.user)
    messages.success(request, f"The text was removed from “{title}”.")
    return redirect("reporting:narrative", period.label, section)
