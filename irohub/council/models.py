"""Council-wide facts every domain app reads: the rule settings in force, the year-versioned code
lists of the SSDA903, resident population, yearly service facts, targets and priorities.

They live in their own app (docs/decisions/0002-council-app.md) because children, reviews,
transfer and reporting all read them, and none of those may own what the others depend on.
"""

from django.conf import settings
from django.db import models


class CouncilRules(models.Model):
    """One loaded rules file. The newest row is the rules in force; older rows are the history,
    so a report can say which rules it was computed under and a change can be traced."""

    text = models.TextField(help_text="The TOML as loaded (empty means the defaults).")
    source = models.CharField(max_length=300, blank=True, help_text="Where the text came from.")
    loaded_at = models.DateTimeField(auto_now_add=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    loaded_by_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "council rules"
        verbose_name_plural = "council rules (history)"

    def __str__(self) -> str:
        return f"Rules loaded {self.loaded_at:%d/%m/%Y %H:%M} by {self.loaded_by_name or 'system'}"


class ReferenceCode(models.Model):
    """A code of an SSDA903 list (ETHNIC, LS, PLACE...). Years are collection years named by the
    year they start in: 2024 means 2024-25 (1 April 2024 to 31 March 2025). A blank bound is open."""

    list_name = models.CharField(max_length=40)
    code = models.CharField(max_length=10)
    label = models.CharField(max_length=200)
    group = models.CharField(max_length=40, blank=True)
    valid_from_year = models.PositiveSmallIntegerField(null=True, blank=True)
    valid_to_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["list_name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["list_name", "code"], name="reference_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.list_name} {self.code}: {self.label}"

    def valid_in(self, year: int) -> bool:
        return (self.valid_from_year is None or year >= self.valid_from_year) and (
            self.valid_to_year is None or year <= self.valid_to_year
        )


class Population(models.Model):
    """Resident child population (ONS mid-year estimate) for rates and comparisons."""

    year = models.PositiveSmallIntegerField(help_text="The mid-year estimate's year, e.g. 2024.")
    dimension = models.CharField(max_length=20)  # total, sex, age_band, ethnicity_group
    category = models.CharField(max_length=40)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["year", "dimension", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "dimension", "category"], name="population_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.dimension} {self.category}: {self.count}"


class ServiceFact(models.Model):
    """A yearly figure that is entered, not derived (establishment FTE, contracted hours...)."""

    year = models.CharField(max_length=7, help_text="Reporting year, e.g. 2024-25.")
    item = models.CharField(max_length=60)
    value = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["year", "item"]
        constraints = [models.UniqueConstraint(fields=["year", "item"], name="service_fact_unique")]

    def __str__(self) -> str:
        return f"{self.year} {self.item}: {self.value}"


class Target(models.Model):
    """The target register: what a metric should reach in a reporting year."""

    class Direction(models.TextChoices):
        HIGHER = "higher_is_better", "Higher is better"
        LOWER = "lower_is_better", "Lower is better"

    year = models.CharField(max_length=7, help_text="Reporting year, e.g. 2024-25.")
    metric_id = models.CharField(max_length=80)
    target = models.DecimalField(max_digits=12, decimal_places=2)
    direction = models.CharField(max_length=20, choices=Direction.choices, default=Direction.HIGHER)

    class Meta:
        ordering = ["year", "metric_id"]
        constraints = [models.UniqueConstraint(fields=["year", "metric_id"], name="target_unique")]

    def __str__(self) -> str:
        return f"{self.year} {self.metric_id} {self.target}"


class Priority(models.Model):
    """One of the year's service priorities, with its progress (the annual report's last pages)."""

    class Status(models.TextChoices):
        ACHIEVED = "achieved", "Achieved"
        PART_ACHIEVED = "part_achieved", "Part achieved"
        NOT_ACHIEVED = "not_achieved", "Not achieved"
        IN_PROGRESS = "in_progress", "In progress"
        NOT_STARTED = "not_started", "Not started"

    year = models.CharField(max_length=7, help_text="Reporting year, e.g. 2024-25.")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    evidence_metric_id = models.CharField(max_length=80, blank=True)
    narrative = models.TextField(blank=True)

    class Meta:
        ordering = ["year", "position", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"
