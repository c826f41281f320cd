"""Review rules: the DfE's 166, 167, 440 and 441 (ssda903.md §2.1, §3.1) and irohub's own checks
that a review falls in a period of care and has a chair."""

from __future__ import annotations

from irohub.quality.checks import Finding, dmy
from irohub.reviews.models import Review
from irohub.statutory.participation import birthday

NOT_IN_903 = (Review.Basis.REG48, Review.Basis.LOCAL)  # never in the DfE return (rule 399)


def check_reviews() -> list[Finding]:
    rows = Review.objects.order_by("child__child_id", "review_date").values_list(
        "child__child_id", "child__dob", "review_date", "pn_code", "statutory_basis", "period_id",
        "chair_id",
    )  # fmt: skip
    found: list[Finding] = []
    for child, dob, day, code, basis, period, chair in rows:
        found.extend(_dfe(child, dob, day, code, basis))
        if day < dob:
            found.append(
                Finding(
                    "irohub-review-before-birth",
                    child,
                    day,
                    f"The review on {dmy(day)} is before the date of birth {dmy(dob)}.",
                )
            )
        if period is None:
            found.append(
                Finding(
                    "irohub-review-outside-care",
                    child,
                    day,
                    f"The review on {dmy(day)} falls outside every period of care "
                    "in the episodes, so it cannot be typed or timed.",
                )
            )
        if chair is None:
            found.append(
                Finding(
                    "irohub-review-no-chair",
                    child,
                    day,
                    f"The review on {dmy(day)} has no chair recorded and no IRO was "
                    "allocated to the child that day.",
                )
            )
    return found


def _dfe(child, dob, day, code, basis) -> list[Finding]:
    """440/441 exactly as the validator: PN0 is wrong after DOB + 4 years, PN1-PN7 before it;
    on the 4th birthday either is accepted."""
    if not 1900 <= day.year <= 2099:  # the XSD's date pattern allows 19xx and 20xx only
        return [
            Finding(
                "903-166",
                child,
                day,
                f"The review date {dmy(day)} is not a valid date for the DfE return.",
            )
        ]
    if basis in NOT_IN_903:
        return []
    if not code:
        return [
            Finding(
                "903-167",
                child,
                day,
                f"The review on {dmy(day)} has no participation code (PN0-PN7).",
            )
        ]
    fourth = birthday(dob, 4)
    if code == "PN0" and day > fourth:
        return [
            Finding(
                "903-440",
                child,
                day,
                f"PN0 (under 4) on {dmy(day)}, but the child turned 4 on {dmy(fourth)}.",
            )
        ]
    if code != "PN0" and day < fourth:
        return [
            Finding(
                "903-441",
                child,
                day,
                f"{code} on {dmy(day)}, but the child is under 4 until {dmy(fourth)}: "
                "the code should be PN0.",
            )
        ]
    return []
