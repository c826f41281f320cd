"""`irohub report annual --year ... --format ... [--out PATH] [--publication] [--as-at DATE]`."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from irohub.cli import main as irohub
from irohub.reporting.contract import CORE_METRIC_IDS


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", "annual", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_goes_to_stdout_with_every_core_metric(synthetic_council):
    report = json.loads(run("--year", "2025-26", "--format", "json"))
    assert report["reporting_year"] == "2025-26"
    assert list(report["metrics"]) == list(CORE_METRIC_IDS)
    assert report["metrics"]["reviews.held.count"]["value"] > 0


def test_json_is_the_default_and_the_year_may_be_written_with_a_slash(synthetic_council):
    slash = json.loads(run("--year", "2025/26", "--as-at", "2026-03-31"))
    dash = json.loads(run("--year", "2025-26", "--as-at", "2026-03-31"))
    assert slash == dash


def test_every_format_is_written_to_its_file(synthetic_council, tmp_path):
    starts = {"html": b"<!DOCTYPE html>", "pdf": b"%PDF", "docx": b"PK", "xlsx": b"PK"}
    for fmt, start in starts.items():
        path = tmp_path / f"report.{fmt}"
        assert run("--year", "2025-26", "--format", fmt, "--out", str(path)) == ""
        assert path.read_bytes().startswith(start), fmt
    assert "Reviews held each month" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_public_json_suppresses_small_counts(synthetic_council, tmp_path):
    path = tmp_path / "public.json"
    run("--year", "2025-26", "--format", "json", "--publication", "--out", str(path))
    internal = json.loads(run("--year", "2025-26"))["metrics"]
    public = json.loads(path.read_text(encoding="utf-8"))["metrics"]
    small = [
        mid
        for mid, metric in internal.items()
        if mid.endswith(".count") and isinstance(metric["value"], int) and 0 < metric["value"] < 6
    ]
    assert small
    assert all(public[mid]["value"] == "c" for mid in small)


def test_the_irohub_command_runs_the_report(synthetic_council, capsys):
    irohub(["report", "annual", "--year", "2025-26", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["snapshot_date"] == "2026-03-31"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2025-27"], "is not one year"),
        (["--year", "last year"], "looks like 2024-25"),
        (["--year", "2025-26", "--format", "pdf"], "--out PATH is needed"),
    ],
)
def test_mistakes_are_explained(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_public_report_naming_a_child_is_not_written(synthetic_council, tmp_path):
    from irohub.children.models import Child
    from irohub.reporting import services

    child = Child.objects.order_by("child_id").first()
    services.save_narrative(
        year="2025-26", section="risks", kind="narrative", text=f"{child.child_id} waited.", by=None
    )
    path = tmp_path / "public.html"
    with pytest.raises(CommandError, match=f"Not written: .*{child.child_id}"):
        run("--year", "2025-26", "--format", "html", "--publication", "--out", str(path))
    assert not path.exists()
