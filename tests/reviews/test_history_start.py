"""Reviews before the data begin (decision record 0004): a council whose SSDA903 extracts start in
2022-23 has children already in care then, whose earlier reviews irohub cannot see.

The folder: 903 extracts for 2022-23 and 2023-24 (England and Wales bank holidays).
* A has been in care since Sun 03/02/2019: a first (01/03/2019) and a second review were due
  long before 01/04/2022, so the first known review (12/05/2022) is taken as a subsequent review
  and not assessed; the next, 10/11/2022, is due 12/11/2022 (in time); 20/05/2023 is due
  10/05/2023 (10 days late).
* B comes into care Thu 01/09/2022, after the records start: first review due Fri 30/09/2022
  (the State Funeral of 19/09/2022 is not a working day), held 03/10/2022: 3 days late.
* C has been in care since Mon 06/01/2020 with no review in either extract: the next review was
  due at the latest 30/09/2022 (6 months after 31/03/2022); nothing is invented as missed.
* D's first episode in the extracts is a placement move on 25/03/2022 (RNE P): the start of the
  period is not in the data, so its first known review (07/04/2022) is taken as subsequent; the
  next was due 07/10/2022 and missed.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from irohub.children.models import Child, Episode, HeaderYear
from irohub.council.selectors import current_rules
from irohub.reporting.metrics.base import ReportingPeriod, compute
from irohub.reviews.derive import history_start, recompute
from irohub.reviews.models import Review
from irohub.transfer.services import import_folder

D = dt.date
AS_AT = D(2023, 11, 1)
pytestmark = pytest.mark.django_db

# The DfE's columns (interfaces.md §1.1).
HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]  # fmt: skip
REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]

HEADERS = {
    "A": ["A", "1", "01/06/2010", "WBRI", "", "", ""],
    "B": ["B", "2", "01/06/2012", "WBRI", "", "0", ""],
    "C": ["C", "1", "01/06/2011", "BAFR", "", "", ""],
    "D": ["D", "2", "01/06/2009", "WBRI", "", "0", ""],
}
EPISODE_ROWS = [
    ["A", "03/02/2019", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""],
    ["B", "01/09/2022", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""],
    ["C", "06/01/2020", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""],
    ["D", "25/03/2022", "P", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""],
]
REVIEW_ROWS = {
    "2022-23": [
        ["A", "01/06/2010", "12/05/2022", "PN1"],
        ["A", "01/06/2010", "10/11/2022", "PN1"],
        ["B", "01/06/2012", "03/10/2022", "PN1"],
        ["D", "01/06/2009", "07/04/2022", "PN1"],
    ],
    "2023-24": [["A", "01/06/2010", "20/05/2023", "PN1"]],
}


def write_csv(path, columns, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([columns, *rows])


def folder_from_2022(root):
    for year, reviews in REVIEW_ROWS.items():
        write_csv(root / year / "header.csv", HEADER, list(HEADERS.values()))
        write_csv(root / year / "episodes.csv", EPISODES, EPISODE_ROWS)
        write_csv(root / year / "reviews.csv", REVIEWS, reviews)
    return root


def derived(child_id):
    return [
        (r.review_date, r.sequence, r.review_type, r.due_date, r.in_time, r.days_late)
        for r in Review.objects.filter(child__child_id=child_id).order_by("review_date")
    ]


@pytest.fixture
def council(tmp_path):
    assert import_folder(folder_from_2022(tmp_path), by=None, as_at=AS_AT).ok


def test_history_starts_on_1_april_of_the_earliest_903_year(council):
    assert history_start() == D(2022, 4, 1)
    assert sorted(set(HeaderYear.objects.values_list("year", flat=True))) == [2022, 2023]


def test_no_903_means_the_whole_history_is_known():
    assert history_start() is None


def test_no_late_first_review_for_a_child_in_care_before_the_903_starts(council):
    assert derived("A") == [
        (D(2022, 5, 12), 3, "subsequent", None, None, None),
        (D(2022, 11, 10), 4, "subsequent", D(2022, 11, 12), True, 0),
        (D(2023, 5, 20), 5, "subsequent", D(2023, 5, 10), False, 10),
    ]
    a = Child.objects.get(child_id="A")
    assert (a.next_review_due, a.next_review_type) == (D(2023, 11, 20), "subsequent")


def test_a_child_coming_into_care_after_the_903_starts_is_timed_as_ever(council):
    assert derived("B") == [(D(2022, 10, 3), 1, "first", D(2022, 9, 30), False, 3)]


def test_no_review_known_gives_the_latest_possible_due_date(council):
    c = Child.objects.get(child_id="C")
    assert (c.looked_after, c.next_review_due, c.next_review_type) == (
        True, D(2022, 9, 30), "subsequent",
    )  # fmt: skip


def test_a_period_whose_start_is_not_in_the_903_is_taken_to_be_long_running(council):
    assert derived("D") == [(D(2022, 4, 7), 3, "subsequent", None, None, None)]
    d = Child.objects.get(child_id="D")
    assert (d.next_review_due, d.next_review_type) == (D(2022, 10, 7), "subsequent")


def test_data_entered_in_irohub_from_the_start_is_timed_from_the_start():
    """No 903 imported: the first review in irohub is the period's first review."""
    c = Child.objects.create(child_id="W", sex="M", dob=D(2010, 6, 1), ethnicity="WBRI")
    Episode.objects.create(child=c, decom=D(2019, 2, 3), rne="S", ls="C2", cin="N1", place="U4")
    Review.objects.create(child=c, review_date=D(2022, 5, 12), pn_code="PN1")
    recompute([c.pk], as_at=AS_AT)
    assert derived("W") == [(D(2022, 5, 12), 1, "first", D(2019, 3, 1), False, 1168)]


def test_first_year_timeliness_leaves_the_unknown_out(council):
    rules = current_rules()
    period = ReportingPeriod.for_year(2022, rules)
    results = compute(
        ["reviews.timeliness.all_pct", "reviews.timeliness.first_pct",
         "reviews.timeliness.subsequent_pct", "reviews.timeliness.monthly_pct",
         "reviews.timeliness.missed_count"],
        period=period, rules=rules, as_at=D(2023, 4, 1), with_previous=False,
    )  # fmt: skip
    every = results["reviews.timeliness.all_pct"]
    # A's 10/11/2022 in time, B's first review late; A's first known review not assessed
    assert (every.value, every.numerator, every.denominator) == (50.0, 1, 2)
    assert every.extra["not_assessed"] == 2  # A's and D's first known reviews
    assert results["reviews.timeliness.subsequent_pct"].denominator == 1
    assert results["reviews.timeliness.first_pct"].denominator == 1
    assert results["reviews.timeliness.monthly_pct"].extra["not_assessed"] == 2
    missed = results["reviews.timeliness.missed_count"]
    # B's second review (due 03/01/2023) and D's subsequent one (due 07/10/2022, as derive has
    # it) were missed; C's due dates cannot be worked out: none is invented, but one surely passed
    assert missed.value == 2
    assert missed.extra["by_type"] == {"first": 0, "second": 1, "subsequent": 1}
    assert missed.extra["history_unknown"] == 1


# -- the pages time a child's reviews as derive does ---------------------------------------------


def test_recording_the_first_known_review_asks_for_no_late_reason(council):
    from irohub.reviews.recording import assess, check

    e = Child.objects.get(child_id="A")
    Review.objects.filter(child=e).delete()  # as if A had no review in the extracts
    timed = assess(e, D(2023, 6, 1), rules=current_rules())
    assert (timed.review_type, timed.in_time, timed.due_date) == ("subsequent", None, None)
    details = check(e, {"review_date": D(2023, 6, 1), "pn_code": "PN1"}, today=AS_AT,
                    rules=current_rules())  # fmt: skip
    assert details["pn_code"] == "PN1" and "late_reason" not in details


def test_the_record_page_explains_the_date_derive_gives(council):
    from irohub.children.selectors import child_record

    texts = {}
    for child in Child.objects.filter(child_id__in=("A", "C", "D")):
        table = child_record(child, today=AS_AT, rules=current_rules()).timetable
        assert (table.next_due, table.next_type) == (child.next_review_due, child.next_review_type)
        texts[child.child_id] = table.explain_next_due()
    assert texts["C"].startswith("Subsequent review due by 30/09/2022 at the latest")
    assert texts["D"].startswith("Subsequent review due by 07/10/2022: within 6 months")


def test_the_booking_list_explains_the_date_derive_gives(council):
    from irohub.reviews.worklists import explain, to_book

    rows = explain(to_book(Child.objects.all(), today=AS_AT, rules=current_rules()),
                   today=AS_AT, rules=current_rules())  # fmt: skip
    reasons = {row.child.child_id: (row.due, row.reason) for row in rows}
    assert reasons["C"][0] == D(2022, 9, 30) and "at the latest" in reasons["C"][1]
    assert reasons["D"][0] == D(2022, 10, 7)
    assert reasons["D"][1].startswith("Subsequent review due by 07/10/2022: within 6 months")
