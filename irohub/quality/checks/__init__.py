"""The data-quality report: semantic problems real council data contains, which the import keeps
(interfaces.md §1) and lists here, each with the rule it breaks, the child, the date and a
plain-English explanation. Every check reads the whole data set in a few queries."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date


@dataclass(frozen=True)
class Finding:
    rule: str  # e.g. "903-440" (a DfE validation rule) or "irohub-no-iro"
    child: str  # the 903 CHILD
    date: date  # the day the problem is about
    message: str  # plain English

    def as_dict(self) -> dict:
        row = asdict(self)
        row["date"] = self.date.isoformat()
        return row


def dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "(blank)"
