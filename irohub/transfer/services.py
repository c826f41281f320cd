"""Data in and out. `import_folder` is what `irohub import` and, later, the web upload call."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.db import connection, transaction

from irohub.audit.services import record
from irohub.council import selectors as council
from irohub.council import services as council_services
from irohub.council.models import CouncilRules
from irohub.statutory.settings import SettingsError
from irohub.statutory.settings import load_rules as parse_rules
from irohub.transfer.exporting import ssda903
from irohub.transfer.importing.load import load_all
from irohub.transfer.importing.parse import find_files, parse_file, read_text
from irohub.transfer.importing.result import ImportResult
from irohub.transfer.importing.validate import (
    Context,
    by_table,
    check_code_years,
    check_references,
    set_extract_years,
)


def import_folder(path, *, by, as_at: date | None = None) -> ImportResult:
    """Import every file irohub recognises in a folder (and its sub-folders), all or nothing.

    Structural errors are all collected and nothing is written; otherwise the rows are upserted
    by natural key in one transaction with one audit event, and the derived dates of the children
    touched are recomputed as at `as_at` (default today).
    """
    folder = Path(path)
    result = ImportResult(folder=str(folder))
    tables, rules_text, rules = _parse_and_validate(folder, result)
    if result.errors:
        return result
    with transaction.atomic():
        if rules_text is not None and rules_text != _rules_text_in_force():
            council_services.load_rules(rules_text, by=by, source=f"{folder.name}/rules.toml")
            result.rules_changed = True
        load_all(tables, result, rules=rules, as_at=as_at or date.today())
        record(
            by=by,
            action="imported",
            target_type="import",
            target_id=folder.name,
            after=result.as_dict(),
        )
    _refresh_planner_statistics()
    return result


def _refresh_planner_statistics() -> None:
    """PostgreSQL plans queries from table statistics that autovacuum may not refresh for a while
    (or ever, where it is off): right after a large import the caseload's queries read every
    review instead of an index. ANALYZE takes about a second on a large council."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _parse_and_validate(folder: Path, result: ImportResult):
    """Every file read and checked; structural errors go to result.errors."""
    if not folder.is_dir():
        result.errors.append(f"{folder}: -: not a folder ({folder})")
        return {}, None, None
    found = find_files(folder)
    result.skipped = found.skipped
    result.files = [rel for _, rel, _ in found.files] + [rel for _, rel in found.rules]
    rules_text, rules = _read_rules(found.rules, result.errors)
    ctx = Context.build(council.code_lists(), rules)
    parsed = [parse_file(*f, ctx, result.errors) for f in found.files]
    set_extract_years(parsed)
    check_code_years(parsed, ctx, result.errors)
    tables = by_table(parsed)
    check_references(tables, result.errors)
    return tables, rules_text, rules


def _read_rules(found: list, errors: list[str]):
    """The folder's rules.toml (validated now, loaded with the data), else the rules in force."""
    if len(found) > 1:
        errors.append(f"{found[1][1]}:1: -: more than one rules.toml in the folder ({found[0][1]})")
    if not found:
        return None, council.current_rules()
    path, rel = found[0]
    text = read_text(path, rel, errors)
    if text is None:
        return None, council.current_rules()
    try:
        return text, parse_rules(text)
    except SettingsError as problem:
        errors.extend(f"{rel}: {message}" for message in problem.errors)
        return None, council.current_rules()


def _rules_text_in_force() -> str | None:
    return CouncilRules.objects.order_by("-id").values_list("text", flat=True).first()


def export_903(year: str, folder: Path, *, by) -> dict[str, int]:
    """Write the SSDA903 tables of a collection year (`2024-25` or `2024/25`) into a folder;
    audited, as it carries every child's record out of irohub."""
    collection = ssda903.CollectionYear.parse(year)
    written = ssda903.write(collection, Path(folder))
    record(
        by=by,
        action="exported",
        target_type="ssda903",
        target_id=collection.label,
        after={"folder": str(folder), "rows": written},
    )
    return written
