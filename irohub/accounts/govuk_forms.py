"""Django form pieces that GOV.UK patterns need and Django lacks: the three-box date input.

    from irohub.accounts.govuk_forms import GovukDateField

    class ReviewForm(forms.Form):
        review_date = GovukDateField(label="Date of the review", help_text="For example, 27 3 2025")

Rendered by `{% govuk_field form.review_date %}` as the GOV.UK date input; the error messages
follow the GOV.UK date input pattern ("... must include a month", "... must be a real date").
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

PARTS = ("day", "month", "year")


class DateInput(forms.MultiWidget):
    """Day, month and year boxes, posted as `<name>_day`, `<name>_month`, `<name>_year`."""

    is_govuk_date = True

    def __init__(self, attrs=None):
        widgets = {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in PARTS}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def id_for_label(self, id_):
        # The error summary and label link to the first box, as GOV.UK asks.
        return f"{id_}_day" if id_ else id_


class GovukDateField(forms.Field):
    """A date typed into three boxes; returns a `datetime.date` (or None when left blank)."""

    widget = DateInput
    default_error_messages = {
        "required": "Enter %(label)s",
        "incomplete": "%(label)s must include a %(missing)s",
        "invalid": "%(label)s must be a real date",
        "year": "Year must include 4 numbers",
    }

    def _message(self, code: str, **params) -> ValidationError:
        label = self.label or "The date"
        params = {"label": label[:1].upper() + label[1:], **params}
        if code == "required":
            params["label"] = label[:1].lower() + label[1:]
        return ValidationError(self.error_messages[code], code=code, params=params)

    def validate(self, value):
        if value in self.empty_values and self.required:
            raise self._message("required")

    def to_python(self, value):
        if isinstance(value, dt.date) or value in self.empty_values:
            return value or None
        parts = [str(part or "").strip() for part in value]
        if not any(parts):
            return None
        missing = [name for name, part in zip(PARTS, parts, strict=True) if not part]
        if missing:
            raise self._message("incomplete", missing=" and ".join(missing))
        day, month, year = parts
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise self._message("invalid")
        if len(year) != 4:
            raise self._message("year")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError as error:
            raise self._message("invalid") from error

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != initial
        except ValidationError:
            return True
