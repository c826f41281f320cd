"""What the annual report stores: the manager's own words. Every figure is computed, never kept."""

from django.conf import settings
from django.db import models


class ReportNarrative(models.Model):
    """A paragraph, case study or quotation the IRO manager writes for one section of one
    year's report. It appears after the drafted sentences of that section, in every format."""

    class Kind(models.TextChoices):
        NARRATIVE = "narrative", "Narrative"
        CASE_STUDY = "case_study", "Case study"
        QUOTE = "quote", "Quotation"

    year = models.CharField(max_length=7, help_text="Reporting year, e.g. 2024-25.")
    section = models.CharField(max_length=40, help_text="The report section it belongs to.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NARRATIVE)
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "section", "order", "id"]
        indexes = [models.Index(fields=["year", "section"], name="narrative_year_section")]

    def __str__(self) -> str:
        return f"{self.year} {self.section} {self.kind} {self.order}"
