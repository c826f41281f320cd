"""Every rule the data-quality report checks, with its title (what a person reads first)."""

RULES: dict[str, str] = {
    "903-148": "DEC and REC must both be filled or both be blank",
    "903-166": "REVIEW must be a valid date",
    "903-167": "A review date needs a participation code (PN0-PN7)",
    "903-355": "An episode must last at least a day",
    "903-356": "An episode cannot end before it started",
    "903-357": "A child's first episode must start with RNE S",
    "903-388": "REC X1 says a new episode starts the same day, but none does",
    "903-431": "RNE S cannot start on or before the day the previous episode ended",
    "903-432": "After leaving care (REC other than X1) the next episode must be RNE S",
    "903-433": "A continuing episode (RNE not S) must start the day the previous one ended",
    "903-440": "PN0 used for a child aged 4 or more at the review",
    "903-441": "PN1-PN7 used for a child under 4 at the review",
    "903-501": "An episode starts before the previous one ended",
    "irohub-review-outside-care": "A review held when the child was not in a period of care",
    "irohub-review-before-birth": "A review dated before the child was born",
    "irohub-review-no-chair": "A review with no chair recorded and no IRO allocated that day",
    "irohub-allocation-overlap": "Two IRO allocations of one child overlap",
    "irohub-no-iro": "A looked-after child without an IRO after the allocation grace period",
}
