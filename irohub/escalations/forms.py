"""The escalation forms, in GOV.UK patterns: radios for the kind, stage and outcome, checkboxes
for themes, the three-box date input. Choices come from the rules in force."""

from __future__ import annotations

from django import forms

from irohub.accounts.govuk_forms import GovukDateField
from irohub.escalations import ladder
from irohub.escalations.models import Escalation
from irohub.statutory.settings import RuleSettings

DATE_HINT = "For example, 27 3 2026"


class ChildChoiceForm(forms.Form):
    child = forms.ChoiceField(
        label="Which child is the escalation about?",
        error_messages={"required": "Choose the child", "invalid_choice": "Choose the child"},
    )

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [("", "Choose a child")] + [
            (c.child_id, c.display_name) for c in children
        ]


class RaiseForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you raising?",
        choices=list(ladder.KINDS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you are raising"},
    )
    themes = forms.MultipleChoiceField(
        label="What is it about?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    summary = forms.CharField(
        label="Describe the concern",
        help_text="What is wrong with the child's plan, and what you have asked to happen.",
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Describe the concern"},
    )
    opened = GovukDateField(label="Date raised", help_text=DATE_HINT)

    def __init__(self, *args, rules: RuleSettings, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.fields["themes"].choices = ladder.themes(rules)
        first = {k: ladder.first_stage(rules, k) for k in (ladder.INFORMAL, ladder.FORMAL)}
        self.fields["kind"].choices = [
            (code, f"{label}, starting at: {first[code].name}" if first.get(code) else label)
            for code, label in ladder.KINDS.items()
        ]

    def clean(self):
        data = super().clean()
        if data.get("kind") not in (None, ladder.GOOD_PRACTICE) and not data.get("themes"):
            self.add_error("themes", "Choose at least one theme")
        return data


class StepUpForm(forms.Form):
    stage = forms.ChoiceField(
        label="Which stage has it stepped up to?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage it has stepped up to"},
    )
    on = GovukDateField(label="Date it stepped up", help_text=DATE_HINT)

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(s.code, s.name) for s in stages]


class ConcludeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="How did it end?",
        choices=Escalation.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the escalation ended"},
    )
    on = GovukDateField(label="Date it ended", help_text=DATE_HINT)
    notes = forms.CharField(
        label="What was agreed (optional)",
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )
