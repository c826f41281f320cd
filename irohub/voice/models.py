"""The child's voice: advocacy and independent-visitor referrals, anonymous feedback after
reviews, and complaints about the IRO service."""

from django.db import models


class AdvocacyReferral(models.Model):
    class Kind(models.TextChoices):
        ISSUE_BASED = "issue_based", "Issue-based advocacy"
        CHILD_PROTECTION = "child_protection", "Child protection advocacy"
        INDEPENDENT_VISITOR = "independent_visitor", "Independent visitor"

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="advocacy")
    referral_date = models.DateField(db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    provider = models.CharField(max_length=200, blank=True)
    hours = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    closed_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["referral_date", "child"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "referral_date", "kind"], name="advocacy_referral_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} {self.kind} {self.referral_date:%d/%m/%Y}"


class AdvocacyIssue(models.Model):
    """An issue theme raised in a referral; open codes kept as given (interfaces.md §1.2)."""

    referral = models.ForeignKey(AdvocacyReferral, on_delete=models.CASCADE, related_name="issues")
    theme = models.CharField(max_length=60, db_index=True)

    class Meta:
        ordering = ["referral", "theme"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "theme"], name="advocacy_issue_unique")
        ]

    def __str__(self) -> str:
        return self.theme


class FeedbackResponse(models.Model):
    """One anonymous response. There is deliberately no link to a child or a review."""

    class Respondent(models.TextChoices):
        CHILD = "child", "Child or young person"
        PARENT = "parent", "Parent"
        CARER = "carer", "Carer"
        PROFESSIONAL = "professional", "Professional"

    class Source(models.TextChoices):
        IMPORT = "import", "Imported (feedback.csv)"
        FORM = "form", "Feedback form"

    response_date = models.DateField(db_index=True)
    respondent = models.CharField(max_length=20, choices=Respondent.choices)
    age_band = models.CharField(max_length=10, blank=True)
    knows_iro_role = models.BooleanField(null=True, blank=True)
    felt_listened_to = models.BooleanField(null=True, blank=True)
    questions_answered = models.BooleanField(null=True, blank=True)
    life_getting_better = models.BooleanField(null=True, blank=True)
    comment = models.TextField(blank=True)
    # An import replaces the imported responses of its years and never touches form responses.
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["response_date", "id"]

    def __str__(self) -> str:
        return f"{self.respondent} feedback {self.response_date:%d/%m/%Y}"


class Complaint(models.Model):
    """A formal complaint about the IRO service (complaints.csv has no natural key: an import
    replaces the complaints of the reporting years it covers)."""

    received_date = models.DateField(db_index=True)
    stage = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["received_date", "id"]

    def __str__(self) -> str:
        return f"Complaint received {self.received_date:%d/%m/%Y}"
