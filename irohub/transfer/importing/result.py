"""What an import did: every structural error, or the rows created and updated per table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from irohub.transfer.importing.upsert import Count

_LOCATION = re.compile(r"^(.*?):(\d+):")


@dataclass
class ImportResult:
    folder: str
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    counts: dict[str, Count] = field(default_factory=dict)
    touched_children: int = 0
    rules_changed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed(self) -> bool:
        return self.rules_changed or any(c.changed for c in self.counts.values())

    def sorted_errors(self) -> list[str]:
        """Errors in file then line order (all of them, never just the first)."""

        def order(message: str):
            match = _LOCATION.match(message)
            return (match.group(1), int(match.group(2))) if match else (message, 0)

        return sorted(self.errors, key=order)

    def summary(self) -> str:
        width = max([len(t) for t in self.counts] + [5])
        lines = [f"{'table':<{width}}  created  updated  unchanged  deleted"]
        for table, c in self.counts.items():
            lines.append(
                f"{table:<{width}}  {c.created:>7}  {c.updated:>7}  {c.unchanged:>9}  {c.deleted:>7}"
            )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "folder": self.folder,
            "files": self.files,
            "skipped": self.skipped,
            "rules_changed": self.rules_changed,
            "touched_children": self.touched_children,
            "counts": {t: vars(c) for t, c in self.counts.items()},
        }
