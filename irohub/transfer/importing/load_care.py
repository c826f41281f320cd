"""Load the care history: episodes, reviews (903 rows and their details), allocations, contacts
and flags. Each loader adds the 903 CHILD of every child whose history changed to `touched`."""

from __future__ import annotations

from datetime import date

from irohub.children.models import Episode, Flag
from irohub.reviews.models import Contact, Review
from irohub.staff.models import Allocation
from irohub.transfer.importing.merge import present
from irohub.transfer.importing.upsert import Count, scoped, upsert

EPISODE_FIELDS = {
    "RNE": "rne",
    "LS": "ls",
    "CIN": "cin",
    "PLACE": "place",
    "PLACE_PROVIDER": "place_provider",
    "DEC": "dec",
    "REC": "rec",
    "REASON_PLACE_CHANGE": "reason_place_change",
    "HOME_POST": "home_post",
    "PL_POST": "pl_post",
    "URN": "urn",
}
CLOSING = ("dec", "rec", "reason_place_change")


class Ids:
    """903 CHILD and iro_id strings to primary keys, read once after children and IROs load."""

    def __init__(self, children: dict[str, int], iros: dict[str, int]):
        self.children, self.iros = children, iros
        self.child_ids = {pk: cid for cid, pk in children.items()}


def _mark(touched: set[str], ids: Ids):
    return lambda key: touched.add(ids.child_ids[key[0]])


def load_episodes(rows: list[dict], ids: Ids, touched: set[str], deferred=None) -> Count:
    """Episodes by CHILD + DECOM. An episode an older extract shows open (it ended after that
    extract's year) keeps the ending a newer extract already gave it."""
    records = [
        {
            "child_id": ids.children[r["CHILD"]],
            "decom": r["DECOM"],
            **{f: r[c] for c, f in EPISODE_FIELDS.items()},
            "_year": r["_year"],
        }
        for r in rows
    ]
    existing_qs = scoped(Episode.objects, "child_id", {r["child_id"] for r in records})
    ended = {
        (c, d): values
        for c, d, *values in existing_qs.filter(dec__isnull=False).values_list(
            "child_id", "decom", *CLOSING
        )
    }
    for record in records:
        year = record.pop("_year")
        before = ended.get((record["child_id"], record["decom"]))
        if (
            record["dec"] is None
            and before
            and year is not None
            and before[0] > date(year + 1, 3, 31)
        ):
            record.update(zip(CLOSING, before, strict=True))
    return upsert(
        Episode, records, ("child_id", "decom"), existing_qs, _mark(touched, ids), deferred
    )


DETAIL_COLUMNS = (
    "statutory_basis",
    "additional",
    "first_part_date",
    "format",
    "chaired_by",
    "seen_before",
    "seen_alone",
    "advocacy_offered",
    "sw_report_date",
    "care_plan_available",
    "decisions_date",
    "record_date",
    "record_shared_date",
    "late_reason",
)


def load_reviews(
    reviews: list[dict], details: list[dict], ids: Ids, touched: set[str], deferred=None
) -> Count:
    """Reviews by child + review date: the 903 row gives the PN code, review_details.csv the rest.
    A blank chair is left for the derive step to default to the IRO allocated on the day."""
    records: dict[tuple, dict] = {}
    for r in reviews:
        key = (ids.children[r["CHILD"]], r["REVIEW"])
        records[key] = {"child_id": key[0], "review_date": key[1], "pn_code": r["REVIEW_CODE"]}
    for r in details:
        key = (ids.children[r["child_id"]], r["review_date"])
        record = records.setdefault(key, {"child_id": key[0], "review_date": key[1]})
        record.update({c: r[c] for c in DETAIL_COLUMNS if present(r, c)})
        if record.get("statutory_basis") == "":
            record["statutory_basis"] = Review.Basis.REG33
        if present(r, "iro_id"):
            record["chair_id"] = ids.iros[r["iro_id"]] if r["iro_id"] else None
            record["chair_source"] = "recorded" if r["iro_id"] else ""
    existing_qs = scoped(Review.objects, "child_id", {k[0] for k in records})
    defaulted = set(
        existing_qs.filter(chair_source="allocation").values_list("child_id", "review_date")
    )
    for key, record in records.items():
        if record.get("chair_source") == "" and key in defaulted:
            # Still unrecorded: keep the chair the derive step gave it.
            del record["chair_id"], record["chair_source"]
    rows = list(records.values())
    return upsert(
        Review, rows, ("child_id", "review_date"), existing_qs, _mark(touched, ids), deferred
    )


def load_allocations(rows: list[dict], ids: Ids, touched: set[str]) -> Count:
    records = []
    for r in rows:
        record = {
            "child_id": ids.children[r["child_id"]],
            "start_date": r["start_date"],
            "iro_id": ids.iros[r["iro_id"]],
        }
        record.update({c: r[c] for c in ("end_date", "change_reason") if present(r, c)})
        records.append(record)
    existing_qs = scoped(Allocation.objects, "child_id", {r["child_id"] for r in records})
    return upsert(Allocation, records, ("child_id", "start_date"), existing_qs, _mark(touched, ids))


def load_contacts(rows: list[dict], ids: Ids) -> Count:
    records = [
        {
            "child_id": ids.children[r["child_id"]],
            "contact_date": r["contact_date"],
            "contact_type": r["contact_type"],
            "iro_id": ids.iros[r["iro_id"]],
        }
        for r in rows
    ]
    existing_qs = scoped(Contact.objects, "child_id", {r["child_id"] for r in records})
    return upsert(Contact, records, ("child_id", "contact_date", "contact_type"), existing_qs)


def load_flags(rows: list[dict], ids: Ids) -> Count:
    records = []
    for r in rows:
        kind, group = r["flag"]
        record = {
            "child_id": ids.children[r["child_id"]],
            "flag": kind,
            "sibling_group": group,
            "start_date": r["start_date"],
        }
        if present(r, "end_date"):
            record["end_date"] = r["end_date"]
        records.append(record)
    existing_qs = scoped(Flag.objects, "child_id", {r["child_id"] for r in records})
    key = ("child_id", "flag", "sibling_group", "start_date")
    return upsert(Flag, records, key, existing_qs)
