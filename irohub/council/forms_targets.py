"""Forms of the target register, priorities and service facts. Metric ids are chosen from the
metric catalogue as the metrics registry implements it, so a target always names a real
metric."""

from __future__ import annotations

from django import forms

from irohub.council.models import Priority, Target
from irohub.council.services_targets import FACTS


def number_input(decimal: bool = True) -> forms.TextInput:
    """GOV.UK asks for a text input with a numeric keyboard, not type="number"."""
    return forms.TextInput(
        attrs={"inputmode": "decimal" if decimal else "numeric", "spellcheck": "false"}
    )


# A target needs a single number to compare: these units have one.
SINGLE_NUMBER_UNITS = ("pct", "count", "number", "mean", "rate")


def metric_choices(units=None) -> list[tuple[str, str]]:
    from irohub.reporting.metrics.base import REGISTRY, _load_metric_modules

    _load_metric_modules()
    found = [m for m in REGISTRY.values() if units is None or m.unit in units]
    return [(m.id, f"{m.title} ({m.id})") for m in sorted(found, key=lambda m: m.id)]


class TargetForm(forms.Form):
    metric_id = forms.ChoiceField(
        label="Figure", error_messages={"required": "Choose the figure the target is for"}
    )
    target = forms.DecimalField(
        widget=number_input(),
        label="Target", help_text="A percentage as a number, for example 90 for 90%",
        max_digits=12, decimal_places=2,
        error_messages={"required": "Enter the target", "invalid": "The target must be a number"},
    )  # fmt: skip
    direction = forms.ChoiceField(
        label="Which way is better?",
        choices=Target.Direction.choices,
        widget=forms.RadioSelect,
        initial=Target.Direction.HIGHER,
        error_messages={"required": "Choose which way is better"},
    )

    def __init__(self, *args, fixed_metric: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric_id"].choices = [("", "Choose a figure")] + metric_choices(
            SINGLE_NUMBER_UNITS
        )
        if fixed_metric:  # changing a target: the figure names it
            self.fields["metric_id"].disabled = True


class PriorityForm(forms.Form):
    title = forms.CharField(
        label="Priority", max_length=300, error_messages={"required": "Enter the priority"}
    )
    status = forms.ChoiceField(
        label="Progress",
        choices=Priority.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the progress made"},
    )
    evidence_metric_id = forms.ChoiceField(
        label="Figure that shows the progress (optional)", required=False
    )
    narrative = forms.CharField(
        label="What was done (optional)", widget=forms.Textarea, required=False, max_length=5000
    )
    position = forms.IntegerField(
        widget=number_input(decimal=False),
        label="Position in the list (optional)", required=False, min_value=1, max_value=99,
        error_messages={"invalid": "The position must be a whole number"},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_metric_id"].choices = [("", "None")] + metric_choices()


class ServiceFactsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item, label in FACTS.items():
            self.fields[item] = forms.DecimalField(
        widget=number_input(),
                label=label, required=False, min_value=0, max_digits=12, decimal_places=2,
                help_text="Leave blank if not known.",
                error_messages={"invalid": f"{label} must be a number",
                                "min_value": f"{label} cannot be negative"},
            )  # fmt: skip
