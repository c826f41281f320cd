"""Recording a held review, changing one, recording a contact or midway review, and issuing the
record. Each write checks the review with the rules engine, saves, recomputes the child's
derived dates (irohub.reviews.derive) and writes its audit event, all in one transaction, so
nothing is ever saved half-way.

A change names the `version` of the review it was made from (optimistic locking): if someone
else saved the review since, `StaleReview` is raised and nothing is saved.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from irohub.audit.services import record
from irohub.children.models import Child, Episode
from irohub.council.selectors import current_rules
from irohub.reviews import booking
from irohub.reviews.booking import snapshot
from irohub.reviews.derive import history_start, recompute
from irohub.reviews.models import Contact, Review
from irohub.statutory.participation import PN_LABELS, pn0_expected, valid_codes
from irohub.statutory.periods import Episode as StatEpisode
from irohub.statutory.periods import periods_of_care
from irohub.statutory.reviews import AssessedReview, ReviewHeld, review_timetable

REVIEW_TARGET = "reviews.review"
CONTACT_TARGET = "reviews.contact"
# What a person records about a review; everything else on Review is derived.
FIELDS = ("review_date", "chair", "chaired_by", "format", "pn_code", "seen_before", "seen_alone",
          "advocacy_offered", "sw_report_date", "care_plan_available", "decisions_date",
          "record_date", "record_shared_date", "late_reason", "additional", "letter")  # fmt: skip
AUDITED = [name if name != "chair" else "chair_id" for name in FIELDS if name != "letter"]
DATES_AFTER_REVIEW = ("decisions_date", "record_date", "record_shared_date")


class StaleReview(Exception):
    """The review changed since the person opened it: their save was refused."""


def period_of(child: Child, day: date, *, rules):
    """The child's period of care (rules engine) that covers `day`, or None."""
    rows = Episode.objects.filter(child=child).values_list(
        "child_id", "decom", "dec", "rne", "ls", "rec", "place"
    )
    episodes = [
        StatEpisode(c, s, e, rne, ls, rec or None, pl) for c, s, e, rne, ls, rec, pl in rows
    ]
    periods = periods_of_care(episodes, break_in_care_min_days=rules.reviews.break_in_care_min_days)
    return next((p for p in periods if p.covers(day)), None)


def assess(
    child: Child, review_date: date, *, rules, additional=False, excluding=None
) -> AssessedReview | None:
    """The review as the rules engine times it (CPR 2010 reg 33, reg 48): due date, in time or
    days late, counted with the child's other reviews of the same period of care. None when the
    date is outside every period of care (or an additional review the council does not count)."""
    period = period_of(child, review_date, rules=rules)
    if period is None:
        return None
    others = (
        Review.objects.filter(child=child).exclude(pk=excluding).exclude(review_date=review_date)
    )
    held = [
        ReviewHeld(day, bool(extra), basis, part)
        for day, extra, basis, part in others.values_list(
            "review_date", "additional", "statutory_basis", "first_part_date"
        )
        if period.covers(day)
    ]
    basis = "reg48" if period.short_break else "reg33"
    held.append(ReviewHeld(review_date, bool(additional), basis))
    table = review_timetable(period, held, rules=rules, as_at=review_date, dob=child.dob,
                             reviews_known_from=history_start())  # fmt: skip
    return next((a for a in table.reviews if a.completed == review_date), None)


def pn_choices(child: Child, review_date: date, *, rules) -> tuple[str, ...]:
    """The PN codes a person may choose: none under 4 (PN0 is set for them), else PN1-PN7
    (903 rules 440/441; participation.pn0_under_age)."""
    under = rules.participation.pn0_under_age
    codes = valid_codes(child.dob, review_date, under)
    return () if codes == ("PN0",) else codes


def check(child: Child, details: dict, *, today: date, rules, excluding=None) -> dict:
    """The details made whole (PN0 from the date of birth, late reason kept only when late),
    or ValidationError with every problem by field."""
    details, errors = _problems(child, details, today=today, rules=rules, excluding=excluding)
    if errors:
        raise ValidationError(errors)
    return details


def check_change(review: Review, changes: dict, *, today: date, rules) -> dict:
    """The review's recorded fields with `changes` made whole, or ValidationError for the
    problems the change brings. A gap the review already had (an imported late review with no
    late reason) does not block an unrelated change, such as issuing its record."""
    current = {name: getattr(review, name) for name in FIELDS}
    merged = current | _only_fields(changes)
    details, errors = _problems(review.child, merged, today=today, rules=rules,
                                excluding=review.pk)  # fmt: skip
    if errors:
        _, before = _problems(review.child, current, today=today, rules=rules,
                              excluding=review.pk)  # fmt: skip
        changed = {name for name, value in merged.items() if value != current[name]}
        errors = {k: v for k, v in errors.items() if k in changed or before.get(k) != v}
        if errors:
            raise ValidationError(errors)
    return details


def _problems(child, details: dict, *, today: date, rules, excluding) -> tuple[dict, dict]:
    details, errors = dict(details), {}
    held = details.get("review_date")
    if held is None:
        return details, {"review_date": ["Enter the date of the review"]}
    if held > today:
        errors["review_date"] = "The date of the review must be today or in the past"
    for name in DATES_AFTER_REVIEW:
        day = details.get(name)
        if day is not None and (day < held or day > today):
            errors[name] = "The date must be on or after the review and not in the future"
    if details.get("sw_report_date") and details["sw_report_date"] > today:
        errors["sw_report_date"] = "The date the report was received must not be in the future"
    if pn0_expected(child.dob, held, rules.participation.pn0_under_age):
        details["pn_code"] = "PN0"
    elif details.get("pn_code") not in pn_choices(child, held, rules=rules):
        errors["pn_code"] = "Select how the child took part in the review"
    _check_late(child, details, errors, rules=rules, excluding=excluding)
    return details, {name: [message] for name, message in errors.items()}


def _check_late(child, details, errors, *, rules, excluding) -> None:
    timed = assess(child, details["review_date"], rules=rules,
                   additional=details.get("additional"), excluding=excluding)  # fmt: skip
    if timed is None or timed.in_time:
        details["late_reason"] = ""  # an on-time review has no late reason
    elif timed.in_time is False and not details.get("late_reason"):  # None: not assessed (0004)
        late = f"{timed.days_late} day{'s' if timed.days_late != 1 else ''}"
        errors["late_reason"] = (
            f"The review was {late} late (due by {long_date(timed.due_date)}): "
            "select why it was late"
        )


def _saved(child: Child, review: Review, action: str, before, *, by, today: date) -> Review:
    recompute([child.pk], as_at=today)
    review.refresh_from_db()
    record(by=by, action=action, target_type=REVIEW_TARGET, target_id=review.pk, before=before,
           after=snapshot(review, AUDITED))  # fmt: skip
    return review


def _duplicate_date() -> ValidationError:
    return ValidationError({"review_date": "A review on this date is already recorded"})


def record_review(*, child: Child, details: dict, by, today: date) -> Review:
    """Record a held review (closing the child's open booking). `details` names FIELDS."""
    rules = current_rules()
    with transaction.atomic():
        Child.objects.select_for_update().filter(pk=child.pk).first()  # one writer per child
        details = check(child, _only_fields(details), today=today, rules=rules)
        period = period_of(child, details["review_date"], rules=rules)
        basis = Review.Basis.REG48 if period and period.short_break else Review.Basis.REG33
        chair = {"chair_source": Review.ChairSource.RECORDED} if details.get("chair") else {}
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    child=child, statutory_basis=basis, **chair, **_stored(details)
                )
        except IntegrityError as error:
            raise _duplicate_date() from error
        booking.close_with(child=child, review=review)
        return _saved(child, review, "recorded", None, by=by, today=today)


def change_review(*, review: Review, version: int, changes: dict, by, today: date) -> Review:
    """Change a review made from `version`; raises StaleReview when someone else saved it
    since (nothing is saved), ValidationError when the result breaks a rule."""
    rules = current_rules()
    with transaction.atomic():
        current = Review.objects.select_for_update().select_related("child").get(pk=review.pk)
        if current.version != version:
            raise StaleReview(current)
        details = check_change(current, changes, today=today, rules=rules)
        before = snapshot(current, AUDITED)
        chair = {"chair_source": Review.ChairSource.RECORDED} if "chair" in changes else {}
        try:
            with transaction.atomic():
                updated = Review.objects.filter(pk=current.pk, version=version).update(
                    version=F("version") + 1, **chair, **_stored(details)
                )
        except IntegrityError as error:
            raise _duplicate_date() from error
        if updated != 1:
            raise StaleReview(current)
        return _saved(current.child, current, "changed", before, by=by, today=today)


def mark_record_issued(*, review: Review, on: date, by, today: date) -> Review:
    """The record (the letter to the child) was sent to the child on `on` (business support)."""
    return change_review(review=review, version=review.version,
                         changes={"record_shared_date": on}, by=by, today=today)  # fmt: skip


def _only_fields(details: dict) -> dict:
    unknown = set(details) - set(FIELDS)
    if unknown:
        raise TypeError(f"not a recorded field of a review: {', '.join(sorted(unknown))}")
    return dict(details)


def _stored(details: dict) -> dict:
    stored = {name: details[name] for name in FIELDS if name in details}
    for name in ("chaired_by", "format", "late_reason", "letter", "pn_code"):
        if name in stored and stored[name] is None:
            stored[name] = ""
    return stored


def record_contact(*, child: Child, iro, contact_date: date, contact_type: str, by,
                   today: date) -> Contact:  # fmt: skip
    """Record the IRO's contact with the child between reviews (a midway review, a visit...)."""
    if contact_date > today:
        raise ValidationError({"contact_date": "The date must be today or in the past"})
    if contact_type not in Contact.Type.values:
        raise ValidationError({"contact_type": "Select the kind of contact"})
    with transaction.atomic():
        try:
            with transaction.atomic():
                contact = Contact.objects.create(child=child, iro=iro, contact_date=contact_date,
                                                 contact_type=contact_type)  # fmt: skip
        except IntegrityError as error:
            raise ValidationError(
                {"contact_date": "A contact of this kind on this date is already recorded"}
            ) from error
        recompute([child.pk], as_at=today)
        record(by=by, action="recorded", target_type=CONTACT_TARGET, target_id=contact.pk,
               after=snapshot(contact, ["child_id", "iro_id", "contact_date", "contact_type"]))  # fmt: skip
    return contact


def long_date(day: date) -> str:
    """ "29 April 2024", as every page writes dates."""
    return f"{day.day} {day:%B %Y}"


def pn_label(code: str) -> str:
    return PN_LABELS.get(code, "")
