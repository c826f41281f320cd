"""Roles and permissions, defined in code so they are reviewed, versioned and tested like code.

A role is a small class naming its permissions and describing, in plain English, what a person in
that role does. Views check a `Permission`, never a role, so a council can see in one place who
may do what.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Permission(enum.StrEnum):
    VIEW_OWN_CASELOAD = "view_own_caseload"
    VIEW_CONTRACT_CASELOAD = "view_contract_caseload"
    VIEW_SERVICE = "view_service"
    RECORD_REVIEWS = "record_reviews"
    BOOK_REVIEWS = "book_reviews"
    ALLOCATE_IROS = "allocate_iros"
    RAISE_ESCALATIONS = "raise_escalations"
    MANAGE_ESCALATIONS = "manage_escalations"
    VIEW_DASHBOARD = "view_dashboard"
    VIEW_REPORTS = "view_reports"
    EDIT_REPORT_NARRATIVE = "edit_report_narrative"
    IMPORT_DATA = "import_data"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    VIEW_FEEDBACK_COMMENTS = "view_feedback_comments"
    # Case audits, complaints, the target register, priorities and the yearly service facts.
    MANAGE_QUALITY = "manage_quality"


@dataclass(frozen=True)
class Role:
    code: str
    name: str
    description: str
    permissions: frozenset[Permission]

    def has(self, permission: Permission) -> bool:
        return permission in self.permissions


P = Permission

IRO = Role(
    code="iro",
    name="Independent Reviewing Officer",
    description=(
        "Chairs the reviews of the children allocated to them, records how each child took part, "
        "writes the record as a letter to the child and raises concerns about a child's plan. "
        "Sees their own caseload, and a colleague's child only while covering."
    ),
    permissions=frozenset({P.VIEW_OWN_CASELOAD, P.RECORD_REVIEWS, P.RAISE_ESCALATIONS}),
)
COMMISSIONED_IRO = Role(
    code="commissioned_iro",
    name="Commissioned IRO",
    description=(
        "An IRO employed by a provider the council commissions. Does the same work as an IRO, "
        "for the children of their provider's contract only."
    ),
    permissions=frozenset(
        {P.VIEW_OWN_CASELOAD, P.VIEW_CONTRACT_CASELOAD, P.RECORD_REVIEWS, P.RAISE_ESCALATIONS}
    ),
)
MANAGER = Role(
    code="manager",
    name="IRO manager",
    description=(
        "Runs the IRO service: allocates children to IROs, watches timeliness, participation, "
        "caseloads and escalations, and writes the annual report for councillors."
    ),
    permissions=frozenset(
        {
            P.VIEW_SERVICE,
            P.RECORD_REVIEWS,
            P.BOOK_REVIEWS,
            P.ALLOCATE_IROS,
            P.RAISE_ESCALATIONS,
            P.MANAGE_ESCALATIONS,
            P.VIEW_DASHBOARD,
            P.VIEW_REPORTS,
            P.EDIT_REPORT_NARRATIVE,
            P.IMPORT_DATA,
            P.VIEW_AUDIT,
            P.VIEW_FEEDBACK_COMMENTS,
            P.MANAGE_QUALITY,
        }
    ),
)
BUSINESS_SUPPORT = Role(
    code="business_support",
    name="Business support",
    description=(
        "Books reviews, sends invitations, chases reports before reviews and issues records "
        "after them, across the whole service."
    ),
    permissions=frozenset({P.VIEW_SERVICE, P.BOOK_REVIEWS, P.IMPORT_DATA}),
)
SENIOR_LEADER = Role(
    code="senior_leader",
    name="Senior leader (read only)",
    description=(
        "A head of service, director or councillor's officer who reads the dashboard and reports "
        "but changes nothing."
    ),
    permissions=frozenset({P.VIEW_DASHBOARD, P.VIEW_REPORTS}),
)
ADMINISTRATOR = Role(
    code="administrator",
    name="Administrator",
    description=(
        "Looks after accounts, reference data and the council's rule settings. Must use a second "
        "factor when irohub runs in production."
    ),
    permissions=frozenset({P.MANAGE_SETTINGS, P.MANAGE_USERS, P.IMPORT_DATA, P.VIEW_AUDIT}),
)

ROLES: dict[str, Role] = {
    role.code: role
    for role in (IRO, COMMISSIONED_IRO, MANAGER, BUSINESS_SUPPORT, SENIOR_LEADER, ADMINISTRATOR)
}
ROLE_CHOICES = [(role.code, role.name) for role in ROLES.values()]


def role_for(code: str) -> Role:
    return ROLES[code]
