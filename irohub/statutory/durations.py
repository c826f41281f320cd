"""Durations as councils write them in their rules: "20 working days", "3 months", "28 days".

A duration keeps its unit because the unit is the rule: 20 working days is not 28 days around
Easter, and 3 calendar months is not 90 days (rules.md §1.2, A3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Unit = Literal["working_days", "days", "months"]

UNITS: tuple[str, ...] = ("working_days", "days", "months")

# The words a council may write for each unit; the first spelling is the canonical singular.
_UNIT_WORDS: dict[str, Unit] = {
    "working day": "working_days",
    "working days": "working_days",
    "day": "days",
    "days": "days",
    "month": "months",
    "months": "months",
}
_SINGULAR = {"working_days": "working day", "days": "day", "months": "month"}
_PLURAL = {"working_days": "working days", "days": "days", "months": "months"}

_PATTERN = re.compile(r"^\s*([+-]?\d+)\s+([a-z ]+?)\s*$")

EXAMPLES = '"20 working days", "28 days" or "3 months"'


@dataclass(frozen=True)
class Duration:
    """An amount of working days, calendar days or calendar months (never negative)."""

    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown duration unit {self.unit!r}; use one of {', '.join(UNITS)}")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise ValueError(f"a duration's amount must be a whole number, not {self.amount!r}")
        if self.amount < 0:
            raise ValueError(f"a duration cannot be negative ({self.amount} {_PLURAL[self.unit]})")

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read "20 working days", "1 month", "28 days"; ValueError says what is wrong."""
        if not isinstance(text, str):
            raise ValueError(f"a duration must be text such as {EXAMPLES}, not {text!r}")
        match = _PATTERN.match(re.sub(r"\s+", " ", text.lower()))
        if not match:
            raise ValueError(f"{text!r} is not a duration; write it like {EXAMPLES}")
        amount, words = int(match.group(1)), match.group(2)
        unit = _UNIT_WORDS.get(words)
        if unit is None:
            raise ValueError(
                f"{text!r} has an unknown unit {words!r}; use working days, days or months"
            )
        if amount < 0:
            raise ValueError(f"{text!r} is negative; a duration must be 0 or more")
        return cls(amount, unit)

    def __str__(self) -> str:
        words = _SINGULAR[self.unit] if self.amount == 1 else _PLURAL[self.unit]
        return f"{self.amount} {words}"

    @property
    def in_working_days(self) -> bool:
        return self.unit == "working_days"
