"""Quality assurance pages for managers (MANAGE_QUALITY): case audits and dip samples with the
three scores and a grade, and complaints about the IRO service. Thin views: permission,
visibility, one form, one service."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from irohub.accounts.access import requires
from irohub.accounts.roles import Permission
from irohub.audit.services import record, viewed
from irohub.quality import selectors, services
from irohub.quality.forms import AuditForm, AuditScoresForm, ComplaintForm, ComplaintUpdateForm
from irohub.quality.models import Audit
from irohub.staff.visibility import can_see_child, visible_children
from irohub.voice import services as voice_services
from irohub.voice.models import Complaint

CHILD_TARGET = "child"  # as the child record pages name a child in the audit trail
SCORE_FIELDS = ("iro_score", "manager_score", "moderated_score", "grade", "findings")


def today() -> date:
    """Today, in one place so tests can pin it."""
    return date.today()


def _add_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@requires(Permission.MANAGE_QUALITY)
def audits(request):
    kind = request.GET.get("type", "")
    found = selectors.audits(request.user, on=today(), audit_type=kind)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {"page": page, "kind": kind, "kinds": Audit.Type.choices}
    return render(request, "quality/audits.html", context)


@requires(Permission.MANAGE_QUALITY)
def audit_add(request):
    children = visible_children(request.user, on=today())
    form = AuditForm(
        request.POST if request.method == "POST" else None,
        children=children,
        initial={"audit_date": today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            audit = services.record_audit(
                child=data["child_id"], audit_type=data["audit_type"],
                audit_date=data["audit_date"], today=today(), by=request.user,
                **{f: data[f] for f in SCORE_FIELDS},
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Audit {audit.audit_id} recorded.")
            return redirect("quality:audits")
    return render(request, "quality/audit_form.html", {"form": form})


@requires(Permission.MANAGE_QUALITY)
def audit_edit(request, audit_id: str):
    audit = Audit.objects.select_related("child").filter(audit_id=audit_id).first()
    if audit is None:
        raise Http404("There is no such audit.")
    if not can_see_child(request.user, audit.child, on=today()):
        record(by=request.user, action="refused", target_type=services.TARGET, target_id=audit_id)
        raise Http404("There is no such audit.")
    initial = {f: getattr(audit, f) for f in SCORE_FIELDS}
    form = AuditScoresForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_audit(audit=audit, by=request.user, **form.cleaned_data)
        messages.success(request, f"Audit {audit.audit_id} updated.")
        return redirect("quality:audits")
    viewed(by=request.user, target_type=CHILD_TARGET, target_id=audit.child.child_id)
    return render(request, "quality/audit_form.html", {"form": form, "audit": audit})


@requires(Permission.MANAGE_QUALITY)
def complaints(request):
    page = Paginator(selectors.complaints(), 50).get_page(request.GET.get("page"))
    return render(request, "quality/complaints.html", {"page": page})


@requires(Permission.MANAGE_QUALITY)
def complaint_add(request):
    form = ComplaintForm(
        request.POST if request.method == "POST" else None, initial={"received_date": today()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            voice_services.record_complaint(today=today(), by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Complaint recorded.")
            return redirect("quality:complaints")
    return render(request, "quality/complaint_form.html", {"form": form})


@requires(Permission.MANAGE_QUALITY)
def complaint_edit(request, pk: int):
    complaint = get_object_or_404(Complaint, pk=pk)
    initial = {"stage": complaint.stage, "outcome": complaint.outcome}
    form = ComplaintUpdateForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        voice_services.update_complaint(complaint=complaint, by=request.user, **form.cleaned_data)
        messages.success(request, "Complaint updated.")
        return redirect("quality:complaints")
    context = {"form": form, "complaint": complaint}
    return render(request, "quality/complaint_form.html", context)
