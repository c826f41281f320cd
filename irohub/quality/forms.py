"""Forms of the quality pages: case audits and complaints, in GOV.UK patterns."""

from __future__ import annotations

from django import forms

from irohub.accounts.govuk_forms import GovukDateField
from irohub.quality.models import Audit
from irohub.voice.forms import number_input

DATE_HINT = "For example, 27 3 2026"
COMPLAINT_OUTCOMES = [
    ("", "Not decided yet"),
    ("upheld", "Upheld"),
    ("partly upheld", "Partly upheld"),
    ("not upheld", "Not upheld"),
    ("withdrawn", "Withdrawn"),
]


def _score(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        widget=number_input(),
        label=label, required=False, min_value=0, max_value=100, max_digits=6, decimal_places=2,
        error_messages={"invalid": f"{label} must be a number, like 4 or 7.5",
                        "min_value": f"{label} cannot be negative",
                        "max_value": f"{label} must be 100 or less"},
    )  # fmt: skip


class AuditScoresForm(forms.Form):
    iro_score = _score("IRO's score (optional)")
    manager_score = _score("Manager's score (optional)")
    moderated_score = _score("Moderated score (optional)")
    grade = forms.ChoiceField(
        label="Grade (optional)",
        choices=[("", "Not graded")] + list(Audit.Grade.choices),
        widget=forms.RadioSelect,
        required=False,
    )
    findings = forms.CharField(
        label="What the audit found (optional)", widget=forms.Textarea, required=False,
        max_length=5000,
    )  # fmt: skip


class AuditForm(AuditScoresForm):
    child_id = forms.CharField(
        label="Child ID",
        help_text="The child's ID in the SSDA903 return, for example C00123",
        max_length=20,
        error_messages={"required": "Enter the child ID"},
    )
    audit_type = forms.ChoiceField(
        label="Kind of audit",
        choices=Audit.Type.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of audit"},
    )
    audit_date = GovukDateField(label="Date of the audit", help_text=DATE_HINT)

    field_order = ["child_id", "audit_type", "audit_date", "iro_score", "manager_score",
                   "moderated_score", "grade", "findings"]  # fmt: skip

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.children = children  # the children the person may see

    def clean_child_id(self):
        """The Child itself, found among the children the person may see."""
        child = self.children.filter(child_id=self.cleaned_data["child_id"].strip()).first()
        if child is None:
            raise forms.ValidationError("There is no child with that ID you can see")
        return child


class ComplaintForm(forms.Form):
    received_date = GovukDateField(label="Date received", help_text=DATE_HINT)
    stage = forms.TypedChoiceField(
        label="Stage of the complaints procedure",
        choices=[(1, "Stage 1"), (2, "Stage 2"), (3, "Stage 3")],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage"},
    )
    outcome = forms.ChoiceField(label="Outcome", choices=COMPLAINT_OUTCOMES, required=False)
    summary = forms.CharField(
        label="What the complaint is about (optional)",
        help_text="Do not include the child's name.",
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )


class ComplaintUpdateForm(forms.Form):
    stage = ComplaintForm.base_fields["stage"]
    outcome = ComplaintForm.base_fields["outcome"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = (self.initial.get("outcome") or "").strip()
        known = {value for value, _ in COMPLAINT_OUTCOMES}
        if current and current not in known:  # an imported outcome in the council's own words
            self.fields["outcome"].choices = [*COMPLAINT_OUTCOMES, (current, current)]
