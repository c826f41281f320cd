"""Re-importing changes nothing; newer extracts update by natural key and never duplicate; the
files may sit in sub-folders, in any case, with or without a BOM."""

import datetime as dt

import pytest

from irohub.audit.models import AuditEvent
from irohub.children.models import Child, Episode
from irohub.council.models import CouncilRules
from irohub.council.selectors import current_rules
from irohub.reviews.models import Review
from irohub.staff.models import IRO
from irohub.transfer.services import import_folder
from irohub.voice.models import Complaint, FeedbackResponse
from transfer.folder import EPISODES, HEADER, REVIEWS, write_csv

D = dt.date
AS_AT = D(2025, 3, 31)
pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of the main tables, with derived fields, to compare before and after."""
    return (
        list(Child.objects.order_by("pk").values()),
        list(Episode.objects.order_by("pk").values()),
        list(Review.objects.order_by("pk").values()),
        list(FeedbackResponse.objects.order_by("pk").values()),
    )


def test_reimporting_the_same_folder_changes_nothing(council_folder):
    assert import_folder(council_folder, by=None, as_at=AS_AT).ok
    before = snapshot()
    again = import_folder(council_folder, by=None, as_at=AS_AT)
    assert again.ok and not again.changed and again.touched_children == 0
    assert all(c.created == c.updated == c.deleted == 0 for c in again.counts.values())
    assert snapshot() == before
    assert AuditEvent.objects.filter(action="imported").count() == 2


def test_a_later_extract_updates_and_never_duplicates(tmp_path, council_folder):
    assert import_folder(council_folder, by=None, as_at=AS_AT).ok
    later = tmp_path / "later" / "ssda903" / "2025-26"
    write_csv(
        later / "header.csv", HEADER, [["C001", "1", "01/02/2015", "WBRI", "A123456789012", "", ""]]
    )
    write_csv(later / "episodes.csv", EPISODES, [
        ["C001", "10/06/2024", "P", "C2", "N1", "U4", "PR4", "01/05/2025", "E4A", "", "", "", ""],
    ])  # fmt: skip
    write_csv(later / "reviews.csv", REVIEWS, [["C001", "01/02/2015", "20/01/2025", "PN6"],
                                               ["C001", "01/02/2015", "15/04/2025", "PN1"]])  # fmt: skip
    result = import_folder(tmp_path / "later", by=None, as_at=D(2025, 6, 30))
    assert result.ok, result.errors
    assert {t: (c.created, c.updated) for t, c in result.counts.items()} == {
        "children": (0, 1), "header_years": (1, 0), "episodes": (0, 1), "reviews": (1, 1)}  # fmt: skip
    c1 = Child.objects.get(child_id="C001")
    assert c1.upn == "A123456789012" and c1.header_year == 2025
    assert Episode.objects.filter(child=c1).count() == 2
    assert Review.objects.filter(child=c1).count() == 4
    assert Review.objects.get(child=c1, review_date=D(2025, 1, 20)).pn_code == "PN6"
    # the child left care on 01/05/2025: no longer looked after, nothing due
    assert not c1.looked_after and c1.next_review_due is None


def test_an_older_extract_imported_later_does_not_undo_newer_facts(tmp_path):
    new = tmp_path / "new"
    write_csv(
        new / "header.csv",
        HEADER,
        [["C1", "F", "01/02/2010", "WBRI", "A123456789012", "1", "01/01/2026"]],
    )
    write_csv(
        new / "episodes.csv",
        EPISODES,
        [["C1", "01/05/2024", "S", "C2", "N1", "U4", "PR1", "02/05/2025", "E13", "", "", "", ""]],
    )
    assert import_folder(new, by=None, as_at=D(2025, 6, 1)).ok
    old = tmp_path / "old" / "2024-25"
    write_csv(old / "header.csv", HEADER, [["C1", "2", "01/02/2010", "WBRI", "UN4", "0", ""]])
    write_csv(
        old / "episodes.csv",
        EPISODES,
        [["C1", "01/05/2024", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""]],
    )
    result = import_folder(tmp_path / "old", by=None, as_at=D(2025, 6, 1))
    assert result.ok and result.touched_children == 0
    assert result.counts["header_years"].created == 1  # the 2024-25 header, kept as returned
    assert not (result.counts["children"].changed or result.counts["episodes"].changed)
    child = Child.objects.get()
    assert (child.upn, child.mother, child.header_year) == ("A123456789012", True, 2025)
    episode = Episode.objects.get()
    assert (episode.dec, episode.rec) == (D(2025, 5, 2), "E13")


def test_years_in_sub_folders_accumulate_into_one_history(tmp_path):
    folder = tmp_path / "council"
    y1, y2 = folder / "ssda903" / "2023-24", folder / "ssda903" / "2024-25"
    for year in (y1, y2):
        write_csv(year / "header.csv", HEADER, [["C1", "1", "01/02/2010", "WBRI", "", "", ""]])
    write_csv(
        y1 / "episodes.csv",
        EPISODES,
        [["C1", "01/05/2023", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""]],
    )
    write_csv(
        y2 / "episodes.csv",
        EPISODES,
        [
            [
                "C1",
                "01/05/2023",
                "S",
                "C2",
                "N1",
                "U4",
                "PR1",
                "01/06/2024",
                "X1",
                "CARPL",
                "",
                "",
                "",
            ],
            ["C1", "01/06/2024", "P", "C2", "N1", "K2", "PR4", "", "", "", "", "", ""],
        ],
    )
    write_csv(y1 / "reviews.csv", REVIEWS, [["C1", "01/02/2010", "25/05/2023", "PN1"]])
    write_csv(y2 / "reviews.csv", REVIEWS, [["C1", "01/02/2010", "20/05/2024", "PN1"]])
    result = import_folder(folder, by=None, as_at=D(2025, 1, 1))
    assert result.ok, result.errors
    assert Episode.objects.count() == 2 and Review.objects.count() == 2
    first = Episode.objects.get(decom=D(2023, 5, 1))
    assert (first.dec, first.rec, first.reason_place_change) == (D(2024, 6, 1), "X1", "CARPL")


def test_bom_case_insensitive_names_and_unknown_files(tmp_path):
    folder = tmp_path / "c"
    write_csv(
        folder / "Header.CSV", HEADER, [["C1", "M", "01/02/2010", "WBRI", "", "", ""]], bom=True
    )
    write_csv(folder / "IROS.csv", ["IRO_ID", "Name", "Employment_Type", "FTE", "Start_Date"],
              [["I1", "Pat", "Agency", "0.8", "2024-01-01"]], bom=True)  # fmt: skip
    (folder / "notes.txt").write_text("hello")
    (folder / "oc2.csv").write_text("CHILD\n")
    result = import_folder(folder, by=None, as_at=AS_AT)
    assert result.ok, result.errors
    assert result.skipped == [
        "notes.txt: not a file irohub recognises, skipped",
        "oc2.csv: an optional DfE table irohub does not import",
    ]
    assert Child.objects.get().child_id == "C1"
    assert IRO.objects.get().employment_type == "agency"


def test_a_column_left_out_changes_nothing(council_folder, tmp_path):
    assert import_folder(council_folder, by=None, as_at=AS_AT).ok
    later = tmp_path / "later"
    write_csv(later / "review_details.csv", ["child_id", "review_date", "late_reason"],
              [["C001", "2024-04-29", "other"]])  # fmt: skip
    write_csv(later / "iros.csv", ["iro_id", "name", "employment_type", "fte", "start_date"],
              [["IRO1", "Alex Able-Smith", "permanent", "1", "2020-01-06"]])  # fmt: skip
    result = import_folder(later, by=None, as_at=AS_AT)
    assert result.ok
    review = Review.objects.get(child__child_id="C001", review_date=D(2024, 4, 29))
    assert (review.late_reason, review.format, review.chair.iro_id) == (
        "other",
        "in_person",
        "IRO1",
    )
    iro = IRO.objects.get(iro_id="IRO1")
    assert (iro.name, iro.email) == ("Alex Able-Smith", "alex@example.org")


def test_feedback_replaces_the_years_it_covers(council_folder, tmp_path):
    assert import_folder(council_folder, by=None, as_at=AS_AT).ok
    later = tmp_path / "later"
    write_csv(later / "feedback.csv", ["response_date", "respondent", "felt_listened_to"],
              [["2024-09-01", "child", "Y"]])  # fmt: skip
    result = import_folder(later, by=None, as_at=AS_AT)
    counts = result.counts["feedback"]
    assert (counts.created, counts.deleted) == (1, 2)
    # 2024-25 now holds the one new response; 2025-26's response is untouched
    assert sorted(FeedbackResponse.objects.values_list("response_date", flat=True)) == [
        D(2024, 9, 1), D(2025, 4, 2)]  # fmt: skip


def test_complaints_and_feedback_entered_in_irohub_are_never_replaced(council_folder, tmp_path):
    assert import_folder(council_folder, by=None, as_at=AS_AT).ok
    Complaint.objects.create(received_date=D(2024, 11, 1), stage=1, source="web")
    FeedbackResponse.objects.create(response_date=D(2024, 11, 1), respondent="child", source="form")
    later = tmp_path / "later"
    write_csv(later / "complaints.csv", ["received_date", "stage"], [["2024-12-01", "2"]])
    write_csv(later / "feedback.csv", ["response_date", "respondent"], [["2024-12-01", "carer"]])
    assert import_folder(later, by=None, as_at=AS_AT).ok
    assert sorted(Complaint.objects.values_list("received_date", "source")) == [
        (D(2024, 11, 1), "web"), (D(2024, 12, 1), "import")]  # fmt: skip
    assert FeedbackResponse.objects.filter(source="form").count() == 1


def test_rules_toml_in_the_folder_is_loaded_once(council_folder):
    (council_folder / "rules.toml").write_text('[reviews]\nfirst = "28 days"\n')
    result = import_folder(council_folder, by=None, as_at=AS_AT)
    assert result.ok and result.rules_changed
    assert str(current_rules().reviews.first) == "28 days"
    # 28 calendar days from 01/05/2024 is 29/05/2024 (20 working days: 31/05/2024)
    review = Review.objects.get(child__child_id="C002", review_date=D(2024, 6, 1))
    assert (review.due_date, review.days_late) == (D(2024, 5, 29), 3)
    again = import_folder(council_folder, by=None, as_at=AS_AT)
    assert not again.rules_changed and CouncilRules.objects.count() == 1
