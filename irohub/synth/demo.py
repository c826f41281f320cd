"""Load a synthetic council into the database, for `irohub demo` (interfaces.md §3).

`irohub.accounts.demo.load_synthetic_council(children, seed)` can simply
`return load_council(children, seed)`: the council is generated, written to a temporary import
folder and loaded through the normal import service (all or nothing, audited), so the demo data
take exactly the path a council's own data take.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from .build import generate
from .writer import write

DEFAULT_CHILDREN, DEFAULT_SEED = 350, 1


def load_council(
    children: int | None = None,
    seed: int | None = None,
    *,
    as_at: date | None = None,
    by=None,
    years: int = 10,
) -> str:
    """Generate and import a synthetic council; a one-line summary for the terminal."""
    from irohub.transfer.services import import_folder  # the import is the top layer

    council = generate(
        children=children or DEFAULT_CHILDREN,
        years=years,
        seed=DEFAULT_SEED if seed is None else seed,
        as_at=as_at,
    )
    with tempfile.TemporaryDirectory(prefix="irohub-synth-") as tmp:
        write(council, Path(tmp))
        result = import_folder(tmp, by=by, as_at=council.as_at)
    if not result.ok:
        errors = result.sorted_errors()
        raise RuntimeError(
            f"the synthetic council did not import: {errors[0]} (+{len(errors) - 1} more)"
        )
    return (
        f"Loaded a synthetic council (seed {council.seed}): {len(council.children)} children, "
        f"{len(council.reviews)} reviews, {len(council.iros)} IROs, "
        f"{council.start:%d/%m/%Y} to {council.as_at:%d/%m/%Y}."
    )
