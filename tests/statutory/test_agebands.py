from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irohub.statutory.agebands import NAMED_BANDS, AgeBands, band_range
from irohub.statutory.settings import load_rules


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("under 1", (0, 1)),
        ("Under 4", (0, 4)),
        ("1-4", (1, 5)),
        ("10 – 15", (10, 16)),
        ("16+", (16, None)),
        ("16 and over", (16, None)),
        ("16 plus", (16, None)),
        ("17", (17, 18)),
    ],
)
def test_band_labels(label, expected):
    assert band_range(label) == expected


def test_default_set_is_dfe5(rules):
    bands = rules.age_bands()
    assert bands.labels == ("under 1", "1-4", "5-9", "10-15", "16+")
    assert [bands.label_for(age) for age in (0, 1, 4, 5, 9, 10, 15, 16, 17, 18)] == [
        "under 1", "1-4", "1-4", "5-9", "5-9", "10-15", "10-15", "16+", "16+", "16+",
    ]  # fmt: skip


@pytest.mark.parametrize("name", sorted(NAMED_BANDS))
def test_every_named_set_is_valid(name):
    bands = load_rules(f'[reporting]\nage_bands = "{name}"').age_bands()
    assert bands.labels == NAMED_BANDS[name]
    assert bands.label_for(0) == bands.labels[0]


def test_brent4_stops_at_17_and_leaving_adds_18_plus():
    bands = AgeBands.named("brent4")
    assert bands.label_for(17) == "16-17"
    with pytest.raises(ValueError, match="above every band"):
        bands.label_for(18)
    leaving = bands.leaving()
    assert leaving.labels == ("0-4", "5-9", "10-15", "16-17", "18+")
    assert leaving.label_for(18) == "18+"


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("dfe5", ("under 1", "1-4", "5-9", "10-15", "16-17", "18+")),
        ("participation2", ("under 4", "4-17", "18+")),
        ("leaving", NAMED_BANDS["leaving"]),
    ],
)
def test_leaving_variant(name, labels):
    assert AgeBands.named(name).leaving().labels == labels


def test_leaving_variant_of_unusual_sets():
    assert AgeBands.from_labels(["under 17", "17+"]).leaving().labels == ("under 17", "17", "18+")
    assert AgeBands.from_labels(["0-16"]).leaving().labels == ("0-16", "17", "18+")
    assert AgeBands.from_labels(["0-9", "10-15"]).leaving().labels == (
        "0-9",
        "10-15",
        "16-17",
        "18+",
    )
    wide = AgeBands.from_labels(["0-9", "10-20"])
    assert wide.leaving() is wide


def test_negative_age_is_an_error():
    with pytest.raises(ValueError, match="negative"):
        AgeBands.named("dfe5").label_for(-1)


def test_unknown_set_name():
    with pytest.raises(ValueError, match="unknown age band set"):
        AgeBands.named("dfe7")


@given(st.sampled_from(sorted(NAMED_BANDS)), st.integers(min_value=0, max_value=17))
def test_every_child_falls_in_exactly_one_band(name, age):
    bands = AgeBands.named(name)
    hits = [
        label
        for label, (low, high) in zip(bands.labels, bands.ranges, strict=True)
        if low <= age and (high is None or age < high)
    ]
    assert hits == [bands.label_for(age)]
