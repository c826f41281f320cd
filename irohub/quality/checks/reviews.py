"""Review rules: the DfE's 166, 167, 440 and 441 (ssda903.md §2.1, §3.1) and irohub's own checks
that a review falls in a period of care, after the birth, and has a chair."""

from __future__ import annotations

from collections.abc import Iterator

from irohub.quality.checks import Finding, dmy
from irohub.reviews.models import Review
from irohub.statutory.participation import birthday

NOT_IN_903 = (Review.Basis.REG48, Review.Basis.LOCAL)  # never in the DfE return (rule 399)


def check_reviews() -> list[Finding]:
    rows = Review.objects.order_by("child__child_id", "review_date").values_list(
        "child__child_id", "child__dob", "review_date", "pn_code", "statutory_basis",
        "period_id", "chair_id",
    )  # fmt: skip
    found: list[Finding] = []
    for child, dob, day, code, basis, period, chair in rows:
        for rule, text in (*_dfe(dob, day, code, basis), *_irohub(dob, day, period, chair)):
            found.append(Finding(rule, child, day, text))
    return found


def _irohub(dob, day, period, chair) -> Iterator[tuple[str, str]]:
    if day < dob:
        yield (
            "irohub-review-before-birth",
            (f"The review on {dmy(day)} is before the date of birth {dmy(dob)}."),
        )
    if period is None:
        yield (
            "irohub-review-outside-care",
            (
                f"The review on {dmy(day)} falls outside every period of care in the episodes, so it "
                "cannot be typed or timed."
            ),
        )
    if chair is None:
        yield (
            "irohub-review-no-chair",
            (
                f"The review on {dmy(day)} has no chair recorded and no IRO was allocated to the "
                "child that day."
            ),
        )


def _dfe(dob, day, code, basis) -> Iterator[tuple[str, str]]:
    if not 1900 <= day.year <= 2099:  # the XSD's date pattern allows 19xx and 20xx only
        yield "903-166", f"The review date {dmy(day)} is not a valid date for the DfE return."
    elif basis not in NOT_IN_903 and not code:
        yield "903-167", f"The review on {dmy(day)} has no participation code (PN0-PN7)."
    elif basis not in NOT_IN_903:
        yield from _participation(dob, day, code)


def _participation(dob, day, code) -> Iterator[tuple[str, str]]:
    """440/441 exactly as the validator: PN0 is wrong after DOB + 4 years, PN1-PN7 before it;
    on the 4th birthday either is accepted."""
    fourth = birthday(dob, 4)
    if code == "PN0" and day > fourth:
        yield "903-440", f"PN0 (under 4) on {dmy(day)}, but the child turned 4 on {dmy(fourth)}."
    if code != "PN0" and day < fourth:
        yield (
            "903-441",
            (
                f"{code} on {dmy(day)}, but the child is under 4 until {dmy(fourth)}: the code should "
                "be PN0."
            ),
        )
