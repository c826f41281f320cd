"""The form a manager writes a section's narrative, case study or quotation with."""

from __future__ import annotations

from django import forms

from irohub.reporting.models import ReportNarrative

MAX_TEXT = 20_000  # a few pages: a case study is long, a whole report in one box is a mistake


class NarrativeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of text is it?",
        choices=ReportNarrative.Kind.choices,
        widget=forms.RadioSelect,
        initial=ReportNarrative.Kind.NARRATIVE,
        error_messages={"required": "Select what kind of text it is"},
    )
    text = forms.CharField(
        label="Text",
        widget=forms.Textarea,
        max_length=MAX_TEXT,
        help_text=(
            "Leave a blank line between paragraphs. Do not name a child or give any detail that "
            "could identify one: the published report is checked for children's names and ids."
        ),
        error_messages={
            "required": "Enter the text",
            "max_length": f"The text must be {MAX_TEXT:,} characters or fewer",
        },
    )
    order = forms.IntegerField(
        label="Position in the section (optional)",
        required=False,
        min_value=0,
        max_value=999,
        help_text=(
            "A section shows its narrative first, then case studies, then quotations; within "
            "each, the lowest number comes first."
        ),
        error_messages={
            "invalid": "Position must be a whole number, like 1",
            "min_value": "Position must be 0 or more",
            "max_value": "Position must be 999 or less",
        },
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Enter the text")
        return text
