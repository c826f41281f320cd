"""Write rule settings back out as a TOML rules file (`irohub rules show`, round-trip tests).

The standard library reads TOML but does not write it; the settings only hold text, numbers,
booleans and lists of those or of small tables, so a writer for exactly that is a few lines.
"""

from __future__ import annotations

import json
from typing import Any


def value(item: Any) -> str:
    """One TOML value: text in double quotes, true/false, numbers, lists and inline tables."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return repr(item)
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{key} = {value(v)}" for key, v in item.items()) + " }"
    if isinstance(item, list):
        if any(isinstance(element, dict) for element in item):
            rows = ",\n".join(f"  {value(element)}" for element in item)
            return f"[\n{rows},\n]"
        return "[" + ", ".join(value(element) for element in item) + "]"
    raise TypeError(f"cannot write {item!r} as TOML")


def dump(tables: dict[str, dict[str, Any]]) -> str:
    """Tables of keys, each table under its [heading], in the order given."""
    blocks = []
    for table, keys in tables.items():
        lines = [f"[{table}]"] + [f"{key} = {value(item)}" for key, item in keys.items()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
