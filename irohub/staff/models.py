"""IROs and their allocations to children."""

from django.conf import settings
from django.db import models


class EmploymentType(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    FIXED_TERM = "fixed_term", "Fixed term"
    AGENCY = "agency", "Agency (locum)"
    COMMISSIONED = "commissioned", "Commissioned provider"


class IRO(models.Model):
    iro_id = models.CharField("IRO ID", max_length=40, unique=True)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    provider = models.CharField(max_length=200, blank=True)
    fte = models.DecimalField("FTE", max_digits=4, decimal_places=2)
    sex = models.CharField(max_length=1, blank=True)
    ethnicity = models.CharField(max_length=4, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="iro",
        help_text="The sign-in account, matched by email.",
    )

    class Meta:
        ordering = ["name", "iro_id"]
        verbose_name = "IRO"
        verbose_name_plural = "IROs"

    def __str__(self) -> str:
        return f"{self.name} ({self.iro_id})"


class Allocation(models.Model):
    class ChangeReason(models.TextChoices):
        INITIAL = "initial", "Initial allocation"
        IRO_LEFT = "iro_left", "IRO left"
        REALLOCATION = "reallocation", "Reallocation"
        SIBLING_ALIGNMENT = "sibling_alignment", "Sibling alignment"
        LEAVE_COVER = "leave_cover", "Leave cover"
        CONTRACT_CHANGE = "contract_change", "Contract change"
        OTHER = "other", "Other"

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="allocations"
    )
    iro = models.ForeignKey(IRO, on_delete=models.PROTECT, related_name="allocations")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    change_reason = models.CharField(max_length=20, choices=ChangeReason.choices, blank=True)

    class Meta:
        ordering = ["child", "start_date"]
        constraints = [
            models.UniqueConstraint(fields=["child", "start_date"], name="allocation_unique")
        ]
        indexes = [models.Index(fields=["iro", "start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.child.child_id} -> {self.iro.iro_id} from {self.start_date:%d/%m/%Y}"


class CoverGrant(models.Model):
    """A manager lets one IRO see and work on a colleague's caseload, or one child, for a time
    (leave, sickness, an urgent review). Outside its dates the covering IRO sees nothing of it."""

    covering_iro = models.ForeignKey(IRO, on_delete=models.PROTECT, related_name="covering")
    covered_iro = models.ForeignKey(
        IRO,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="covered_by",
        help_text="Cover the whole caseload of this IRO ...",
    )
    child = models.ForeignKey(
        "children.Child",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cover_grants",
        help_text="... or of this one child.",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Last day of cover; blank: open")
    reason = models.CharField(max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    # Ending a grant early: from this day on it no longer applies (the dates stay as granted).
    ended_on = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(covered_iro__isnull=False, child__isnull=True)
                    | models.Q(covered_iro__isnull=True, child__isnull=False)
                ),
                name="cover_grant_one_target",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="cover_grant_dates_in_order",
            ),
        ]
        indexes = [models.Index(fields=["covering_iro", "start_date", "end_date"])]

    def __str__(self) -> str:
        target = self.covered_iro or self.child
        return f"{self.covering_iro} covers {target} from {self.start_date:%d/%m/%Y}"

    def active_on(self, day) -> bool:
        """True when the grant applies on `day` (irohub.staff.visibility uses the same test)."""
        if day < self.start_date or (self.end_date is not None and day > self.end_date):
            return False
        return self.ended_on is None or day < self.ended_on
