"""`irohub synth` on the command line (the Django management command behind it)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from irohub.statutory.settings import load_rules
from irohub.synth import generate

from .conftest import AS_AT


def run(*args) -> str:
    out = io.StringIO()
    call_command("synth", *args, stdout=out)
    return out.getvalue()


def test_writes_an_import_folder(tmp_path):
    text = run(
        "--children",
        "40",
        "--years",
        "3",
        "--seed",
        "5",
        "--as-at",
        "2026-11-22",
        "--out",
        str(tmp_path),
    )
    assert "children" in text and str(tmp_path) in text
    assert (tmp_path / "ssda903" / "2023-24" / "episodes.csv").exists()
    assert (tmp_path / "iros.csv").exists() and (tmp_path / "rules.toml").exists()


def test_a_local_rules_file_is_used_and_copied(tmp_path):
    rules = tmp_path / "local.toml"
    rules.write_text('[reviews]\nfirst = "28 days"\nsecond = "90 days"\n')
    out = tmp_path / "out"
    run(
        "--children",
        "40",
        "--years",
        "3",
        "--seed",
        "5",
        "--as-at",
        "2026-11-22",
        "--out",
        str(out),
        "--rules",
        str(rules),
    )
    assert (out / "rules.toml").read_text() == rules.read_text()
    council = generate(children=40, years=3, seed=5, as_at=AS_AT, rules_text=rules.read_text())
    assert load_rules(rules.read_text()).reviews.second.unit == "days"
    checked = 0
    for r in council.reviews:
        earlier = [x.date for x in council.reviews if x.child == r.child and x.date < r.date]
        if r.basis == "reg33" and r.review_type == "second" and earlier:  # 90 days, not 3 months
            assert r.due == max(earlier) + dt.timedelta(days=90)
            checked += 1
    assert checked > 10


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-at", "22/11/2026"], "--as-at"),
        (["--children", "0"], "at least 1"),
    ],
)
def test_bad_arguments_are_reported(tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        run("--out", str(tmp_path), "--years", "2", *args)


def test_bad_rules_file_is_reported(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[reviews]\nfirst = "-3 days"\n')
    with pytest.raises(CommandError, match="reviews.first"):
        run(
            "--out",
            str(tmp_path / "o"),
            "--years",
            "2",
            "--as-at",
            "2026-11-22",
            "--rules",
            str(bad),
        )


def test_help_documents_the_command(capsys):
    with pytest.raises(SystemExit):
        call_command("synth", "--help")
    assert "--children" in capsys.readouterr().out
