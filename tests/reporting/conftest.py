"""Fixtures of the annual report tests (test_annual, test_report_files, test_publication_leaks,
test_report_command, test_report_views): a small synthetic council from the generator, and the
report made from it once per session in every format, internal and public.

The session fixture imports the council inside a transaction it rolls back, so the rows never
reach another test; tests read the outputs it kept. Tests that need the rows themselves (pages,
the command) import the same folder inside their own test transaction (`synthetic_council`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from irohub.reporting.document import ReportDocument
from irohub.reporting.metrics.base import MetricResult, ReportingPeriod

AS_AT = date(2026, 11, 22)  # the pinned "today" of the suite
YEAR = "2025-26"  # a complete year with the year before it in the data
GENERATED_ON = date(2026, 11, 22)
CASE_STUDY = "A young person asked to chair her own review and did, with her advocate beside her."
QUOTE = "My IRO listens to me and gets things done."
NARRATIVE = "Timeliness improved after monthly tracking meetings with the teams."


@pytest.fixture
def manager_words() -> dict[str, str]:
    """The texts load_council writes, by kind."""
    return {"narrative": NARRATIVE, "case_study": CASE_STUDY, "quote": QUOTE}


@dataclass
class AnnualOutputs:
    period: ReportingPeriod
    results: dict[str, MetricResult]
    json: dict[str, Any]
    public_json: dict[str, Any]
    docs: dict[bool, ReportDocument]  # publication -> document
    files: dict[tuple[str, bool], str | bytes] = field(default_factory=dict)
    identifiers: list[str] = field(default_factory=list)
    child_ids: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def synthetic_folder(tmp_path_factory) -> Path:
    """60 children over 3 years to 22 November 2026, as an import folder (seed 7)."""
    from irohub.synth import generate, write

    folder = tmp_path_factory.mktemp("synthetic-council")
    write(generate(children=60, years=3, seed=7, as_at=AS_AT), folder)
    return folder


def load_council(folder: Path) -> None:
    """Import the folder, and add what the manager types in: narrative and priorities."""
    from irohub.council.models import Priority
    from irohub.reporting import services
    from irohub.transfer.services import import_folder

    result = import_folder(folder, by=None, as_at=AS_AT)
    assert not result.errors, result.errors[:5]
    for kind, text, section in (
        ("narrative", NARRATIVE, "timeliness"),
        ("case_study", CASE_STUDY, "participation"),
        ("quote", QUOTE, "feedback"),
    ):
        services.save_narrative(year=YEAR, section=section, kind=kind, text=text, by=None)
    Priority.objects.create(year=YEAR, position=1, title="Recruit two permanent IROs",
                            status="achieved", narrative="Both joined in the autumn.")  # fmt: skip
    Priority.objects.create(year=YEAR, position=2, title="Raise direct participation to 80%",
                            status="part_achieved")  # fmt: skip
    Priority.objects.create(year="2026-27", position=1, title="Midway reviews for every child")


@pytest.fixture
def synthetic_council(db, synthetic_folder) -> Path:
    """The synthetic council in this test's database (rolled back after the test)."""
    load_council(synthetic_folder)
    return synthetic_folder


@pytest.fixture(scope="session")
def annual_outputs(django_db_setup, django_db_blocker, synthetic_folder) -> AnnualOutputs:
    """The 2025-26 report of the synthetic council, computed once, in every format."""
    from irohub.reporting.annual import AnnualReport
    from irohub.reporting.render import FORMATS, render
    from irohub.reporting.selectors import child_identifiers

    with django_db_blocker.unblock(), transaction.atomic():
        load_council(synthetic_folder)
        period = ReportingPeriod.for_year(YEAR)
        annual = AnnualReport.compute(period, as_at=period.end)
        from irohub.children.models import Child

        outputs = AnnualOutputs(
            period=period,
            results=annual.results,
            json=annual.json(publication=False),
            public_json=annual.json(publication=True),
            docs={
                p: annual.document(publication=p, generated_on=GENERATED_ON) for p in (False, True)
            },
            identifiers=child_identifiers(),
            child_ids=list(Child.objects.values_list("child_id", flat=True)),
        )
        for publication in (False, True):
            for fmt in FORMATS:
                outputs.files[fmt, publication] = render(
                    outputs.docs[publication], fmt, identifiers=outputs.identifiers
                )
        transaction.set_rollback(True)
    return outputs
