"""Reads of council-wide data that every app shares: the rules in force and the code lists."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from irohub.council.models import CouncilRules, ReferenceCode
from irohub.statutory.settings import RuleSettings, load_rules

_lock = threading.Lock()
_cache: dict = {"id": None, "rules": None}


def current_rules() -> RuleSettings:
    """The rules in force (the newest loaded file, else the defaults).

    Parsed once per process and reused while the newest row is unchanged: the check is one small
    query, so a rules load on another app server (or a rolled-back test) is seen at once.
    """
    latest = CouncilRules.objects.order_by("-id").values_list("id", flat=True).first()
    with _lock:
        if _cache["rules"] is not None and _cache["id"] == latest:
            return _cache["rules"]
    if latest is None:
        rules = RuleSettings.default()
    else:
        rules = load_rules(CouncilRules.objects.values_list("text", flat=True).get(pk=latest))
    with _lock:
        _cache.update(id=latest, rules=rules)
    return rules


def forget_rules() -> None:
    with _lock:
        _cache.update(id=None, rules=None)


def rules_history() -> list[CouncilRules]:
    return list(CouncilRules.objects.select_related("loaded_by").order_by("-id"))


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    group: str
    valid_from_year: int | None
    valid_to_year: int | None

    def valid_in(self, year: int) -> bool:
        return (self.valid_from_year is None or year >= self.valid_from_year) and (
            self.valid_to_year is None or year <= self.valid_to_year
        )


def code_lists() -> dict[str, dict[str, Code]]:
    """Every reference code, by list then code, in one query."""
    lists: dict[str, dict[str, Code]] = {}
    rows = ReferenceCode.objects.values_list(
        "list_name", "code", "label", "group", "valid_from_year", "valid_to_year"
    )
    for list_name, code, *rest in rows:
        lists.setdefault(list_name, {})[code] = Code(code, *rest)
    return lists


def code_groups(list_name: str) -> dict[str, str]:
    """code -> group for one list, e.g. ETHNIC -> ethnicity group, PLACE -> placement group."""
    return dict(ReferenceCode.objects.filter(list_name=list_name).values_list("code", "group"))


def code_labels(list_name: str) -> dict[str, str]:
    return dict(ReferenceCode.objects.filter(list_name=list_name).values_list("code", "label"))
