"""Insert-or-update by natural key, set-wise: one query reads the existing rows in scope, then
bulk inserts and bulk updates write only what is new or changed. Re-importing the same data
therefore writes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from irohub.reviews import bulk
from irohub.reviews.bulk import scoped  # noqa: F401  (the loaders' shared helper)


@dataclass
class Count:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def __iadd__(self, other: Count) -> Count:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.deleted += other.deleted
        return self

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def upsert(
    model, rows: list[dict], key: tuple[str, ...], existing_qs, on_change=None, deferred=None
) -> Count:
    """Write `rows` (dicts of model attribute names) keyed by `key`.

    A row may name only some fields (a column left out of a file changes nothing). `on_change`
    is called with the key of each created or updated row (to find the children touched). With
    `deferred` (a list), new rows are appended to it instead of inserted: the derive step then
    inserts them with their derived fields already set, saving a second write of every row.
    """
    count = Count()
    fields = sorted({f for row in rows for f in row if f not in key})
    new, changed = _diff(rows, key, fields, existing_qs, count, on_change)
    if deferred is not None:
        deferred.extend(new)
    else:
        bulk.insert(model, new)
    if fields:
        bulk.update(model, changed, fields)
    count.created, count.updated = len(new), len(changed)
    return count


def _diff(rows, key, fields, existing_qs, count: Count, on_change):
    """The rows that are new, and (pk, *fields) of those that changed; counts the unchanged."""
    existing = {
        tuple(values[k] for k in key): values for values in existing_qs.values("pk", *key, *fields)
    }
    new, changed = [], []
    for row in rows:
        row_key = tuple(row[k] for k in key)
        current = existing.get(row_key)
        if current is None:
            new.append(row)
        elif any(current[f] != row[f] for f in row if f not in key):
            changed.append((current["pk"], *(row.get(f, current[f]) for f in fields)))
        else:
            count.unchanged += 1
            continue
        if on_change is not None:
            on_change(row_key)
    return new, changed
