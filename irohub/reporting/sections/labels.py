"""Words for the category keys of the metrics (interfaces.md §4), as a committee reader expects.

Keys with no entry here are printed with their underscores turned into spaces, so a new code from
a council's own list still reads sensibly.
"""

from __future__ import annotations

from collections.abc import Callable

from irohub.escalations.ladder import THEME_LABELS
from irohub.escalations.models import Escalation
from irohub.quality.models import Audit
from irohub.reporting.sections.tables import plain
from irohub.reviews.models import Contact, Review
from irohub.staff.models import EmploymentType
from irohub.statutory.participation import PN_LABELS
from irohub.statutory.settings import RuleSettings
from irohub.voice.models import AdvocacyReferral

SEX = {"M": "Male", "F": "Female", "U": "Not known or indeterminate"}
SEX_ORDER = ["M", "F", "U"]
ETHNICITY_GROUPS = ["White", "Mixed", "Asian", "Black", "Other", "Not stated"]
REVIEW_TYPES = {"first": "First review", "second": "Second review", "subsequent": "Later reviews"}
REVIEW_TYPE_ORDER = ["first", "second", "subsequent"]
PLACEMENT_GROUPS = {
    "connected_foster": "Foster care with family or friends",
    "la_foster": "Council foster carers",
    "agency_foster": "Independent fostering agency",
    "residential": "Children's homes and other residential settings",
    "adoption": "Placed for adoption",
    "with_parents": "Placed with parents",
    "supported_or_independent": "Supported accommodation or independent living",
    "other": "Other placements",
}
DISCHARGE_REASONS = {
    "adoption": "Adopted",
    "sgo": "Special guardianship order",
    "sgo_former_foster_carer": "Special guardianship order (former foster carers)",
    "sgo_other": "Special guardianship order (other carers)",
    "child_arrangements_order": "Child arrangements order",
    "returned_home": "Returned home",
    "turned_18": "Turned 18",
    "transfer": "Moved to another council",
    "remand_ended": "Remand ended",
    "other": "Other reasons",
}
AUDIT_ROLES = {"iro": "IRO", "manager": "Team manager", "moderated": "Moderated"}


def lookup(words: dict[str, str]) -> Callable[[str], str]:
    """A labeller: the word for a key, else the key made readable."""
    return lambda key: words.get(key, plain(key))


employment = lookup(dict(EmploymentType.choices))
sex = lookup(SEX)
review_type = lookup(REVIEW_TYPES)
late_reason = lookup(dict(Review.LateReason.choices))
review_format = lookup(dict(Review.Format.choices))
outcome = lookup(dict(Escalation.Outcome.choices))
theme = lookup(THEME_LABELS)  # the same words as the escalation pages
placement = lookup(PLACEMENT_GROUPS)
discharge_reason = lookup(DISCHARGE_REASONS)
advocacy_kind = lookup(dict(AdvocacyReferral.Kind.choices))
contact = lookup(dict(Contact.Type.choices))
audit_role = lookup(AUDIT_ROLES)
audit_type = lookup(dict(Audit.Type.choices))


def participation(code: str) -> str:
    return f"{code}: {PN_LABELS[code]}" if code in PN_LABELS else plain(code)


def stage(rules: RuleSettings) -> Callable[[str], str]:
    """The council's own names of its escalation stages (rules `escalation.stages`)."""
    return lookup({stage.code: stage.name for stage in rules.escalation.stages})


def anonymous_iros(*breakdowns: dict) -> Callable[[str], str]:
    """'IRO 1', 'IRO 2'... numbered by IRO id across every breakdown given, so one IRO has the
    same number in every table. The report names no one: staff ids stay out of it."""
    ids = sorted({str(key) for breakdown in breakdowns for key in breakdown})
    numbers = {iro_id: f"IRO {index}" for index, iro_id in enumerate(ids, start=1)}
    return lambda key: numbers.get(str(key), "IRO")
