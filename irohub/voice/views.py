"""Advocacy and independent-visitor pages: the referrals of the children one may see, and
recording or updating a referral. Thin views: permission, visibility, one form, one service."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.audit.services import record, viewed
from irohub.children.models import Child
from irohub.escalations.forms import ChildChoiceForm
from irohub.staff.visibility import can_see_child, visible_children
from irohub.voice import services
from irohub.voice.forms import ReferralForm
from irohub.voice.models import AdvocacyReferral

CHILD_TARGET = "child"  # as the child record pages name a child in the audit trail
SHOWS = {"open": "Open", "closed": "Closed", "all": "All"}


def today() -> date:
    """Today, in one place so tests can pin it."""
    return date.today()


def _child_or_404(request, child_id: str) -> Child:
    child = Child.objects.filter(child_id=child_id).first()
    if child is None or not can_see_child(request.user, child, on=today()):
        record(by=request.user, action="refused", target_type=CHILD_TARGET, target_id=child_id)
        raise Http404("There is no such child.")
    return child


@requires(Permission.RECORD_REVIEWS)
def advocacy_list(request):
    show = request.GET.get("show") if request.GET.get("show") in SHOWS else "open"
    found = (
        AdvocacyReferral.objects.filter(child__in=visible_children(request.user, on=today()))
        .select_related("child")
        .prefetch_related("issues")
        .order_by("-referral_date", "-id")
    )
    if show == "open":
        found = found.filter(closed_date__isnull=True)
    elif show == "closed":
        found = found.filter(closed_date__isnull=False)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {"page": page, "show": show, "shows": SHOWS,
               "manager": user_can(request.user, Permission.MANAGE_QUALITY)}  # fmt: skip
    return render(request, "voice/advocacy/list.html", context)


@requires(Permission.RECORD_REVIEWS)
def choose_child(request):
    children = visible_children(request.user, on=today()).filter(looked_after=True)
    form = ChildChoiceForm(request.GET or None, children=children.order_by("family_name", "pk"))
    form.fields["child"].label = "Which child was referred?"
    if request.GET and form.is_valid():
        return redirect("voice:advocacy_record", form.cleaned_data["child"])
    return render(
        request,
        "govuk/choose_child.html",
        {"form": form, "heading": "Record a referral", "back": reverse("voice:advocacy")},
    )


def _add_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _issues(form) -> list[str]:
    return [*form.cleaned_data["issues"], *form.cleaned_data["other_issues"]]


@requires(Permission.RECORD_REVIEWS)
def record_referral(request, child_id: str):
    child = _child_or_404(request, child_id)
    form = ReferralForm(
        request.POST if request.method == "POST" else None, initial={"referral_date": today()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_referral(
                child=child, kind=data["kind"], referral_date=data["referral_date"],
                provider=data["provider"], issues=_issues(form), hours=data["hours"],
                closed_date=data["closed_date"], today=today(), by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Referral recorded for {child.display_name}.")
            return redirect("voice:advocacy")
    viewed(by=request.user, target_type=CHILD_TARGET, target_id=child.child_id)
    return render(request, "voice/advocacy/record.html", {"child": child, "form": form})


@requires(Permission.RECORD_REVIEWS)
def edit_referral(request, pk: int):
    referral = AdvocacyReferral.objects.select_related("child").filter(pk=pk).first()
    if referral is None:
        raise Http404("There is no such referral.")
    _child_or_404(request, referral.child.child_id)
    issues = list(referral.issues.values_list("theme", flat=True))
    known = {code for code, _ in ReferralForm.base_fields["issues"].choices}
    initial = {"kind": referral.kind, "referral_date": referral.referral_date,
               "provider": referral.provider, "hours": referral.hours,
               "closed_date": referral.closed_date, "issues": [i for i in issues if i in known],
               "other_issues": ", ".join(i for i in issues if i not in known)}  # fmt: skip
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None:  # the kind and date name the referral: they are not changed here
        data["kind"], data["referral_date_day"] = referral.kind, referral.referral_date.day
        data["referral_date_month"] = referral.referral_date.month
        data["referral_date_year"] = referral.referral_date.year
    form = ReferralForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            services.update_referral(
                referral=referral, provider=form.cleaned_data["provider"], issues=_issues(form),
                hours=form.cleaned_data["hours"], closed_date=form.cleaned_data["closed_date"],
                today=today(), by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Referral for {referral.child.display_name} updated.")
            return redirect("voice:advocacy")
    viewed(by=request.user, target_type=CHILD_TARGET, target_id=referral.child.child_id)
    return render(request, "voice/advocacy/edit.html", {"referral": referral, "form": form})
