"""irohub's own import files (interfaces.md §1.2). Columns marked required must be present and
filled; the others may be blank or left out (and a column left out changes nothing)."""

from __future__ import annotations

from irohub.transfer.importing import values as v
from irohub.transfer.importing.specs import YN, C, D, FileSpec, child, iro, text

DATE = v.date_any


IROS = FileSpec(
    "iros.csv",
    "iros",
    (
        C("iro_id", iro, True),
        C("name", text(200), True),
        C("email", v.email),
        C(
            "employment_type",
            v.choice("permanent", "fixed_term", "agency", "commissioned", what="employment type"),
            True,
        ),
        C("provider", text(200)),
        D("fte", v.positive_number, True),
        C("sex", v.choice("M", "F", "U", what="sex code (M, F or U)", upper=True)),
        C("ethnicity", v.code("ETHNIC", "ethnicity")),
        D("start_date", DATE, True),
        D("end_date", DATE),
    ),
    key=("iro_id",),
)
ALLOCATIONS = FileSpec(
    "allocations.csv",
    "allocations",
    (
        C("child_id", child, True),
        C("iro_id", iro, True),
        D("start_date", DATE, True),
        D("end_date", DATE),
        C(
            "change_reason",
            v.choice(
                "initial",
                "iro_left",
                "reallocation",
                "sibling_alignment",
                "leave_cover",
                "contract_change",
                "other",
                what="change reason",
            ),
        ),
    ),
    key=("child_id", "start_date"),
    refs={"child_id": "child", "iro_id": "iro"},
)
REVIEW_DETAILS = FileSpec(
    "review_details.csv",
    "review_details",
    (
        C("child_id", child, True),
        D("review_date", DATE, True),
        C("iro_id", iro),
        C("statutory_basis", v.choice("reg33", "reg48", "local", what="statutory basis")),
        D("additional", YN),
        D("first_part_date", DATE),
        C("format", v.choice("in_person", "virtual", "hybrid", what="format")),
        C("chaired_by", v.choice("iro", "child", "co_chaired", what="chair")),
        D("seen_before", YN),
        D("seen_alone", YN),
        D("advocacy_offered", YN),
        D("sw_report_date", DATE),
        D("care_plan_available", YN),
        D("decisions_date", DATE),
        D("record_date", DATE),
        D("record_shared_date", DATE),
        C(
            "late_reason",
            v.choice(
                "late_referral",
                "professional_unavailable",
                "parent_unavailable",
                "child_unavailable",
                "rescheduled",
                "iro_capacity",
                "recording_error",
                "other",
                what="late reason",
            ),
        ),
    ),
    key=("child_id", "review_date"),
    refs={"child_id": "child", "iro_id": "iro"},
)
CONTACTS = FileSpec(
    "contacts.csv",
    "contacts",
    (
        C("child_id", child, True),
        C("iro_id", iro, True),
        D("contact_date", DATE, True),
        C(
            "contact_type",
            v.choice(
                "midway_review",
                "visit",
                "call",
                "message",
                "consultation",
                "case_note",
                what="contact type",
            ),
            True,
        ),
    ),
    key=("child_id", "contact_date", "contact_type"),
    refs={"child_id": "child", "iro_id": "iro"},
)
ESCALATIONS = FileSpec(
    "escalations.csv",
    "escalations",
    (
        C("escalation_id", text(40), True),
        C("child_id", child, True),
        C("iro_id", iro, True),
        D("opened_date", DATE, True),
        C("themes", v.themes, blank=()),
        D("closed_date", DATE),
        C(
            "outcome",
            v.choice(
                "resolved",
                "compromise",
                "difference_acknowledged",
                "cafcass_referral",
                "withdrawn",
                what="outcome",
            ),
        ),
        D("good_practice", YN),
    ),
    key=("escalation_id",),
    refs={"child_id": "child", "iro_id": "iro"},
)
ESCALATION_STAGES = FileSpec(
    "escalation_stages.csv",
    "escalation_stages",
    (
        C("escalation_id", text(40), True),
        C("stage", v.stage, True),
        D("started_date", DATE, True),
        D("ended_date", DATE),
    ),
    key=("escalation_id", "stage"),
    refs={"escalation_id": "escalation"},
)
ADVOCACY = FileSpec(
    "advocacy.csv",
    "advocacy",
    (
        C("child_id", child, True),
        D("referral_date", DATE, True),
        C(
            "kind",
            v.choice(
                "issue_based", "child_protection", "independent_visitor", what="kind of referral"
            ),
            True,
        ),
        C("provider", text(200)),
        D("hours", v.positive_number),
        C("issues", v.issues, blank=()),
        D("closed_date", DATE),
    ),
    key=("child_id", "referral_date", "kind"),
    refs={"child_id": "child"},
)
FEEDBACK = FileSpec(
    "feedback.csv",
    "feedback",
    (
        D("response_date", DATE, True),
        C(
            "respondent",
            v.choice("child", "parent", "carer", "professional", what="respondent"),
            True,
        ),
        C("age_band", text(10)),
        D("knows_iro_role", YN),
        D("felt_listened_to", YN),
        D("questions_answered", YN),
        D("life_getting_better", YN),
        C("comment", text(5000)),
    ),
)
AUDITS = FileSpec(
    "audits.csv",
    "audits",
    (
        C("audit_id", text(40), True),
        C("child_id", child, True),
        D("audit_date", DATE, True),
        C("audit_type", v.choice("dip_sample", "thematic", "moderation", what="audit type"), True),
        D("iro_score", v.number),
        D("manager_score", v.number),
        D("moderated_score", v.number),
        C(
            "grade",
            v.choice("outstanding", "good", "requires_improvement", "inadequate", what="grade"),
        ),
    ),
    key=("audit_id",),
    refs={"child_id": "child"},
)
COMPLAINTS = FileSpec(
    "complaints.csv",
    "complaints",
    (D("received_date", DATE, True), D("stage", v.stage_number), C("outcome", text(100))),
)
FLAGS = FileSpec(
    "flags.csv",
    "flags",
    (
        C("child_id", child, True),
        C("flag", v.flag, True),
        D("start_date", DATE, True),
        D("end_date", DATE),
    ),
    key=("child_id", "flag", "start_date"),
    refs={"child_id": "child"},
)
POPULATION = FileSpec(
    "population.csv",
    "population",
    (
        D("year", v.year, True),
        C(
            "dimension",
            v.choice("total", "sex", "age_band", "ethnicity_group", what="dimension"),
            True,
        ),
        C("category", text(40), True),
        D("count", v.whole_number, True),
    ),
    key=("year", "dimension", "category"),
)
SERVICE = FileSpec(
    "service.csv",
    "service",
    (C("year", v.year_label, True), C("item", text(60), True), D("value", v.number, True)),
    key=("year", "item"),
)
TARGETS = FileSpec(
    "targets.csv",
    "targets",
    (
        C("year", v.year_label, True),
        C("metric_id", text(80), True),
        D("target", v.number, True),
        C("direction", v.choice("higher_is_better", "lower_is_better", what="direction")),
    ),
    key=("year", "metric_id"),
)
CHILD_NAMES = FileSpec(
    "child_names.csv",
    "child_names",
    (C("child_id", child, True), C("given_name", text(100)), C("family_name", text(100))),
    key=("child_id",),
    refs={"child_id": "child"},
)
IROHUB_FILES = (
    IROS,
    ALLOCATIONS,
    REVIEW_DETAILS,
    CONTACTS,
    ESCALATIONS,
    ESCALATION_STAGES,
    ADVOCACY,
    FEEDBACK,
    AUDITS,
    COMPLAINTS,
    FLAGS,
    POPULATION,
    SERVICE,
    TARGETS,
    CHILD_NAMES,
)
