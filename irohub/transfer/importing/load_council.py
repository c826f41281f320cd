"""Load the council's yearly facts: population, service facts and targets."""

from __future__ import annotations

from irohub.council.models import Population, ServiceFact, Target
from irohub.transfer.importing.merge import present
from irohub.transfer.importing.upsert import Count, upsert


def load_population(rows: list[dict]) -> Count:
    records = [{k: r[k] for k in ("year", "dimension", "category", "count")} for r in rows]
    return upsert(Population, records, ("year", "dimension", "category"), Population.objects.all())


def load_service(rows: list[dict]) -> Count:
    records = [{k: r[k] for k in ("year", "item", "value")} for r in rows]
    return upsert(ServiceFact, records, ("year", "item"), ServiceFact.objects.all())


def load_targets(rows: list[dict]) -> Count:
    records = []
    for r in rows:
        record = {k: r[k] for k in ("year", "metric_id", "target")}
        if present(r, "direction"):
            record["direction"] = r["direction"] or Target.Direction.HIGHER
        records.append(record)
    return upsert(Target, records, ("year", "metric_id"), Target.objects.all())
