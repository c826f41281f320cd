"""The packaged SSDA903 code lists (codes.csv), loaded into ReferenceCode by a data migration.

A new collection year's codes are added by editing codes.csv and writing a migration that calls
`sync_codes` again: it adds new codes and updates labels, groups and years of existing ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

CODES_CSV = Path(__file__).with_name("codes.csv")


def read_codes() -> list[dict]:
    with CODES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for key in ("valid_from_year", "valid_to_year"):
            row[key] = int(row[key]) if row[key] else None
    return rows


def sync_codes(reference_code_model) -> int:
    """Upsert every packaged code into the given model class (a migration's historical model)."""
    rows = read_codes()
    existing = {(c.list_name, c.code): c for c in reference_code_model.objects.all()}
    fields = ("label", "group", "valid_from_year", "valid_to_year")
    new, changed = [], []
    for row in rows:
        current = existing.get((row["list"], row["code"]))
        if current is None:
            new.append(
                reference_code_model(
                    list_name=row["list"], code=row["code"], **{f: row[f] for f in fields}
                )
            )
        elif any(getattr(current, f) != row[f] for f in fields):
            for f in fields:
                setattr(current, f, row[f])
            changed.append(current)
    reference_code_model.objects.bulk_create(new)
    reference_code_model.objects.bulk_update(changed, fields)
    return len(new) + len(changed)
