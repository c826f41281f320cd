"""Escalation pages: the open escalations with their clocks, raising one for a child, the
escalation's own page with every stage's clock, stepping it up and concluding it.

Views are thin: permission, visibility (a child the person may not see is a 404, audited), one
form, one service. Pages that show an escalation show a child's record, so they write a
`viewed` audit event.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.audit.services import record, viewed
from irohub.children.models import Child
from irohub.council.selectors import current_rules
from irohub.escalations import ladder, selectors, services
from irohub.escalations.forms import ChildChoiceForm, ConcludeForm, RaiseForm, StepUpForm
from irohub.escalations.models import Escalation
from irohub.staff.models import IRO
from irohub.staff.visibility import can_see_child, visible_children

TARGET = services.TARGET
CHILD_TARGET = "child"  # as the child record pages name a child in the audit trail


def today() -> date:
    """Today, in one place so tests can pin it."""
    return date.today()


def _refuse(request, target_type: str, target_id) -> Http404:
    """A record the person may not see: audited, and answered as if it did not exist."""
    record(by=request.user, action="refused", target_type=target_type, target_id=target_id)
    return Http404("There is no such record.")


def child_or_404(request, child_id: str) -> Child:
    child = Child.objects.filter(child_id=child_id).first()
    if child is None:
        raise Http404("There is no such child.")
    if not can_see_child(request.user, child, on=today()):
        raise _refuse(request, CHILD_TARGET, child_id)
    return child


def escalation_or_404(request, escalation_id: str) -> Escalation:
    escalation = selectors.with_details(Escalation.objects.filter(escalation_id=escalation_id))
    found = escalation.first()
    if found is None:
        raise Http404("There is no such escalation.")
    if not can_see_child(request.user, found.child, on=today()):
        raise _refuse(request, TARGET, escalation_id)
    return found


@requires(Permission.RAISE_ESCALATIONS)
def escalation_list(request):
    show = "concluded" if request.GET.get("show") == "concluded" else "open"
    sort = request.GET.get("sort") if request.GET.get("sort") in selectors.SORTS else "days_left"
    iro_id = request.GET.get("iro")
    iro_id = int(iro_id) if iro_id and iro_id.isdigit() else None
    rows = selectors.listing(
        request.user, on=today(), rules=current_rules(), show=show, sort=sort, iro_id=iro_id
    )
    counts = {key: sum(1 for r in rows if r.tag == tag) for key, tag in selectors.TAGS.items()}
    context = {"rows": rows, "show": show, "sort": sort, "counts": counts, "today": today(),
               "iro_id": iro_id, "manager": user_can(request.user, Permission.MANAGE_ESCALATIONS),
               "iros": IRO.objects.filter(pk__in=[r.escalation.iro_id for r in rows])
               if show == "open" else ()}  # fmt: skip
    return render(request, "escalations/list.html", context)


@requires(Permission.RAISE_ESCALATIONS)
def choose_child(request):
    """Start raising an escalation by choosing one of the children the person may see."""
    children = visible_children(request.user, on=today()).filter(looked_after=True)
    form = ChildChoiceForm(request.GET or None, children=children.order_by("family_name", "pk"))
    if request.GET and form.is_valid():
        return redirect("escalations:raise", form.cleaned_data["child"])
    return render(
        request,
        "govuk/choose_child.html",
        {"form": form, "heading": "Raise an escalation", "back": reverse("escalations:list")},
    )


def _iro_for(user, child: Child) -> IRO | None:
    """The raising IRO's own record, else (a manager raising) the child's IRO."""
    return IRO.objects.filter(user=user).first() or child.current_iro


@requires(Permission.RAISE_ESCALATIONS)
def raise_escalation(request, child_id: str):
    child = child_or_404(request, child_id)
    rules = current_rules()
    form = RaiseForm(
        request.POST if request.method == "POST" else None, rules=rules, initial={"opened": today()}
    )
    iro = _iro_for(request.user, child)
    if request.method == "POST" and form.is_valid():
        if iro is None:
            form.add_error(None, "This child has no IRO: allocate one before raising a challenge")
        else:
            try:
                made = services.raise_escalation(
                    child=child, iro=iro, today=today(), rules=rules, by=request.user,
                    **{k: form.cleaned_data[k] for k in ("kind", "themes", "summary", "opened")},
                )  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, f"Escalation {made.escalation_id} raised.")
                return redirect("escalations:detail", made.escalation_id)
    viewed(by=request.user, target_type=CHILD_TARGET, target_id=child.child_id)
    return render(request, "escalations/raise.html", {"child": child, "form": form, "iro": iro})


def _add_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@requires(Permission.RAISE_ESCALATIONS)
def detail(request, escalation_id: str):
    escalation = escalation_or_404(request, escalation_id)
    rules = current_rules()
    row = selectors.live(escalation, rules=rules, as_at=today())
    viewed(by=request.user, target_type=TARGET, target_id=escalation_id)
    stages = row.clock.stages if row.clock else ()
    context = {
        "row": row,
        "escalation": escalation,
        "child": escalation.child,
        "stages": [{"clock": s, "tag": _stage_tag(s)} for s in stages],
        "can_step_up": escalation.closed_date is None and bool(_later(escalation, rules)),
        "child_record": _child_record_url(escalation.child),
    }
    return render(request, "escalations/detail.html", context)


def _stage_tag(stage) -> selectors.Tag:
    if stage.breached:
        return selectors.TAGS["red"]
    if stage.ended is not None:
        return selectors.Tag("Done", "govuk-tag--grey")
    return selectors.TAGS["green"]


def _child_record_url(child: Child) -> str:
    """The child's record page (blank where the child record pages are not mounted)."""
    try:
        return reverse("children:record", args=[child.child_id])
    except NoReverseMatch:
        return ""


def _later(escalation: Escalation, rules) -> list:
    open_stages = [s for s in escalation.stages.all() if s.ended_date is None]
    current = max(open_stages, key=lambda s: s.started_date).stage if open_stages else ""
    return ladder.later_stages(rules, current)


@requires(Permission.RAISE_ESCALATIONS)
def step_up(request, escalation_id: str):
    escalation = escalation_or_404(request, escalation_id)
    rules = current_rules()
    if escalation.closed_date is not None or not _later(escalation, rules):
        raise Http404("This escalation cannot step up.")
    form = StepUpForm(request.POST if request.method == "POST" else None, stages=_later(escalation, rules),
                      initial={"on": today()})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.step_up(escalation=escalation, stage=form.cleaned_data["stage"],
                             on=form.cleaned_data["on"], today=today(), rules=rules,
                             by=request.user)  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            name = ladder.stage(rules, form.cleaned_data["stage"]).name
            messages.success(request, f"{escalation_id} stepped up to {name}.")
            return redirect("escalations:detail", escalation_id)
    viewed(by=request.user, target_type=TARGET, target_id=escalation_id)
    return render(request, "escalations/step_up.html", {"escalation": escalation, "form": form})


@requires(Permission.RAISE_ESCALATIONS)
def conclude(request, escalation_id: str):
    escalation = escalation_or_404(request, escalation_id)
    if escalation.closed_date is not None:
        raise Http404("This escalation has already been concluded.")
    rules = current_rules()
    form = ConcludeForm(request.POST if request.method == "POST" else None, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.conclude(escalation=escalation, today=today(), rules=rules, by=request.user,
                              **{k: form.cleaned_data[k] for k in ("outcome", "on", "notes")})  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{escalation_id} concluded.")
            return redirect("escalations:detail", escalation_id)
    viewed(by=request.user, target_type=TARGET, target_id=escalation_id)
    return render(request, "escalations/conclude.html", {"escalation": escalation, "form": form})
