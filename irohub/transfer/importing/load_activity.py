"""Load the service's own activity: escalations with themes and stages, advocacy with issues,
feedback, complaints and audits."""

from __future__ import annotations

from collections import Counter

from irohub.escalations.models import Escalation, EscalationStage, EscalationTheme
from irohub.quality.models import Audit
from irohub.reviews import bulk
from irohub.transfer.importing.load_care import Ids
from irohub.transfer.importing.merge import present
from irohub.transfer.importing.upsert import Count, scoped, upsert
from irohub.voice.models import AdvocacyIssue, AdvocacyReferral, Complaint, FeedbackResponse


def _optional(row: dict, columns) -> dict:
    return {c: row[c] for c in columns if present(row, c)}


def load_escalations(rows: list[dict], ids: Ids) -> tuple[Count, Count]:
    records = [
        {
            "escalation_id": r["escalation_id"],
            "child_id": ids.children[r["child_id"]],
            "iro_id": ids.iros[r["iro_id"]],
            "opened_date": r["opened_date"],
            **_optional(r, ("closed_date", "outcome", "good_practice")),
        }
        for r in rows
    ]
    keys = {r["escalation_id"] for r in rows}
    count = upsert(
        Escalation, records, ("escalation_id",), scoped(Escalation.objects, "escalation_id", keys)
    )
    pks = dict(scoped(Escalation.objects, "escalation_id", keys).values_list("escalation_id", "pk"))
    wanted = {pks[r["escalation_id"]]: r["themes"] for r in rows if present(r, "themes")}
    return count, replace_children(EscalationTheme, "escalation_id", "theme", wanted)


def replace_children(model, parent: str, value: str, wanted: dict[int, tuple]) -> Count:
    """Make each parent's set of rows (themes, issues) exactly the given values."""
    count = Count()
    rows = scoped(model.objects, parent, wanted).values_list(parent, value)
    existing = {(p, v) for p, v in rows if p in wanted}  # the scope may be the whole table
    target = {(p, v) for p, values in wanted.items() for v in values}
    new = [{parent: p, value: v} for p, v in sorted(target - existing)]
    bulk.insert(model, new)
    gone = existing - target
    for p, v in gone:  # rare: a theme removed from an escalation in a newer file
        model.objects.filter(**{parent: p, value: v}).delete()
    count.created, count.deleted, count.unchanged = len(new), len(gone), len(existing & target)
    return count


def load_stages(rows: list[dict]) -> Count:
    pks = dict(
        scoped(Escalation.objects, "escalation_id", {r["escalation_id"] for r in rows}).values_list(
            "escalation_id", "pk"
        )
    )
    records = [
        {
            "escalation_id": pks[r["escalation_id"]],
            "stage": r["stage"],
            "started_date": r["started_date"],
            **_optional(r, ("ended_date",)),
        }
        for r in rows
    ]
    existing_qs = scoped(EscalationStage.objects, "escalation_id", set(pks.values()))
    return upsert(EscalationStage, records, ("escalation_id", "stage"), existing_qs)


def load_advocacy(rows: list[dict], ids: Ids) -> tuple[Count, Count]:
    records = [
        {
            "child_id": ids.children[r["child_id"]],
            "referral_date": r["referral_date"],
            "kind": r["kind"],
            **_optional(r, ("provider", "hours", "closed_date")),
        }
        for r in rows
    ]
    key = ("child_id", "referral_date", "kind")
    existing_qs = scoped(AdvocacyReferral.objects, "child_id", {r["child_id"] for r in records})
    count = upsert(AdvocacyReferral, records, key, existing_qs)
    pks = {tuple(v[:3]): v[3] for v in existing_qs.values_list(*key, "pk")}
    wanted = {
        pks[(ids.children[r["child_id"]], r["referral_date"], r["kind"])]: r["issues"]
        for r in rows
        if present(r, "issues")
    }
    return count, replace_children(AdvocacyIssue, "referral_id", "theme", wanted)


def load_audits(rows: list[dict], ids: Ids) -> Count:
    columns = ("iro_score", "manager_score", "moderated_score", "grade")
    records = [
        {
            "audit_id": r["audit_id"],
            "child_id": ids.children[r["child_id"]],
            "audit_date": r["audit_date"],
            "audit_type": r["audit_type"],
            **_optional(r, columns),
        }
        for r in rows
    ]
    keys = {r["audit_id"] for r in rows}
    return upsert(Audit, records, ("audit_id",), scoped(Audit.objects, "audit_id", keys))


FEEDBACK_FIELDS = (
    "response_date",
    "respondent",
    "age_band",
    "knows_iro_role",
    "felt_listened_to",
    "questions_answered",
    "life_getting_better",
    "comment",
)


def load_feedback(rows: list[dict], year_of) -> Count:
    """feedback.csv has no natural key: it replaces the imported responses of the reporting
    years it covers (responses given through irohub's own forms are never touched)."""
    queryset = FeedbackResponse.objects.filter(source=FeedbackResponse.Source.IMPORT)
    return _replace_years(
        FeedbackResponse, queryset, "response_date", FEEDBACK_FIELDS, rows, year_of
    )


def load_complaints(rows: list[dict], year_of) -> Count:
    """Like feedback: replaces the imported complaints of the years covered, never those
    recorded in irohub's own pages."""
    fields = ("received_date", "stage", "outcome")
    queryset = Complaint.objects.filter(source=Complaint.Source.IMPORT)
    return _replace_years(Complaint, queryset, "received_date", fields, rows, year_of)


def _replace_years(model, queryset, date_field, fields, rows, year_of) -> Count:
    """Replace the rows of each reporting year in the file, unless that year already holds
    exactly the file's rows (so a re-import writes nothing)."""
    count = Count()
    incoming: dict[str, Counter] = {}
    for row in rows:
        values = tuple(row.get(f, _blank(model, f)) for f in fields)
        incoming.setdefault(year_of(row[date_field]), Counter())[values] += 1
    existing: dict[str, Counter] = {}
    pks: dict[str, list[int]] = {}
    for pk, *values in queryset.values_list("pk", *fields):
        year = year_of(values[fields.index(date_field)])
        existing.setdefault(year, Counter())[tuple(values)] += 1
        pks.setdefault(year, []).append(pk)
    for year, wanted in sorted(incoming.items()):
        if existing.get(year) == wanted:
            count.unchanged += wanted.total()
            continue
        if pks.get(year):
            count.deleted += model.objects.filter(pk__in=pks[year]).delete()[0]
        objs = [dict(zip(fields, v, strict=True)) for v in wanted.elements()]
        bulk.insert(model, objs)
        count.created += len(objs)
    return count


def _blank(model, field: str):
    return None if model._meta.get_field(field).null else ""
