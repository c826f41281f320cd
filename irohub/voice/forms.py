"""Forms of the voice pages: the public feedback form (words from `wording`), the choice of
feedback links to make, and advocacy referrals."""

from __future__ import annotations

import re

from django import forms

from irohub.accounts.govuk_forms import GovukDateField
from irohub.voice.feedback import QUESTIONS
from irohub.voice.models import AdvocacyReferral, FeedbackResponse
from irohub.voice.wording import Wording


def number_input(decimal: bool = True) -> forms.TextInput:
    """GOV.UK asks for a text input with a numeric keyboard, not type="number"."""
    return forms.TextInput(
        attrs={"inputmode": "decimal" if decimal else "numeric", "spellcheck": "false"}
    )


YES_NO_NOT_SURE = [("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")]
DATE_HINT = "For example, 27 3 2026"


class FeedbackForm(forms.Form):
    """Yes / No / Not sure for each question, and an optional comment."""

    comment = forms.CharField(widget=forms.Textarea, required=False, max_length=2000)

    def __init__(self, *args, wording: Wording, **kwargs):
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question] = forms.ChoiceField(
                label=getattr(wording, question),
                choices=YES_NO_NOT_SURE,
                widget=forms.RadioSelect,
                help_text=wording.knows_iro_role_hint if question == "knows_iro_role" else "",
                error_messages={"required": "Choose yes, no or not sure"},
            )
        self.fields["comment"].label = wording.comment
        self.fields["comment"].help_text = wording.comment_hint
        self.order_fields([*QUESTIONS, "comment"])


class LinksForm(forms.Form):
    respondents = forms.MultipleChoiceField(
        label="Who should get a feedback link?",
        help_text="Each link works once. Making a new link stops an unused older one working.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one person to ask"},
    )

    def __init__(self, *args, respondents=(), child_band="", **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(FeedbackResponse.Respondent.choices)
        self.fields["respondents"].choices = [
            (r, f"{labels[r]} (form for ages {child_band})" if r == "child" else labels[r])
            for r in respondents
        ]


ISSUE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
COMMON_ISSUES = [
    ("housing", "Housing"),
    ("education", "Education, employment or training"),
    ("social_worker", "Concerns about the social worker or personal adviser"),
    ("support_at_meetings", "Support at meetings"),
    ("complaint", "Making a complaint"),
    ("contact", "Family time and contact"),
    ("placement", "Where they live"),
    ("health", "Health"),
]


class ReferralForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of referral",
        choices=AdvocacyReferral.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of referral"},
    )
    referral_date = GovukDateField(label="Date referred", help_text=DATE_HINT)
    provider = forms.CharField(label="Provider", required=False, max_length=200)
    issues = forms.MultipleChoiceField(
        label="Issues raised",
        help_text="Select all that apply.",
        choices=COMMON_ISSUES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_issues = forms.CharField(
        label="Other issues (optional)",
        help_text="Short codes in lower case, separated by commas, for example: money, identity",
        required=False,
        max_length=300,
    )
    hours = forms.DecimalField(
        widget=number_input(),
        label="Hours delivered (optional)", required=False, min_value=0, max_digits=8,
        decimal_places=2, error_messages={"invalid": "Hours must be a number, like 7.5"},
    )  # fmt: skip
    closed_date = GovukDateField(label="Date closed (optional)", help_text=DATE_HINT,
                                 required=False)  # fmt: skip

    def clean_other_issues(self) -> list[str]:
        codes = [
            c.strip().lower().replace(" ", "_")
            for c in self.cleaned_data["other_issues"].split(",")
        ]
        codes = [c for c in codes if c]
        bad = [c for c in codes if not ISSUE_PATTERN.match(c)]
        if bad:
            raise forms.ValidationError("Write other issues as words separated by commas")
        return codes

    def clean(self):
        data = super().clean()
        opened, closed = data.get("referral_date"), data.get("closed_date")
        if opened and closed and closed < opened:
            self.add_error("closed_date", "The date closed must be on or after the date referred")
        return data
