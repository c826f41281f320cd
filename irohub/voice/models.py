"""The child's voice: advocacy and independent-visitor referrals, anonymous feedback after
reviews, and complaints about the IRO service."""

from django.conf import settings
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


class FeedbackInvitation(models.Model):
    """A single-use link inviting one respondent to give feedback after a review.

    The token itself is never stored, only its SHA-256 hash, so a copy of the database cannot be
    used to answer in someone's name. The invitation records only THAT it was used: the response
    it produced keeps no link to it, to the review or to the child.
    """

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="feedback_invitations"
    )
    respondent = models.CharField(max_length=20, choices=FeedbackResponse.Respondent.choices)
    age_band = models.CharField(max_length=10, blank=True, help_text="Children: 4-7, 8-11, 12+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_on = models.DateField()
    expires_on = models.DateField()
    used = models.BooleanField(default=False)
    # A newer link for the same review and respondent replaces this one.
    withdrawn = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_on", "id"]

    def __str__(self) -> str:
        return f"{self.respondent} feedback link for review {self.review_id}"


class Complaint(models.Model):
    """A formal complaint about the IRO service (complaints.csv has no natural key: an import
    replaces the imported complaints of the reporting years it covers, never those recorded in
    irohub's own pages)."""

    class Source(models.TextChoices):
        IMPORT = "import", "Imported (complaints.csv)"
        WEB = "web", "Recorded in irohub"

    received_date = models.DateField(db_index=True)
    stage = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=100, blank=True)
    summary = models.TextField(blank=True, help_text="What the complaint is about.")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["received_date", "id"]

    def __str__(self) -> str:
        return f"Complaint received {self.received_date:%d/%m/%Y}"
