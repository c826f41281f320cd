"""The GOV.UK form partials render every kind of field, and the date input parses like GOV.UK."""

import datetime as dt

import pytest
from django import forms
from django.template import Context, Template

from irohub.accounts.govuk_forms import GovukDateField


class ExampleForm(forms.Form):
    name = forms.CharField(label="Full name", help_text="As on the care plan")
    email = forms.EmailField(label="Email address", required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    format = forms.ChoiceField(
        label="How was the review held?",
        choices=[("in_person", "In person"), ("virtual", "Virtual")],
        widget=forms.RadioSelect,
    )
    themes = forms.MultipleChoiceField(
        label="Themes",
        choices=[("education", "Education"), ("health", "Health")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    iro = forms.ChoiceField(label="IRO", choices=[("", "Choose an IRO"), ("1", "Sam Example")])
    agreed = forms.BooleanField(label="The child agreed", required=False)
    review_date = GovukDateField(label="Date of the review", help_text="For example, 27 3 2025")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def render(text: str, **context) -> str:
    return Template("{% load govuk %}" + text).render(Context(context))


def test_every_field_kind_renders_its_gov_uk_component():
    html = render("{% govuk_fields form %}", form=ExampleForm())
    assert '<input class="govuk-input" id="id_name" name="name" type="text"' in html
    assert (
        'aria-describedby="id_name-hint"' in html and 'id="id_name-hint" class="govuk-hint"' in html
    )
    assert 'type="email"' in html
    assert '<textarea class="govuk-textarea" id="id_notes" name="notes" rows="5"' in html
    assert 'class="govuk-radios" data-module="govuk-radios"' in html
    assert '<legend class="govuk-fieldset__legend">How was the review held?</legend>' in html
    assert 'id="id_format_0" name="format" type="radio" value="in_person"' in html
    assert 'class="govuk-checkboxes" data-module="govuk-checkboxes"' in html
    assert '<select class="govuk-select" id="id_iro" name="iro"' in html
    assert 'id="id_agreed" name="agreed" type="checkbox"' in html
    assert 'class="govuk-date-input" id="id_review_date"' in html
    assert 'name="review_date_year" type="text" inputmode="numeric"' in html
    assert '<input type="hidden" name="secret"' in html


def test_options_set_label_size_page_heading_width_and_inline():
    form = ExampleForm()
    html = render(
        '{% govuk_field form.name label_size="l" page_heading=True classes="govuk-input--width-20" %}'
        "{% govuk_field form.format inline=True small=True %}",
        form=form,
    )
    assert (
        '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="id_name">'
        in html
    )
    assert "govuk-input--width-20" in html
    assert "govuk-radios--inline govuk-radios--small" in html


def test_errors_show_in_the_summary_and_beside_each_field():
    form = ExampleForm(
        {
            "name": "",
            "format": "",
            "iro": "",
            "review_date_day": "31",
            "review_date_month": "2",
            "review_date_year": "2025",
        }
    )
    assert not form.is_valid()
    html = render("{% govuk_error_summary form %}{% govuk_fields form %}", form=form)
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert '<a href="#id_name">' in html
    assert '<a href="#id_review_date_day">Date of the review must be a real date</a>' in html
    assert (
        '<p id="id_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span>'
        in html
    )
    assert "govuk-form-group--error" in html and "govuk-input--error" in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html


def test_no_errors_means_no_summary():
    assert render("{% govuk_error_summary form %}", form=ExampleForm()).strip() == ""


def test_bound_values_are_kept():
    form = ExampleForm({"name": "Sam", "format": "virtual", "themes": ["health"], "iro": "1",
                        "agreed": "on", "review_date_day": "3", "review_date_month": "4", "review_date_year": "2025"})  # fmt: skip
    html = render("{% govuk_fields form %}", form=form)
    assert 'value="Sam"' in html
    assert 'value="virtual" checked' in html and 'value="health" checked' in html
    assert '<option value="1" selected>' in html
    assert 'name="agreed" type="checkbox" value="on" checked' in html
    assert 'name="review_date_month" type="text" inputmode="numeric" value="4"' in html


def test_an_initial_date_fills_the_three_boxes():
    form = ExampleForm(initial={"review_date": dt.date(2025, 3, 27)})
    html = render("{% govuk_field form.review_date %}", form=form)
    assert 'name="review_date_day" type="text" inputmode="numeric" value="27"' in html
    assert 'name="review_date_year" type="text" inputmode="numeric" value="2025"' in html


class DateForm(forms.Form):
    when = GovukDateField(label="Date of birth")
    maybe = GovukDateField(label="date left care", required=False)


def _date_errors(day, month, year, field="when"):
    form = DateForm({f"{field}_day": day, f"{field}_month": month, f"{field}_year": year})
    form.is_valid()
    return form.errors.get(field, []), form.cleaned_data.get(field)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter date of birth"),
        ("1", "", "2020", "Date of birth must include a month"),
        ("", "", "2020", "Date of birth must include a day and month"),
        ("31", "2", "2020", "Date of birth must be a real date"),
        ("a", "2", "2020", "Date of birth must be a real date"),
        ("1", "2", "20", "Year must include 4 numbers"),
    ],
)
def test_date_errors_follow_the_gov_uk_pattern(day, month, year, message):
    errors, _ = _date_errors(day, month, year)
    assert errors == [message]


def test_a_real_date_is_a_date():
    errors, value = _date_errors(" 7", "11 ", "2026")
    assert errors == [] and value == dt.date(2026, 11, 7)


def test_an_optional_date_may_be_blank():
    errors, value = _date_errors("", "", "", field="maybe")
    assert errors == [] and value is None
