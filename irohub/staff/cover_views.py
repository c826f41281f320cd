"""The managers' cover page: grant an IRO cover of a colleague's caseload or one child for set
dates, and end a grant early. Writes go through irohub.staff.cover (audited)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from irohub.accounts.access import requires
from irohub.accounts.govuk_forms import GovukDateField
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.children.models import Child
from irohub.staff import cover
from irohub.staff.models import IRO, CoverGrant

SCOPES = [("caseload", "A colleague's whole caseload"), ("child", "One child")]
# The service's field names for the form's fields, to put its errors in the right place.
SERVICE_FIELDS = {"covered_iro": "covered_iro", "end_date": "end"}


class CoverForm(forms.Form):
    covering_iro = forms.ModelChoiceField(
        queryset=IRO.objects.none(), label="Which IRO will cover?",
        error_messages={"required": "Select the IRO who will cover"},
    )  # fmt: skip
    scope = forms.ChoiceField(
        label="What will they cover?", choices=SCOPES, widget=forms.RadioSelect,
        error_messages={"required": "Select a colleague's caseload or one child"},
    )  # fmt: skip
    covered_iro = forms.ModelChoiceField(
        queryset=IRO.objects.none(), required=False, empty_label="Choose a colleague",
        label="Colleague whose caseload is covered", help_text="For a whole caseload",
    )  # fmt: skip
    child_id = forms.CharField(label="Child ID", required=False, max_length=20,
                               help_text="For one child: the child's ID, for example C00123")  # fmt: skip
    start = GovukDateField(label="First day of cover")
    end = GovukDateField(label="Last day of cover", required=False,
                         help_text="Leave blank to cover until you end it")  # fmt: skip
    reason = forms.CharField(label="Reason", max_length=300,
                             error_messages={"required": "Enter the reason for the cover"},
                             help_text="For example, annual leave or an urgent review")  # fmt: skip

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        in_post = IRO.objects.exclude(end_date__lt=today).order_by("name", "iro_id")
        self.fields["covering_iro"].queryset = in_post
        self.fields["covered_iro"].queryset = in_post

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope")
        cleaned["child"] = None
        if scope == "caseload" and not cleaned.get("covered_iro"):
            self.add_error("covered_iro", "Select the colleague whose caseload is covered")
        if scope == "child":
            cleaned["covered_iro"] = None
            child_id = cleaned.get("child_id", "").strip()
            cleaned["child"] = Child.objects.filter(child_id=child_id).first() if child_id else None
            if cleaned["child"] is None:
                self.add_error("child_id", "Enter the ID of a child known to irohub")
        return cleaned


def _grant(form, by) -> bool:
    data = form.cleaned_data
    try:
        cover.grant(covering_iro=data["covering_iro"], covered_iro=data["covered_iro"],
                    child=data["child"], start=data["start"], end=data["end"],
                    reason=data["reason"], by=by)  # fmt: skip
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            form.add_error(SERVICE_FIELDS.get(name), problems)
        return False
    return True


def _posted(request):
    """The submitted data, or None for a GET (an empty POST is still a submission to check)."""
    return request.POST if request.method == "POST" else None


@requires(Permission.ALLOCATE_IROS)
def cover_page(request):
    today = children.today()
    form = CoverForm(_posted(request), today=today)
    if request.method == "POST" and form.is_valid() and _grant(form, request.user):
        messages.success(request, f"Cover granted to {form.cleaned_data['covering_iro'].name}")
        return redirect("staff:cover")
    grants = list(cover.grants(on=today))
    context = {"form": form, "grants": grants, "today": today,
               "active": {g.pk for g in grants if g.active_on(today)}}  # fmt: skip
    return render(request, "staff/cover.html", context)


@require_POST
@requires(Permission.ALLOCATE_IROS)
def end_cover(request, grant_id: int):
    grant = get_object_or_404(CoverGrant, pk=grant_id)
    ended = cover.end(grant=grant, on=children.today(), by=request.user)
    messages.success(request, f"Cover by {ended.covering_iro.name} ended")
    return redirect("staff:cover")
