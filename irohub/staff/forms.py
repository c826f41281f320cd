"""Forms for allocating IROs: finding a child, and choosing their IRO with a reason."""

from __future__ import annotations

from datetime import date

from django import forms

from irohub.accounts.govuk_forms import GovukDateField
from irohub.staff.models import Allocation

REASON_NEEDS_NOTE = Allocation.ChangeReason.OTHER.value


class FindChildForm(forms.Form):
    child_id = forms.CharField(
        label="Child ID", max_length=20,
        help_text="To change a child's IRO: the child's ID, for example C000123",
        error_messages={"required": "Enter the child's ID"},
    )  # fmt: skip

    def clean_child_id(self) -> str:
        return self.cleaned_data["child_id"].strip()


class AllocationForm(forms.Form):
    iro = forms.TypedChoiceField(
        label="Which IRO?", coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Select the IRO", "invalid_choice": "Select the IRO"},
    )  # fmt: skip
    start = GovukDateField(label="Start date", help_text="For example, 22 11 2026")
    reason = forms.ChoiceField(
        label="Reason", choices=Allocation.ChangeReason.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the reason for the allocation"},
    )  # fmt: skip
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=500, widget=forms.Textarea,
        help_text="Anything a colleague should know about this choice",
    )  # fmt: skip

    def __init__(self, *args, iros: list, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iro"].choices = [(iro.pk, iro.name) for iro in iros]
        self.today = today

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == REASON_NEEDS_NOTE and not cleaned.get("note", "").strip():
            self.add_error("note", "Enter the reason in the note when you select Other")
        return cleaned
