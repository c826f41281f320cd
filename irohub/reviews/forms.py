"""Forms for scheduling and recording reviews and contacts. Each form validates with the same
rules the services apply (`irohub.reviews.recording.check`), so a person sees every problem in
the GOV.UK error summary before anything is saved."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from irohub.accounts.govuk_forms import GovukDateField
from irohub.reviews import recording
from irohub.reviews.models import Contact, Review
from irohub.staff.models import IRO
from irohub.statutory.participation import PN_LABELS

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, hint: str = "") -> forms.TypedChoiceField:
    """Optional Yes/No radios: blank means "not recorded"."""
    return forms.TypedChoiceField(
        label=label, help_text=hint, choices=YES_NO, required=False, widget=forms.RadioSelect,
        coerce=lambda value: value == "yes", empty_value=None,
    )  # fmt: skip


def radios(label: str, choices, *, required=True, hint="", error="") -> forms.ChoiceField:
    messages = {"required": error} if error else {}
    return forms.ChoiceField(label=label, choices=choices, required=required, help_text=hint,
                             widget=forms.RadioSelect, error_messages=messages)  # fmt: skip


class ScheduleForm(forms.Form):
    planned_date = GovukDateField(label="Date of the review", help_text="For example, 3 12 2026")
    format = radios("How will the review be held?", Review.Format.choices,
                    error="Select how the review will be held")  # fmt: skip
    venue = forms.CharField(
        label="Venue (optional)", required=False, max_length=200,
        help_text="For example, the child's foster home, or the link for a virtual meeting",
    )  # fmt: skip

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_planned_date(self):
        planned = self.cleaned_data["planned_date"]
        if planned is not None and planned < self.today:
            raise ValidationError("The date of the review must be today or in the future")
        return planned


class CancelBookingForm(forms.Form):
    reason = forms.CharField(label="Why is the review cancelled? (optional)", required=False,
                             max_length=300)  # fmt: skip


def _iro_choices(selected: IRO | None, today: date):
    """IROs in post today, plus the one already chosen (who may have left since)."""
    in_post = IRO.objects.exclude(end_date__lt=today)
    if selected is not None:
        in_post = in_post | IRO.objects.filter(pk=selected.pk)
    return in_post.order_by("name", "iro_id")


class ReviewForm(forms.Form):
    """A held review. Give `review` to change one: its version travels in a hidden field."""

    review_date = GovukDateField(
        label="Date of the review", help_text="The day the review was completed, for example 3 12 2026"
    )  # fmt: skip
    chair = forms.ModelChoiceField(queryset=IRO.objects.none(), label="Who chaired the review?",
                                   error_messages={"required": "Select the IRO who chaired the review"})  # fmt: skip
    chaired_by = radios("Who led the meeting?", Review.ChairedBy.choices, required=False,
                        hint="Children can be offered the chance to chair or co-chair their review")  # fmt: skip
    format = radios("How was the review held?", Review.Format.choices,
                    error="Select how the review was held")  # fmt: skip
    pn_code = radios("How did the child take part?", [], required=False)
    seen_before = yes_no("Did the IRO see the child before the review?")
    seen_alone = yes_no("Did the IRO see the child on their own?")
    advocacy_offered = yes_no("Was the child offered an advocate?")
    sw_report_date = GovukDateField(label="Date the social worker's report was received",
                                    required=False, help_text="Leave blank if it was not received")  # fmt: skip
    care_plan_available = yes_no("Was an up-to-date care plan available at the review?")
    decisions_date = GovukDateField(label="Date the review decisions were sent", required=False)
    record_date = GovukDateField(label="Date the record of the review was completed",
                                 required=False, help_text="Leave blank until it is written")  # fmt: skip
    late_reason = radios("If the review was late, why?", Review.LateReason.choices,
                         required=False, hint="Needed only when the review was held after its due date")  # fmt: skip
    additional = forms.BooleanField(
        label="This was an additional review (for example, one the IRO asked for early)",
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, child, today: date, rules, review: Review | None = None, **kwargs):
        if review is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(review)
        super().__init__(*args, **kwargs)
        self.child, self.today, self.rules, self.review = child, today, rules, review
        chosen = review.chair if review is not None else child.current_iro
        self.fields["chair"].queryset = _iro_choices(chosen, today)
        if review is None:
            self.fields["chair"].initial = chosen
            self.fields["chaired_by"].initial = Review.ChairedBy.IRO
            del self.fields["version"]
        self.pn_codes = recording.pn_choices(child, today, rules=rules)
        if self.pn_codes:
            self.fields["pn_code"].choices = [(c, f"{c}: {PN_LABELS[c]}") for c in self.pn_codes]
        else:  # under 4: PN0 is recorded automatically and never offered
            del self.fields["pn_code"]

    @staticmethod
    def initial_from(review: Review) -> dict:
        initial = {name: getattr(review, name) for name in recording.FIELDS if name != "letter"}
        for name in ("seen_before", "seen_alone", "advocacy_offered", "care_plan_available"):
            value = initial[name]
            initial[name] = None if value is None else ("yes" if value else "no")
        initial["chair"] = review.chair_id
        initial["version"] = review.version
        return initial

    def clean(self):
        cleaned = super().clean()
        if self.errors.get("review_date") or cleaned.get("review_date") is None:
            return cleaned
        details = {name: cleaned.get(name) for name in recording.FIELDS if name in self.fields}
        try:
            if self.review is None:
                self.details = recording.check(self.child, details, today=self.today,
                                               rules=self.rules)  # fmt: skip
            else:
                self.details = recording.check_change(self.review, details, today=self.today,
                                                      rules=self.rules)  # fmt: skip
        except ValidationError as error:
            self.add_service_errors(error)
        return cleaned

    def add_service_errors(self, error: ValidationError) -> None:
        """Put a service's ValidationError on the fields it names (once each)."""
        for name, messages in error.message_dict.items():
            field = name if name in self.fields else None
            if field is not None and self.has_error(field):
                continue
            for message in messages:
                self.add_error(field, message)

    def changes(self) -> dict:
        """The recorded fields this form sets, for recording.record_review/change_review."""
        return {name: self.details[name] for name in recording.FIELDS if name in self.details}


class ContactForm(forms.Form):
    contact_date = GovukDateField(label="Date of the contact")
    contact_type = radios("What kind of contact was it?", Contact.Type.choices,
                          error="Select the kind of contact")  # fmt: skip
    iro = forms.ModelChoiceField(queryset=IRO.objects.none(), label="Which IRO?",
                                 error_messages={"required": "Select the IRO"})  # fmt: skip

    def __init__(self, *args, today: date, own_iro: IRO | None, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if own_iro is not None:
            # An IRO records their own contacts; only the service chooses whose it was.
            del self.fields["iro"]
        else:
            self.fields["iro"].queryset = _iro_choices(child.current_iro, today)
            self.fields["iro"].initial = child.current_iro

    def clean_contact_date(self):
        day = self.cleaned_data["contact_date"]
        if day is not None and day > self.today:
            raise ValidationError("The date of the contact must be today or in the past")
        return day
