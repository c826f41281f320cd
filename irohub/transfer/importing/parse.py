"""Parse: find the files of an import folder and read each into typed rows, collecting every
structural error as `file:line: column: what is wrong (value)` (line 1 is the header)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from irohub.transfer.importing import values as v
from irohub.transfer.importing.specs import OPTIONAL_903, SSDA903_FILES, FileSpec
from irohub.transfer.importing.specs_irohub import IROHUB_FILES

KNOWN_FILES: dict[str, FileSpec] = {spec.name: spec for spec in SSDA903_FILES + IROHUB_FILES}
_YEAR_IN_PATH = re.compile(r"(?<!\d)(\d{4})[-_/ ]?(\d{2})(?!\d)")


@dataclass
class ParsedFile:
    spec: FileSpec
    path: str  # relative to the import folder, for messages
    columns: frozenset[str]  # the columns present in its header
    rows: list[dict] = field(default_factory=list)  # each with "_line"
    year: int | None = None  # for DfE files: the collection year of the extract
    # Raw values of the first column of rows that could not be read, and whether the header
    # was unreadable: references to them are not reported again as missing.
    failed: set[str] = field(default_factory=set)
    broken: bool = False


@dataclass
class Found:
    files: list[tuple[Path, str, FileSpec]]
    rules: list[tuple[Path, str]]
    skipped: list[str]


def find_files(folder: Path) -> Found:
    """Every file under the folder, recognised by name (case-insensitive) or reported."""
    found = Found([], [], [])
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        name = path.name.lower()
        if name in KNOWN_FILES:
            found.files.append((path, rel, KNOWN_FILES[name]))
        elif name == "rules.toml":
            found.rules.append((path, rel))
        elif name in OPTIONAL_903:
            found.skipped.append(f"{rel}: an optional DfE table irohub does not import")
        else:
            found.skipped.append(f"{rel}: not a file irohub recognises, skipped")
    return found


def read_text(path: Path, rel: str, errors: list[str]) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        errors.append(f"{rel}:1: -: not UTF-8 text (byte {exc.start})")
        return None


def parse_file(path: Path, rel: str, spec: FileSpec, ctx, errors: list[str]) -> ParsedFile:
    text = read_text(path, rel, errors)
    if text is None:
        return ParsedFile(spec, rel, frozenset(), broken=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or not any(h.strip() for h in header):
        errors.append(f"{rel}:1: -: the file is empty; a header row is needed ()")
        return ParsedFile(spec, rel, frozenset(), broken=True)
    names = _check_header(header, rel, spec, errors)
    if names is None:
        return ParsedFile(spec, rel, frozenset(), broken=True)
    parsed = ParsedFile(spec, rel, frozenset(n for n in names if n), year=year_from_path(rel))
    _read_rows(reader, names, parsed, ctx, errors)
    return parsed


def _check_header(header: list[str], rel: str, spec: FileSpec, errors: list[str]):
    """Column names as the spec spells them, or None when the header is wrong."""
    spelled = {c.upper() if spec.ssda903 else c.lower(): c for c in spec.column_names}
    names, before = [], len(errors)
    for raw in header:
        cleaned = raw.strip()
        key = cleaned.upper() if spec.ssda903 else cleaned.lower()
        if key not in spelled:
            errors.append(f"{rel}:1: {cleaned or '(blank)'}: unknown column ({cleaned})")
        elif spelled[key] in names:
            errors.append(f"{rel}:1: {spelled[key]}: column appears twice ({cleaned})")
        names.append(spelled.get(key, ""))
    for required in spec.required_columns:
        if required not in names:
            errors.append(f"{rel}:1: {required}: missing column ({','.join(header)})")
    return None if len(errors) > before else names


def _read_rows(reader, names: list[str], parsed: ParsedFile, ctx, errors: list[str]) -> None:
    spec, rel = parsed.spec, parsed.path
    columns = [
        (i, c.name, c.parse, c.required, c.blank)
        for c in spec.columns
        for i, n in enumerate(names)
        if n == c.name
    ]
    seen: dict = {}
    key_of = itemgetter(*spec.key) if spec.key else None
    for cells in reader:
        line = reader.line_num
        if not "".join(cells).strip():
            continue
        if len(cells) != len(names):
            errors.append(
                f"{rel}:{line}: -: {len(cells)} values but the header has {len(names)} columns "
                f"({','.join(cells)[:80]})"
            )
            continue
        row = _convert(cells, columns, rel, line, ctx, errors)
        if row is None:
            parsed.failed.add(cells[columns[0][0]].strip() if columns else "")
            continue
        if key_of is not None and seen.setdefault(key_of(row), line) != line:
            _duplicate(row, spec, seen, rel, line, errors)
        parsed.rows.append(row)


def _convert(cells, columns, rel, line, ctx, errors) -> dict | None:
    row, ok = {"_line": line}, True
    for index, name, parse, required, blank in columns:
        raw = cells[index].strip()
        if not raw:
            if required:
                errors.append(f"{rel}:{line}: {name}: required, but blank ()")
                ok = False
            row[name] = blank
            continue
        try:
            row[name] = parse(raw, ctx)
        except v.Invalid as problem:
            errors.append(f"{rel}:{line}: {name}: {problem} ({raw})")
            ok = False
    return row if ok else None


def _duplicate(row, spec, seen, rel, line, errors) -> None:
    key = tuple(row[k] for k in spec.key)
    first = seen[key if len(key) > 1 else key[0]]
    shown = ", ".join(_shown(x) for x in key)
    errors.append(f"{rel}:{line}: {'+'.join(spec.key)}: duplicate of line {first} ({shown})")


def _shown(value) -> str:
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, tuple):  # a flag: (kind, sibling group)
        return ":".join(part for part in value if part)
    return str(value)


def year_from_path(rel: str) -> int | None:
    """The collection year a folder or file name gives, e.g. `ssda903/2024-25/episodes.csv`."""
    for match in reversed(list(_YEAR_IN_PATH.finditer(rel))):
        start, end = int(match.group(1)), int(match.group(2))
        if (start + 1) % 100 == end:
            return start
    return None
