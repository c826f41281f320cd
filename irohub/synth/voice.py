"""The child's voice and the service's quality work: advocacy and independent visitors,
anonymous feedback, complaints and case audits (interfaces.md §1.2)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from irohub.statutory.participation import age_on

from .lookup import InCare
from .model import Council
from .population import poisson

ADVOCACY_ISSUES = {
    "housing": 10,
    "education": 8,
    "social_worker": 8,
    "support_at_meetings": 7,
    "complaint": 6,
    "contact": 6,
    "placement": 6,
    "leaving_care": 4,
    "health": 3,
    "finance": 3,
    "immigration": 2,
}
PROVIDER = "Speak Up Advocacy (synthetic)"
COMMENTS = (
    "",
    "",
    "",
    "My IRO listened to me.",
    "The meeting was too long.",
    "I liked choosing where the meeting was.",
    "I want to see my brother more.",
    "Thank you for explaining everything.",
    "I did not know who everyone was.",
)


def years(council: Council) -> list[tuple[date, date]]:
    out, start = [], council.start
    while start <= council.as_at:
        out.append((start, min(start + relativedelta(years=1) - timedelta(days=1), council.as_at)))
        start += relativedelta(years=1)
    return out


def build_voice(stream: Callable[[str], random.Random], council: Council, in_care: InCare) -> None:
    council.tables["advocacy"] = advocacy(stream("advocacy"), council, in_care)
    council.tables["feedback"] = feedback(stream("feedback"), council)
    council.tables["complaints"] = complaints(stream("complaints"), council)
    council.tables["audits"] = audits(stream("audits"), council, in_care)


def _issues(rng: random.Random) -> str:
    k = rng.choice((1, 1, 2, 2, 3, 4))
    return ";".join(
        sorted(set(rng.choices(list(ADVOCACY_ISSUES), list(ADVOCACY_ISSUES.values()), k=k)))
    )


def referral(
    child: str, d: date, kind: str, hours: int, issues: str | None, closed: date | None
) -> dict:
    return {
        "child_id": child,
        "referral_date": d,
        "kind": kind,
        "provider": PROVIDER,
        "hours": hours,
        "issues": issues,
        "closed_date": closed,
    }


def advocacy(rng: random.Random, council: Council, in_care: InCare) -> list[dict]:
    """Issue-based advocacy for about 1 in 9 children 6+ a year, independent visitors for a few
    8-15 year olds, child-protection advocacy for some children on a CP plan."""
    dob = {c.id: c.dob for c in council.children}
    rows: dict[tuple, dict] = {}
    for start, end in years(council):
        for p in in_care.during(start, end):
            first, last = max(p.start, start), min(p.end or end, end)
            if first > last or age_on(dob[p.child], first) < 6:
                continue
            d = first + timedelta(days=rng.randrange((last - first).days + 1))
            if rng.random() < 0.11:
                closed = d + timedelta(days=rng.randint(20, 180))
                hours, issues = rng.randint(2, 24), _issues(rng)
                closed = closed if closed <= council.as_at else None
                rows[(p.child, d, "issue_based")] = referral(
                    p.child, d, "issue_based", hours, issues, closed
                )
            if rng.random() < 0.012 and 8 <= age_on(dob[p.child], d) <= 15:
                closed = p.end if p.end and p.end <= council.as_at else None
                iv = referral(p.child, d, "independent_visitor", rng.randint(12, 45), None, closed)
                rows[(p.child, d, "independent_visitor")] = iv
    for flag in council.tables.get("flags_cp", []):
        d = flag["start_date"] + timedelta(days=rng.randint(0, 20))
        if rng.random() < 0.35 and council.start <= d <= council.as_at:
            cp = referral(
                flag["child_id"],
                d,
                "child_protection",
                rng.randint(3, 12),
                "support_at_meetings",
                None,
            )
            rows[(flag["child_id"], d, "child_protection")] = cp
    return [rows[k] for k in sorted(rows)]


def _yn(rng: random.Random, p: float) -> str:
    return "Y" if rng.random() < p else "N"


def feedback(rng: random.Random, council: Council) -> list[dict]:
    dob = {c.id: c.dob for c in council.children}
    rows = []
    for r in council.reviews:
        for respondent, chance in (
            ("child", 0.05),
            ("parent", 0.025),
            ("carer", 0.035),
            ("professional", 0.025),
        ):
            age = age_on(dob[r.child], r.date)
            if rng.random() >= chance or (respondent == "child" and age < 4):
                continue
            d = r.date + timedelta(days=rng.randint(0, 14))
            if d > council.as_at:
                continue
            child = respondent == "child"
            rows.append(
                {
                    "response_date": d,
                    "respondent": respondent,
                    "age_band": ("4-7" if age < 8 else "8-11" if age < 12 else "12+")
                    if child
                    else None,
                    "knows_iro_role": _yn(rng, 0.55 if child else 0.9),
                    "felt_listened_to": _yn(rng, 0.85),
                    "questions_answered": _yn(rng, 0.85),
                    "life_getting_better": _yn(rng, 0.8) if child else None,
                    "comment": rng.choice(COMMENTS) if child else "",
                }
            )
    rows.sort(key=lambda r: (r["response_date"], r["respondent"]))
    return rows


def complaints(rng: random.Random, council: Council) -> list[dict]:
    rows = []
    for start, end in years(council):
        for _ in range(poisson(rng, 0.8 * council.target_children / 350)):
            d = start + timedelta(days=rng.randrange((end - start).days + 1))
            rows.append(
                {
                    "received_date": d,
                    "stage": rng.choices((1, 2, 3), (80, 15, 5))[0],
                    "outcome": rng.choice(
                        ("not_upheld", "not_upheld", "partially_upheld", "upheld")
                    ),
                }
            )
    rows.sort(key=lambda r: (r["received_date"], r["stage"]))
    return rows


def _grade(score: float) -> str:
    return (
        "outstanding"
        if score >= 7
        else "good"
        if score >= 5
        else "requires_improvement"
        if score >= 3
        else "inadequate"
    )


def audit_plan(council: Council) -> list[tuple[date, str, int]]:
    """Quarterly dip samples, a thematic audit in the autumn and moderation twice a year."""
    plan = []
    for start, _end in years(council):
        sample = max(3, council.target_children // 60)
        plan += [(start + relativedelta(months=3 * q + 1), "dip_sample", sample) for q in range(4)]
        plan.append((start + relativedelta(months=7), "thematic", 8))
        plan += [(start + relativedelta(months=m), "moderation", 5) for m in (5, 11)]
    return [p for p in plan if p[0] <= council.as_at]


def audits(rng: random.Random, council: Council, in_care: InCare) -> list[dict]:
    """Case audits scored 1-8 by the IRO and a manager; moderation usually marks down, as
    Hounslow's did; the grade follows the final score."""
    rows: list[dict] = []
    for d, kind, n in audit_plan(council):
        chosen = {p.child for p in (in_care.pick(rng, d) for _ in range(n)) if p}
        for child in sorted(chosen):
            iro = rng.choice((2, 3, 4, 4, 5, 5, 6, 7, 7.5))
            manager = min(8, iro + rng.choice((-1, 0, 0, 0.5, 1)))
            moderated = (
                max(1, min(iro, manager) - rng.choice((0, 0, 1, 1, 2)))
                if kind == "moderation"
                else None
            )
            rows.append(
                {
                    "audit_id": f"AUD{len(rows) + 1:04d}",
                    "child_id": child,
                    "audit_date": d,
                    "audit_type": kind,
                    "iro_score": iro,
                    "manager_score": manager,
                    "moderated_score": moderated,
                    "grade": _grade(manager if moderated is None else moderated),
                }
            )
    return rows
