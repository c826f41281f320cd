"""The year's target register and priorities, and the entered service facts.

Anyone who reads the dashboard reads these pages; managers (MANAGE_QUALITY) change them. The
register's actuals, gaps and RAG come from the `targets.register` metric, the same function the
dashboard and the annual report read.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.council import services_targets as services
from irohub.council.forms_targets import PriorityForm, ServiceFactsForm, TargetForm, metric_choices
from irohub.council.models import Priority, ServiceFact, Target
from irohub.council.selectors import current_rules
from irohub.reporting.metrics import ReportingPeriod, compute

RAG_TAGS = {
    "green": ("On target", "govuk-tag--green"),
    "amber": ("Close to target", "govuk-tag--yellow"),
    "red": ("Off target", "govuk-tag--red"),
    None: ("No figure yet", "govuk-tag--grey"),
}
STATUS_TAGS = {
    "achieved": "govuk-tag--green",
    "part_achieved": "govuk-tag--yellow",
    "not_achieved": "govuk-tag--red",
    "in_progress": "govuk-tag--blue",
    "not_started": "govuk-tag--grey",
}


def today() -> date:
    """Today, in one place so tests can pin it."""
    return date.today()


def _period(year: str | None) -> ReportingPeriod:
    rules = current_rules()
    if not year:
        return ReportingPeriod.containing(today(), rules)
    try:
        return ReportingPeriod.for_year(year, rules)
    except ValueError:
        raise Http404("There is no such reporting year.") from None


def _register_rows(period: ReportingPeriod) -> list[dict]:
    as_at = min(period.end, today())
    result = compute(["targets.register"], period=period, rules=current_rules(), as_at=as_at,
                     with_previous=False)["targets.register"]  # fmt: skip
    titles = dict(metric_choices())
    pks = dict(Target.objects.filter(year=period.label).values_list("metric_id", "pk"))
    return [{**row, "title": titles.get(row["metric_id"], row["metric_id"]),
             "tag": RAG_TAGS.get(row["rag"], RAG_TAGS[None]), "pk": pks.get(row["metric_id"])}
            for row in result.value]  # fmt: skip


@requires(Permission.VIEW_DASHBOARD)
def register(request):
    period = _period(request.GET.get("year"))
    titles = dict(metric_choices())
    priorities = [{"row": p, "tag": STATUS_TAGS.get(p.status, "govuk-tag--grey"),
                   "evidence": titles.get(p.evidence_metric_id, p.evidence_metric_id)}
                  for p in Priority.objects.filter(year=period.label)]  # fmt: skip
    context = {
        "period": period,
        "previous": period.previous(current_rules()),
        "next": ReportingPeriod.for_year(period.start.year + 1, current_rules()),
        "targets": _register_rows(period),
        "priorities": priorities,
        "can_edit": user_can(request.user, Permission.MANAGE_QUALITY),
    }
    return render(request, "council/targets/register.html", context)


def _back(period: ReportingPeriod):
    return redirect(f"{reverse('targets:register')}?year={period.label}")


@requires(Permission.MANAGE_QUALITY)
def target_add(request, year: str):
    period = _period(year)
    form = TargetForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.save_target(year=period.label, by=request.user, **form.cleaned_data)
        messages.success(request, f"Target saved for {period.label}.")
        return _back(period)
    return render(request, "council/targets/target_form.html", {"form": form, "period": period})


@requires(Permission.MANAGE_QUALITY)
def target_edit(request, pk: int):
    target = get_object_or_404(Target, pk=pk)
    period = _period(target.year)
    initial = {"metric_id": target.metric_id, "target": target.target,
               "direction": target.direction}  # fmt: skip
    form = TargetForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        fixed_metric=target.metric_id,
    )
    if request.method == "POST" and form.is_valid():
        services.save_target(year=target.year, by=request.user, **form.cleaned_data)
        messages.success(request, f"Target changed for {period.label}.")
        return _back(period)
    context = {"form": form, "period": period, "target": target}
    return render(request, "council/targets/target_form.html", context)


@requires(Permission.MANAGE_QUALITY)
@require_POST
def target_remove(request, pk: int):
    target = get_object_or_404(Target, pk=pk)
    period = _period(target.year)
    services.remove_target(target=target, by=request.user)
    messages.success(request, "Target removed.")
    return _back(period)


@requires(Permission.MANAGE_QUALITY)
def priority_add(request, year: str):
    return _priority_page(request, _period(year), None)


@requires(Permission.MANAGE_QUALITY)
def priority_edit(request, pk: int):
    priority = get_object_or_404(Priority, pk=pk)
    return _priority_page(request, _period(priority.year), priority)


def _priority_page(request, period: ReportingPeriod, priority: Priority | None):
    initial = {} if priority is None else {
        "title": priority.title, "status": priority.status, "position": priority.position,
        "evidence_metric_id": priority.evidence_metric_id, "narrative": priority.narrative}  # fmt: skip
    form = PriorityForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_priority(year=period.label, priority=priority, by=request.user,
                               **form.cleaned_data)  # fmt: skip
        messages.success(request, f"Priority saved for {period.label}.")
        return _back(period)
    context = {"form": form, "period": period, "priority": priority}
    return render(request, "council/targets/priority_form.html", context)


@requires(Permission.MANAGE_QUALITY)
@require_POST
def priority_remove(request, pk: int):
    priority = get_object_or_404(Priority, pk=pk)
    period = _period(priority.year)
    services.remove_priority(priority=priority, by=request.user)
    messages.success(request, "Priority removed.")
    return _back(period)


@requires(Permission.MANAGE_QUALITY)
def service_facts(request, year: str | None = None):
    period = _period(year or request.GET.get("year"))
    initial = dict(ServiceFact.objects.filter(year=period.label).values_list("item", "value"))
    form = ServiceFactsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_service_facts(year=period.label, values=form.cleaned_data, by=request.user)
        messages.success(request, f"Service facts saved for {period.label}.")
        return redirect("targets:facts_year", period.label)
    context = {"form": form, "period": period, "previous": period.previous(current_rules()),
               "next": ReportingPeriod.for_year(period.start.year + 1, current_rules())}  # fmt: skip
    return render(request, "council/targets/facts.html", context)
