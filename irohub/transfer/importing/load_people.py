"""Load children (903 header, uasc and the optional names file) and IROs."""

from __future__ import annotations

from django.db.models.functions import Lower

from irohub.accounts.models import User
from irohub.children.models import Child, HeaderYear
from irohub.staff.models import IRO
from irohub.transfer.importing.merge import present
from irohub.transfer.importing.upsert import Count, scoped, upsert

HEADER_FIELDS = {
    "SEX": "sex",
    "DOB": "dob",
    "ETHNIC": "ethnicity",
    "UPN": "upn",
    "MOTHER": "mother",
    "MC_DOB": "mc_dob",
}


def load_children(tables: dict[str, list[dict]], touched: set[str]) -> Count:
    """Children by 903 CHILD. A header from an older extract than the one already applied does
    not overwrite newer facts (UPN, MOTHER...)."""
    rows: dict[str, dict] = {}
    ids = {r["CHILD"] for r in tables.get("header", ())} | {
        r[c] for t, c in (("uasc", "CHILD"), ("child_names", "child_id")) for r in tables.get(t, ())
    }
    applied = dict(scoped(Child.objects, "child_id", ids).values_list("child_id", "header_year"))
    for row in tables.get("header", ()):
        year, before = row["_year"], applied.get(row["CHILD"])
        if before is not None and year is not None and year < before:
            continue
        fields = {f: row[c] for c, f in HEADER_FIELDS.items()}
        if year is not None or before is None:
            fields["header_year"] = year
        rows[row["CHILD"]] = {"child_id": row["CHILD"], **fields}
    for row in tables.get("uasc", ()):
        target = rows.setdefault(row["CHILD"], {"child_id": row["CHILD"]})
        target.update(uasc=True, uasc_ceased=row["DUC"])
    for row in tables.get("child_names", ()):
        target = rows.setdefault(row["child_id"], {"child_id": row["child_id"]})
        for name in ("given_name", "family_name"):
            if present(row, name):
                target[name] = row[name]

    return upsert(
        Child,
        list(rows.values()),
        ("child_id",),
        scoped(Child.objects, "child_id", rows),
        on_change=lambda key: touched.add(key[0]),
    )


IRO_COLUMNS = (
    "name",
    "email",
    "employment_type",
    "provider",
    "fte",
    "sex",
    "ethnicity",
    "start_date",
    "end_date",
)


def load_iros(rows: list[dict]) -> Count:
    """IROs by iro_id; an IRO is linked to the sign-in account with the same email."""
    emails = {r["email"].lower() for r in rows if r.get("email")}
    users: dict[str, int] = {}
    if emails:
        found = User.objects.annotate(lower_email=Lower("email")).filter(lower_email__in=emails)
        for pk, email in found.order_by("pk").values_list("pk", "lower_email"):
            users.setdefault(email, pk)
    # An account belongs to one IRO: keep existing links and give each account out once.
    linked = dict(IRO.objects.filter(user_id__in=users.values()).values_list("user_id", "iro_id"))
    records = []
    for row in rows:
        record = {"iro_id": row["iro_id"]}
        record.update({c: row[c] for c in IRO_COLUMNS if present(row, c)})
        user = users.get((row.get("email") or "").lower())
        if user is not None and linked.setdefault(user, row["iro_id"]) == row["iro_id"]:
            record["user_id"] = user
        records.append(record)
    return upsert(
        IRO, records, ("iro_id",), scoped(IRO.objects, "iro_id", {r["iro_id"] for r in rows})
    )


def load_header_years(files, children: dict[str, int]) -> Count:
    """Every extract's header rows, kept by child and collection year (not merged)."""
    records = {}
    for parsed in files:
        if parsed.year is None:
            continue
        for row in parsed.rows:
            records[(children[row["CHILD"]], parsed.year)] = {
                "child_id": children[row["CHILD"]],
                "year": parsed.year,
                **{f: row[c] for c, f in HEADER_FIELDS.items()},
            }
    existing = scoped(HeaderYear.objects, "child_id", {k[0] for k in records})
    return upsert(HeaderYear, list(records.values()), ("child_id", "year"), existing)
