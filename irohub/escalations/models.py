"""Escalations (the dispute resolution process): the case, its themes and the stages it went
through. Themes are rows so the annual report counts them in SQL."""

from django.conf import settings
from django.db import models

# Theme codes of interfaces.md §1.2; a council adds its own in rules.toml `escalation.themes`.
STANDARD_THEMES = (
    "care_plan_unavailable",
    "placement_planning",
    "plo_drift",
    "finance",
    "education",
    "transition",
    "sdq",
    "reg24",
    "paperwork",
    "uasc",
    "contact",
    "placement",
    "exploitation",
    "visits",
    "health",
    "decisions",
    "other",
)


class Escalation(models.Model):
    class Outcome(models.TextChoices):
        RESOLVED = "resolved", "Resolved"
        COMPROMISE = "compromise", "Compromise reached"
        DIFFERENCE_ACKNOWLEDGED = "difference_acknowledged", "Difference of opinion acknowledged"
        CAFCASS_REFERRAL = "cafcass_referral", "Referred to Cafcass"
        WITHDRAWN = "withdrawn", "Withdrawn"

    escalation_id = models.CharField(max_length=40, unique=True)
    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="escalations"
    )
    iro = models.ForeignKey("staff.IRO", on_delete=models.PROTECT, related_name="escalations")
    opened_date = models.DateField(db_index=True)
    closed_date = models.DateField(null=True, blank=True, db_index=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    good_practice = models.BooleanField(null=True, blank=True)
    # Kept by the web pages (escalations.csv has none of these): what the IRO challenged, in
    # their words, who raised it here, and how it ended.
    summary = models.TextField(blank=True)
    outcome_notes = models.TextField(blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["opened_date", "escalation_id"]

    def __str__(self) -> str:
        return f"{self.escalation_id} ({self.child_id}, opened {self.opened_date:%d/%m/%Y})"


class EscalationTheme(models.Model):
    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(max_length=40, db_index=True)

    class Meta:
        ordering = ["escalation", "theme"]
        constraints = [
            models.UniqueConstraint(fields=["escalation", "theme"], name="escalation_theme_unique")
        ]

    def __str__(self) -> str:
        return self.theme


class EscalationStage(models.Model):
    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=40, help_text="Stage code from the local policy (rules)")
    started_date = models.DateField()
    ended_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["escalation", "started_date"]
        constraints = [
            models.UniqueConstraint(fields=["escalation", "stage"], name="escalation_stage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.escalation_id} {self.stage} from {self.started_date:%d/%m/%Y}"
