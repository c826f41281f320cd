"""Case audits and dip samples of the IRO service's work."""

from django.db import models


class Audit(models.Model):
    class Type(models.TextChoices):
        DIP_SAMPLE = "dip_sample", "Dip sample"
        THEMATIC = "thematic", "Thematic"
        MODERATION = "moderation", "Moderation"

    class Grade(models.TextChoices):
        OUTSTANDING = "outstanding", "Outstanding"
        GOOD = "good", "Good"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
        INADEQUATE = "inadequate", "Inadequate"

    audit_id = models.CharField(max_length=40, unique=True)
    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="audits")
    audit_date = models.DateField(db_index=True)
    audit_type = models.CharField(max_length=20, choices=Type.choices)
    iro_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    manager_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    moderated_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    grade = models.CharField(max_length=25, choices=Grade.choices, blank=True)
    # Recorded in irohub's pages (audits.csv has no text): what the audit found.
    findings = models.TextField(blank=True)

    class Meta:
        ordering = ["audit_date", "audit_id"]

    def __str__(self) -> str:
        return f"{self.audit_id} ({self.audit_type}, {self.audit_date:%d/%m/%Y})"
