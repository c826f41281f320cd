"""Admin pages for the council's reference data and rules. The rules are read-only here (the one
in force and its history); loading a new file goes through the rules service, which validates it
and recomputes every derived date."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from irohub.council import services
from irohub.council.admin_base import AuditedAdmin, ReadOnlyAdmin, manages_settings
from irohub.council.models import (
    CouncilRules,
    Population,
    Priority,
    ReferenceCode,
    ServiceFact,
    Target,
)
from irohub.statutory.settings import SettingsError


class RulesForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24, "cols": 90}), label="rules.toml"
    )


@admin.register(CouncilRules)
class CouncilRulesAdmin(ReadOnlyAdmin):
    list_display = ("loaded_at", "loaded_by_name", "source", "in_force")
    readonly_fields = ("loaded_at", "loaded_by_name", "source", "text")
    fields = readonly_fields
    change_list_template = "admin/council/councilrules/change_list.html"

    @admin.display(boolean=True, description="in force")
    def in_force(self, obj):
        return obj.pk == CouncilRules.objects.order_by("-id").values_list("id", flat=True).first()

    def get_urls(self):
        load = path("load/", self.admin_site.admin_view(self.load_view), name="council_rules_load")
        return [load, *super().get_urls()]

    def load_view(self, request):
        user = request.user
        if not manages_settings(request):
            raise PermissionDenied
        form = RulesForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            from irohub.reviews.services import apply_rules

            try:
                count = apply_rules(form.cleaned_data["text"], by=user, as_at=date.today(),
                                    source="admin")  # fmt: skip
            except SettingsError as problem:
                for error in problem.errors:
                    messages.error(request, error)
            else:
                messages.success(request, f"Rules loaded; dates recomputed for {count} children.")
                return redirect("admin:council_councilrules_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "title": "Load rules",
                   "opts": self.model._meta}  # fmt: skip
        return TemplateResponse(request, "admin/council/councilrules/load.html", context)


@admin.register(ReferenceCode)
class ReferenceCodeAdmin(admin.ModelAdmin):
    list_display = ("list_name", "code", "label", "group", "valid_from_year", "valid_to_year")
    list_filter = ("list_name", "group")
    search_fields = ("code", "label")

    def save_model(self, request, obj, form, change):
        services.save_reference_code(by=request.user, code=obj)

    def has_add_permission(self, request):
        return manages_settings(request)

    def has_change_permission(self, request, obj=None):
        return manages_settings(request)

    def has_delete_permission(self, request, obj=None):
        return False  # old records use the code: end its years instead


@admin.register(Population)
class PopulationAdmin(AuditedAdmin):
    list_display = ("year", "dimension", "category", "count")
    list_filter = ("year", "dimension")


@admin.register(ServiceFact)
class ServiceFactAdmin(AuditedAdmin):
    list_display = ("year", "item", "value")
    list_filter = ("year", "item")


@admin.register(Target)
class TargetAdmin(AuditedAdmin):
    list_display = ("year", "metric_id", "target", "direction")
    list_filter = ("year",)
    search_fields = ("metric_id",)


@admin.register(Priority)
class PriorityAdmin(AuditedAdmin):
    list_display = ("year", "position", "title", "status", "evidence_metric_id")
    list_filter = ("year", "status")
