"""A child, their SSDA903 episodes, the periods of care derived from them, and flags.

Episodes are stored as the DfE return has them; periods of care and the child's live fields
(looked after now, next review due, current IRO) are derived by `irohub.reviews.derive` with the
rules engine and rewritten in bulk whenever the data or the rules change.
"""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Unknown or indeterminate"


class Child(models.Model):
    child_id = models.CharField("child ID (903 CHILD)", max_length=20, unique=True)
    sex = models.CharField(max_length=1, choices=Sex.choices)
    dob = models.DateField("date of birth")
    ethnicity = models.CharField(max_length=4, help_text="SSDA903 ETHNIC code")
    upn = models.CharField("UPN", max_length=20, blank=True)
    mother = models.BooleanField(null=True, blank=True, help_text="903 MOTHER: is a mother")
    mc_dob = models.DateField("date of birth of first child", null=True, blank=True)
    uasc = models.BooleanField("unaccompanied asylum-seeking child", default=False)
    uasc_ceased = models.DateField("date UASC status ceased (903 DUC)", null=True, blank=True)
    # irohub's own, optional: the 903 carries no names (child_names.csv).
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    # The collection year (start year) of the 903 header last applied, so an older extract
    # imported after a newer one cannot overwrite newer facts.
    header_year = models.PositiveSmallIntegerField(null=True, blank=True)

    # Live fields, derived (irohub.reviews.derive) for fast caseload pages and dashboards.
    looked_after = models.BooleanField(default=False, db_index=True)
    current_period = models.ForeignKey(
        "children.PeriodOfCare", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    next_review_due = models.DateField(null=True, blank=True, db_index=True)
    next_review_type = models.CharField(max_length=10, blank=True)
    current_iro = models.ForeignKey(
        "staff.IRO",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="current_children",
    )

    class Meta:
        ordering = ["child_id"]
        verbose_name_plural = "children"
        indexes = [models.Index(fields=["current_iro", "looked_after"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        name = f"{self.given_name} {self.family_name}".strip()
        return f"{name} ({self.child_id})" if name else self.child_id


class HeaderYear(models.Model):
    """The child's SSDA903 header as returned for one collection year (UPN, MOTHER and the like
    change over the years), so an old year's return can be written again exactly."""

    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="header_years", db_index=False
    )  # the unique (child, year) index serves lookups by child
    year = models.PositiveSmallIntegerField(
        help_text="collection year by its start: 2024 = 2024-25"
    )
    sex = models.CharField(max_length=1, choices=Sex.choices)
    dob = models.DateField()
    ethnicity = models.CharField(max_length=4)
    upn = models.CharField(max_length=20, blank=True)
    mother = models.BooleanField(null=True, blank=True)
    mc_dob = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["child", "year"]
        constraints = [models.UniqueConstraint(fields=["child", "year"], name="header_year_unique")]
        # The history start (the earliest year) is read on every child record and timetable.
        indexes = [models.Index(fields=["year"], name="header_year_year")]

    def __str__(self) -> str:
        return f"{self.child.child_id} header {self.year}"


class PeriodOfCare(models.Model):
    """Derived: a continuous run of episodes from RNE S to an ending other than X1 (rules.md D4)."""

    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="periods", db_index=False
    )  # the unique (child, number) index serves lookups by child
    number = models.PositiveSmallIntegerField(help_text="1-based, in date order, per child")
    start = models.DateField(db_index=True)
    end = models.DateField(null=True, blank=True, db_index=True)
    short_break = models.BooleanField(default=False, help_text="All episodes V3/V4 (reg 48)")
    end_reason = models.CharField(max_length=4, blank=True, help_text="REC of the last episode")

    class Meta:
        ordering = ["child", "number"]
        verbose_name_plural = "periods of care"
        constraints = [
            models.UniqueConstraint(fields=["child", "number"], name="period_child_number_unique")
        ]
        indexes = [models.Index(fields=["start", "end"])]

    def __str__(self) -> str:
        end = f"{self.end:%d/%m/%Y}" if self.end else "now"
        return f"{self.child.child_id} period {self.number}: {self.start:%d/%m/%Y} to {end}"


class Episode(models.Model):
    """One row of the SSDA903 episodes table (the DfE's columns, blank stored as '')."""

    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="episodes", db_index=False
    )  # the unique (child, decom) index serves lookups by child
    decom = models.DateField("date episode started (DECOM)")
    rne = models.CharField("reason for new episode", max_length=1)
    ls = models.CharField("legal status", max_length=2)
    cin = models.CharField("category of need", max_length=2)
    place = models.CharField("placement type", max_length=3)
    place_provider = models.CharField(max_length=3, blank=True)
    dec = models.DateField("date episode ceased (DEC)", null=True, blank=True)
    rec = models.CharField("reason episode ceased", max_length=3, blank=True)
    reason_place_change = models.CharField(max_length=6, blank=True)
    home_post = models.CharField("home postcode", max_length=10, blank=True)
    pl_post = models.CharField("placement postcode", max_length=10, blank=True)
    urn = models.CharField("Ofsted URN", max_length=10, blank=True)
    period = models.ForeignKey(
        PeriodOfCare, null=True, blank=True, on_delete=models.SET_NULL, related_name="episodes"
    )

    class Meta:
        ordering = ["child", "decom"]
        constraints = [
            models.UniqueConstraint(fields=["child", "decom"], name="episode_child_decom_unique")
        ]
        indexes = [models.Index(fields=["decom", "dec"]), models.Index(fields=["ls"])]

    def __str__(self) -> str:
        return f"{self.child.child_id} episode from {self.decom:%d/%m/%Y} ({self.ls}, {self.place})"


class Flag(models.Model):
    """A period when a child has a status that changes their review rules or reporting."""

    class Kind(models.TextChoices):
        CP_PLAN = "cp_plan", "Child protection plan"
        DOL_ORDER = "dol_order", "Deprivation of liberty order"
        UNREGISTERED_PLACEMENT = "unregistered_placement", "Unregistered placement"
        DISABILITY = "disability", "Disability"
        SIBLING_GROUP = "sibling_group", "Sibling group"

    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="flags", db_index=False
    )  # the unique (child, flag, ...) index serves lookups by child
    flag = models.CharField(max_length=30, choices=Kind.choices)
    sibling_group = models.CharField(max_length=40, blank=True, help_text="for sibling_group:<id>")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["child", "flag", "start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "flag", "sibling_group", "start_date"], name="flag_unique"
            )
        ]
        indexes = [models.Index(fields=["flag", "sibling_group"])]

    def __str__(self) -> str:
        return f"{self.child.child_id} {self.code} from {self.start_date:%d/%m/%Y}"

    @property
    def code(self) -> str:
        """The flag as flags.csv writes it (`sibling_group:<id>` for sibling groups)."""
        return f"{self.flag}:{self.sibling_group}" if self.sibling_group else self.flag
