"""The council's rules.toml: the default settings (rules.md §1.15) written out in full."""

from __future__ import annotations

import json

from irohub.statutory.settings import RuleSettings

from .places import COUNCIL_LA, COUNCIL_NAME


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # a JSON string is a valid TOML basic string
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {v!r} as TOML")


def to_toml(settings: dict[str, dict[str, object]]) -> str:
    lines = []
    for table, values in settings.items():
        lines.append(f"[{table}]")
        lines.extend(f"{key} = {_value(v)}" for key, v in values.items())
        lines.append("")
    return "\n".join(lines)


def default_rules_text() -> str:
    """The defaults, with the synthetic council's name and area code filled in."""
    settings = RuleSettings.default().to_dict()
    settings["council"] = {**settings["council"], "name": COUNCIL_NAME, "la_code": COUNCIL_LA}
    head = "# Rules of a synthetic council (irohub synth): the defaults of rules.md §1.15.\n\n"
    return head + to_toml(settings)
