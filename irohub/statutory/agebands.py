"""Age bands for counting children, named as the seed reports and DfE name them (metrics.md §2.2).

A band set is a list of labels; each label is a half-open range of completed years: "under 1"
is [0, 1), "1-4" is [1, 5), "16+" (or "16 and over", "16 plus") is [16, no limit). Bands must start
at 0, be in order and neither overlap nor leave gaps, so every child falls in exactly one band.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Named band sets a rules file may give as `reporting.age_bands = "<name>"`.
NAMED_BANDS: dict[str, tuple[str, ...]] = {
    "dfe5": ("under 1", "1-4", "5-9", "10-15", "16+"),
    "dfe6_split10": ("under 1", "1-4", "5-9", "10-12", "13-15", "16+"),
    "brent4": ("0-4", "5-9", "10-15", "16-17"),
    "bromley5": ("0-4", "5-9", "10-12", "13-15", "16-17"),
    "participation2": ("under 4", "4+"),
    "leaving": ("under 1", "1-4", "5-9", "10-12", "13-15", "16-17", "18+"),
}
ADULT_AGE = 18

_UNDER = re.compile(r"^under (\d+)$")
_RANGE = re.compile(r"^(\d+) ?[-\u2013] ?(\d+)$")
_OPEN = re.compile(r"^(\d+) ?(?:\+|and over|plus)$")
_SINGLE = re.compile(r"^(\d+)$")


def band_range(label: str) -> tuple[int, int | None]:
    """The ages [low, high) a label covers (high None = no upper limit); ValueError if unreadable."""
    text = " ".join(str(label).lower().split())
    if match := _UNDER.match(text):
        return 0, int(match.group(1))
    if match := _RANGE.match(text):
        low, high = int(match.group(1)), int(match.group(2))
        if high < low:
            raise ValueError(f"age band {label!r} ends before it starts")
        return low, high + 1
    if match := _OPEN.match(text):
        return int(match.group(1)), None
    if match := _SINGLE.match(text):
        return int(match.group(1)), int(match.group(1)) + 1
    raise ValueError(f'age band {label!r} is not like "under 1", "5-9" or "16+"')


@dataclass(frozen=True)
class AgeBands:
    """An ordered set of age bands; `label_for(age)` names the band a child's age falls in."""

    labels: tuple[str, ...]
    ranges: tuple[tuple[int, int | None], ...]

    @classmethod
    def named(cls, name: str) -> AgeBands:
        if name not in NAMED_BANDS:
            known = ", ".join(NAMED_BANDS)
            raise ValueError(f"unknown age band set {name!r}; use one of {known} or a list")
        return cls.from_labels(NAMED_BANDS[name])

    @classmethod
    def from_labels(cls, labels: tuple[str, ...] | list[str]) -> AgeBands:
        """Check the labels make one band per age from 0 (ValueError naming the first fault)."""
        labels = tuple(labels)
        if not labels:
            raise ValueError("an age band set needs at least one band")
        ranges = tuple(band_range(label) for label in labels)
        expected_low = 0
        for index, (label, (low, high)) in enumerate(zip(labels, ranges, strict=True)):
            if low < expected_low:
                raise ValueError(f"age band {label!r} overlaps or is out of order")
            if low > expected_low:
                raise ValueError(f"no age band covers age {expected_low} (before {label!r})")
            if high is None and index < len(labels) - 1:
                raise ValueError(f"age band {label!r} has no upper limit but is not the last")
            expected_low = high
        return cls(labels, ranges)

    def label_for(self, age_years: int) -> str:
        """The label of the band containing this age in completed years."""
        if age_years < 0:
            raise ValueError(f"an age cannot be negative ({age_years})")
        for label, (low, high) in zip(self.labels, self.ranges, strict=True):
            if low <= age_years and (high is None or age_years < high):
                return label
        raise ValueError(f"age {age_years} is above every band ({', '.join(self.labels)})")

    def leaving(self) -> AgeBands:
        """The variant for children leaving care: ages 18 and over get their own "18+" band."""
        low, high = self.ranges[-1]
        if high is not None and high > ADULT_AGE or (high is None and low >= ADULT_AGE):
            return self
        labels = list(self.labels)
        if high is None:
            labels[-1] = f"{low}-{ADULT_AGE - 1}" if low < ADULT_AGE - 1 else str(low)
        elif high < ADULT_AGE:
            labels.append(f"{high}-{ADULT_AGE - 1}" if high < ADULT_AGE - 1 else str(high))
        return AgeBands.from_labels((*labels, f"{ADULT_AGE}+"))
