"""The filter on the audit events page."""

from __future__ import annotations

from django import forms


class EventFilterForm(forms.Form):
    target_type = forms.ChoiceField(label="Type of record", required=False)
    target_id = forms.CharField(
        label="Record identifier",
        required=False,
        max_length=100,
        help_text="For example, a child's 903 CHILD identifier or a user's number",
    )
    actor = forms.CharField(label="User name of the person", required=False, max_length=150)

    def __init__(self, *args, target_types: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_type"].choices = [("", "Any")] + [(t, t) for t in target_types]
