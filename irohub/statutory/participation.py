"""Ages and the 903 participation codes PN0-PN7 (rules.md §1.9, metrics.md §2.8).

PN0 means "child under 4 at the time of the review". The 903 validator rejects PN0 for a child
of 4 or more (rule 440) and PN1-PN7 for a child under 4 (rule 441); on the 4th birthday the child
is 4, so irohub derives PN0 from the date of birth and never lets anyone pick it.
"""

from __future__ import annotations

from datetime import date

PN_LABELS: dict[str, str] = {
    "PN0": "Child under 4 at the time of the review",
    "PN1": "Child attends and speaks for themselves",
    "PN2": "Child attends and an advocate speaks for them",
    "PN3": "Child attends and conveys their views symbolically (non-verbally)",
    "PN4": "Child attends but does not speak, convey views symbolically or ask an advocate",
    "PN5": "Child does not attend but briefs an advocate to speak for them",
    "PN6": "Child does not attend but conveys views by a facilitative medium (form, app)",
    "PN7": "Child does not attend and their views are not conveyed",
}
PN_CODES = frozenset(PN_LABELS)
FOUR_PLUS = frozenset(PN_CODES - {"PN0"})
DIRECT = frozenset({"PN1"})
ATTENDED = frozenset({"PN1", "PN2", "PN3", "PN4"})
NOT_ATTENDING_VIEWS_CONVEYED = frozenset({"PN5", "PN6"})
VIA_ADVOCATE = frozenset({"PN2", "PN5"})
INDIRECT = frozenset({"PN2", "PN3", "PN4", "PN5", "PN6"})  # Brent's "indirectly participated"
ANY = frozenset({"PN1", "PN2", "PN3", "PN4", "PN5", "PN6"})  # Brent counts PN4 as taking part
VIEWS_CONVEYED = frozenset({"PN1", "PN2", "PN3", "PN5", "PN6"})  # strict: PN4 conveyed no views
NONE = frozenset({"PN7"})


def birthday(dob: date, age: int) -> date:
    """The day a child born on dob reaches `age`; a 29 February birthday falls on 1 March in
    other years (Family Law Reform Act 1969 s9: a person attains an age at the start of the
    anniversary of their birth)."""
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:
        return date(dob.year + age, 3, 1)


def age_on(dob: date, on: date) -> int:
    """Age in completed years on a date (metrics.md §2.0)."""
    years = on.year - dob.year
    return years - 1 if on < birthday(dob, years) else years


def pn0_expected(dob: date, review_date: date, under_age: int = 4) -> bool:
    """True when the child is under `participation.pn0_under_age` (4) on the review date."""
    return age_on(dob, review_date) < under_age


def valid_codes(dob: date, review_date: date, under_age: int = 4) -> tuple[str, ...]:
    """The PN codes a review may carry: ("PN0",) under 4, else PN1-PN7 (903 rules 440/441)."""
    if pn0_expected(dob, review_date, under_age):
        return ("PN0",)
    return tuple(sorted(FOUR_PLUS))
