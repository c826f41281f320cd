"""The synthetic council generator (`irohub synth`).

    from irohub.synth import generate, write
    council = generate(children=350, years=10, seed=1, as_at=date(2026, 11, 22))
    write(council, "var/synth")

Only synthetic data: invented children, staff, settings and names. Real ONS postcodes are used
(data/postcodes.csv) because the DfE rules check them; they locate no one.
"""

from .build import generate
from .model import Council
from .writer import write

__all__ = ["Council", "generate", "write"]
