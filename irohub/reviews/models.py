"""Statutory looked-after reviews with the IRO service's details, and the IRO's contacts between
reviews (midway reviews, visits...). A review's type, due date and timeliness are derived by
`irohub.reviews.derive` with the rules engine; never set them by hand."""

from django.conf import settings
from django.db import models


class Review(models.Model):
    class Basis(models.TextChoices):
        REG33 = "reg33", "Regulation 33 (looked-after review)"
        REG48 = "reg48", "Regulation 48 (short breaks)"
        LOCAL = "local", "Local-standard extra review"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIRTUAL = "virtual", "Virtual"
        HYBRID = "hybrid", "Hybrid"

    class ChairedBy(models.TextChoices):
        IRO = "iro", "IRO"
        CHILD = "child", "Child"
        CO_CHAIRED = "co_chaired", "Co-chaired"

    class LateReason(models.TextChoices):
        LATE_REFERRAL = "late_referral", "Late referral"
        PROFESSIONAL_UNAVAILABLE = "professional_unavailable", "Professional unavailable"
        PARENT_UNAVAILABLE = "parent_unavailable", "Parent unavailable"
        CHILD_UNAVAILABLE = "child_unavailable", "Child unavailable"
        RESCHEDULED = "rescheduled", "Rescheduled"
        IRO_CAPACITY = "iro_capacity", "IRO capacity"
        RECORDING_ERROR = "recording_error", "Recording error"
        OTHER = "other", "Other"

    class ChairSource(models.TextChoices):
        RECORDED = "recorded", "Recorded"
        ALLOCATION = "allocation", "The IRO allocated on the day"
        NONE = "", "No chair"

    class ReviewType(models.TextChoices):
        FIRST = "first", "First"
        SECOND = "second", "Second"
        SUBSEQUENT = "subsequent", "Subsequent"

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="reviews", db_index=False
    )  # the unique (child, review_date) index serves lookups by child
    review_date = models.DateField(help_text="The date the review was completed (903 REVIEW)")
    pn_code = models.CharField("participation (PN code)", max_length=3, blank=True)
    # review_details.csv
    chair = models.ForeignKey(
        "staff.IRO",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_reviews",
        db_index=False,  # the (chair, review_date) index serves lookups by chair
    )
    chair_source = models.CharField(max_length=10, choices=ChairSource.choices, blank=True)
    statutory_basis = models.CharField(max_length=5, choices=Basis.choices, default=Basis.REG33)
    additional = models.BooleanField(null=True, blank=True)
    first_part_date = models.DateField(null=True, blank=True)
    format = models.CharField(max_length=10, choices=Format.choices, blank=True)
    chaired_by = models.CharField(max_length=10, choices=ChairedBy.choices, blank=True)
    seen_before = models.BooleanField(null=True, blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    advocacy_offered = models.BooleanField(null=True, blank=True)
    sw_report_date = models.DateField("social worker's report shared", null=True, blank=True)
    care_plan_available = models.BooleanField(null=True, blank=True)
    decisions_date = models.DateField("decisions issued", null=True, blank=True)
    record_date = models.DateField("record completed", null=True, blank=True)
    record_shared_date = models.DateField("record sent to the child", null=True, blank=True)
    late_reason = models.CharField(max_length=30, choices=LateReason.choices, blank=True)
    # The record written as a letter to the child (Brent: "letter to the child"); issuing it
    # to the child is record_shared_date.
    letter = models.TextField("letter to the child", blank=True)
    # Derived by irohub.reviews.derive.
    period = models.ForeignKey(
        "children.PeriodOfCare",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
    )
    sequence = models.PositiveSmallIntegerField(null=True, blank=True)
    review_type = models.CharField(max_length=10, choices=ReviewType.choices, blank=True)
    due_date = models.DateField(null=True, blank=True)
    in_time = models.BooleanField(null=True, blank=True)
    days_late = models.IntegerField(null=True, blank=True)
    # Optimistic locking for the web forms: a save must name the version it read.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["child", "review_date"]
        constraints = [
            models.UniqueConstraint(fields=["child", "review_date"], name="review_unique")
        ]
        indexes = [
            models.Index(fields=["review_date"]),
            models.Index(fields=["chair", "review_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.child.child_id} review {self.review_date:%d/%m/%Y}"


class Contact(models.Model):
    """The IRO's oversight between reviews: their "footprint" on the child's file."""

    class Type(models.TextChoices):
        MIDWAY_REVIEW = "midway_review", "Midway review"
        VISIT = "visit", "Visit"
        CALL = "call", "Call"
        MESSAGE = "message", "Message"
        CONSULTATION = "consultation", "Consultation"
        CASE_NOTE = "case_note", "Case note"

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="contacts", db_index=False
    )  # the unique (child, contact_date, contact_type) index serves lookups by child
    iro = models.ForeignKey("staff.IRO", on_delete=models.PROTECT, related_name="contacts")
    contact_date = models.DateField()
    contact_type = models.CharField(max_length=20, choices=Type.choices)

    class Meta:
        ordering = ["child", "contact_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "contact_date", "contact_type"], name="contact_unique"
            )
        ]
        indexes = [models.Index(fields=["contact_type", "contact_date"])]

    def __str__(self) -> str:
        return f"{self.child.child_id} {self.contact_type} {self.contact_date:%d/%m/%Y}"


class ReviewBooking(models.Model):
    """A review planned for a date: booked by business support or the IRO, invitations sent,
    and closed either by the review being recorded (`review`) or by cancelling it. A child has
    at most one open booking, enforced by the database."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="bookings")
    planned_date = models.DateField(db_index=True)
    format = models.CharField(max_length=10, choices=Review.Format.choices)
    venue = models.CharField(max_length=200, blank=True)
    iro = models.ForeignKey(
        "staff.IRO",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
        help_text="The IRO who will chair it (the child's IRO when booked).",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    booked_at = models.DateTimeField(auto_now_add=True)
    invitations_sent_date = models.DateField(null=True, blank=True)
    # The social worker's report for the review, chased by business support beforehand.
    papers_received_date = models.DateField(null=True, blank=True)
    cancelled_date = models.DateField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=300, blank=True)
    review = models.OneToOneField(
        Review,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
        help_text="The review recorded for this booking (the booking is then closed).",
    )

    class Meta:
        ordering = ["planned_date", "child"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(cancelled_date__isnull=True, review__isnull=True),
                name="one_open_booking_per_child",
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} review booked for {self.planned_date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.cancelled_date is None and self.review_id is None
