"""Run every check and present the findings as text or JSON."""

from __future__ import annotations

from collections import Counter
from datetime import date

from irohub.quality.checks import Finding
from irohub.quality.checks.allocations import check_allocations
from irohub.quality.checks.episodes import check_episodes
from irohub.quality.checks.reviews import check_reviews
from irohub.quality.checks.rules import RULES


def findings(*, rules, as_at: date) -> list[Finding]:
    """Every finding, in rule then child then date order."""
    found = check_episodes() + check_reviews() + check_allocations(rules=rules, as_at=as_at)
    return sorted(found, key=lambda f: (f.rule, f.child, f.date, f.message))


def as_json(found: list[Finding], as_at: date) -> dict:
    counts = Counter(f.rule for f in found)
    return {
        "as_at": as_at.isoformat(),
        "total": len(found),
        "rules": {
            rule: {"title": title, "count": counts.get(rule, 0)} for rule, title in RULES.items()
        },
        "findings": [f.as_dict() for f in found],
    }


def as_text(found: list[Finding], as_at: date) -> str:
    if not found:
        return f"No data-quality problems found (as at {as_at:%d/%m/%Y})."
    counts = Counter(f.rule for f in found)
    lines = [f"{len(found)} data-quality findings as at {as_at:%d/%m/%Y}", ""]
    for rule, count in sorted(counts.items()):
        lines.append(f"{rule}  {count:>6}  {RULES[rule]}")
    current = None
    for f in found:
        if f.rule != current:
            current = f.rule
            lines += ["", f"{rule_heading(f.rule)}"]
        lines.append(f"  {f.child}  {f.date:%d/%m/%Y}  {f.message}")
    return "\n".join(lines)


def rule_heading(rule: str) -> str:
    return f"{rule}: {RULES[rule]}"
