"""GOV.UK Design System markup for Django forms and the page frame.

    {% load govuk %}
    {% govuk_error_summary form %}                      (nothing when the form has no errors)
    <form method="post" novalidate>{% csrf_token %}
      {% govuk_field form.name %}                       (input, textarea, select, radios,
      {% govuk_field form.when label_size="l" page_heading=True %}   checkboxes, date input: chosen
      {% govuk_field form.kind inline=True small=True hint="..." %}  from the field's widget)
      {% govuk_fields form %}                           (every field in order, hidden ones too)
      <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
    </form>

Options for govuk_field: label, hint, label_size (s/m/l/xl), page_heading, classes (on the input,
e.g. "govuk-input--width-10"), inline and small (radios and checkboxes), rows (textarea).
The markup follows the GOV.UK components: label and hint tied by id, one error message with a
visually hidden "Error:" prefix, aria-describedby, fieldset and legend around groups.
"""

from __future__ import annotations

from django import forms, template
from django.conf import settings
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from irohub.accounts.navigation import items_for

register = template.Library()

# Attributes the templates write themselves (or that GOV.UK asks us not to use).
_OWN_ATTRS = {
    "id",
    "name",
    "type",
    "value",
    "class",
    "required",
    "checked",
    "selected",
    "rows",
    "cols",
}


def _kind(widget) -> str:
    if getattr(widget, "is_govuk_date", False):
        return "date"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def _extra_attrs(widget) -> str:
    return flatatt(
        {k: v for k, v in widget.attrs.items() if k not in _OWN_ATTRS and v is not False}
    )


def _value(bound_field, kind: str):
    widget = bound_field.field.widget
    if kind == "input" and isinstance(widget, forms.PasswordInput) and not widget.render_value:
        return ""
    value = bound_field.value()
    if kind == "date":
        return value if isinstance(value, list | tuple) else widget.decompress(value)
    formatted = widget.format_value(value)
    return "" if formatted is None else formatted


def _items(bound_field) -> list[dict]:
    return [
        {
            "id": option.id_for_label,
            "value": option.data["value"],
            "label": option.data["label"],
            "checked": option.data["selected"],
        }
        for option in bound_field.subwidgets
    ]


def field_context(bound_field, **options) -> dict:
    widget = bound_field.field.widget
    kind = _kind(widget)
    field_id = bound_field.auto_id
    hint = options.get("hint", bound_field.help_text)
    errors = list(bound_field.errors)
    described = [f"{field_id}-hint" if hint else "", f"{field_id}-error" if errors else ""]
    context = {
        "field": bound_field,
        "kind": kind,
        "id": field_id,
        "name": bound_field.html_name,
        "label": options.get("label", bound_field.label),
        "label_size": options.get("label_size", ""),
        "page_heading": options.get("page_heading", False),
        "hint": hint,
        "error": errors[0] if errors else "",
        "describedby": " ".join(part for part in described if part),
        "classes": options.get("classes", ""),
        "attrs": _extra_attrs(widget),
        "inline": options.get("inline", False),
        "small": options.get("small", False),
        "rows": options.get("rows", 5),  # GOV.UK default; Django's own default is 10
        "type": getattr(widget, "input_type", "text"),
        "value": _value(bound_field, kind),
    }
    if kind in {"radios", "checkboxes", "select"}:
        context["items"] = _items(bound_field)
    if kind == "checkbox":
        context["checked"] = bool(bound_field.value())
    if kind == "date":
        context["parts"] = list(zip(("day", "month", "year"), context["value"], strict=False))
    return context


@register.simple_tag
def govuk_field(bound_field, **options):
    """One form field in GOV.UK markup (see the module docstring for options)."""
    context = field_context(bound_field, **options)
    if context["kind"] == "hidden":
        return bound_field.as_widget()
    return render_to_string(f"govuk/fields/{context['kind']}.html", context)


@register.simple_tag
def govuk_fields(form):
    """Every field of a form, in order, in GOV.UK markup."""
    return mark_safe("".join(govuk_field(bound_field) for bound_field in form))


def error_list(*forms_) -> list[dict]:
    """The error summary's entries: each links to the field it is about."""
    entries = []
    for form in forms_:
        if form is None:
            continue
        for message in form.non_field_errors():
            entries.append({"href": "", "text": message})
        for bound_field in form:
            if bound_field.errors:
                widget, field_id = bound_field.field.widget, bound_field.auto_id
                # Radios and checkboxes have no single label id: link to the first option.
                target = widget.id_for_label(field_id) or f"{field_id}_0"
                entries.append({"href": f"#{target}", "text": bound_field.errors[0]})
    return entries


@register.simple_tag
def govuk_error_summary(*forms_, title="There is a problem"):
    """The GOV.UK error summary for one or more forms; empty when there are no errors."""
    entries = error_list(*forms_)
    if not entries:
        return ""
    return render_to_string("govuk/error_summary.html", {"title": title, "errors": entries})


@register.inclusion_tag("govuk/service_navigation.html", takes_context=True)
def service_navigation(context):
    """The service navigation: only the links the signed-in person's permissions allow."""
    request = context.get("request")
    user = getattr(request, "user", None)
    entries = items_for(user, current=getattr(request, "resolver_match", None))
    return {
        "request": request,
        "user": user,
        "entries": entries,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def service_name() -> str:
    """The name in the header and page titles (IROHUB_SERVICE_NAME)."""
    return settings.IROHUB_SERVICE_NAME
