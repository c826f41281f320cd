"""The child's record: what it shows, who may open it (404 and an audit event otherwise),
cover only in the grant's dates, who viewed it, and a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from irohub.audit.models import AuditEvent
from irohub.escalations.models import Escalation, EscalationStage, EscalationTheme
from irohub.reviews.derive import recompute
from irohub.reviews.models import Contact, Review
from irohub.staff import cover
from irohub.voice.models import AdvocacyIssue, AdvocacyReferral

from .factories import allocate, flag, make_child, review

D = dt.date
pytestmark = pytest.mark.django_db


def url(child) -> str:
    return reverse("children:record", args=[child.child_id])


def events(child, action):
    return AuditEvent.objects.filter(target_type="child", target_id=child.child_id, action=action)


def test_the_record_shows_the_summary_and_the_next_review_explained(
    signed_in_client, users, service
):
    child = service["kids"]["soon"]
    page = signed_in_client(user=users["iro"]).get(url(child)).content.decode()
    assert '<h1 class="govuk-heading-l">Sara Soon' in page
    assert "15 June 2014 (age 12)" in page
    assert "C2: Full care order" in page and "U4" in page
    assert "Subsequent review due by 1 December 2026" in page
    # the rules engine's explanation, with the page's long dates
    assert "within 6 months of the previous review on 1 June 2026 (regulation 33(2))" in page
    assert 'govuk-tag--yellow">Due soon' in page
    assert "Record a held review" in page and "Schedule a review" in page


def test_flags_siblings_and_their_iros(signed_in_client, users, service):
    child, sister = service["kids"]["soon"], service["kids"]["bob"]
    flag(child, "cp_plan")
    flag(child, "dol_order", end=D(2025, 6, 1))  # ended: not shown
    flag(child, "sibling_group", group="G1")
    flag(sister, "sibling_group", group="G1")
    page = signed_in_client(user=users["iro"]).get(url(child)).content.decode()
    assert "Child protection plan</strong> since 6 January 2025" in page
    assert "Deprivation of liberty order" not in page
    assert "Bea Bobs" in page and "IRO Bob Example" in page


def test_history_reviews_contacts_escalations_and_advocacy(signed_in_client, users, service):
    child = service["kids"]["overdue"]
    Contact.objects.create(child=child, iro=service["ann"], contact_date=D(2026, 8, 1),
                           contact_type="visit")  # fmt: skip
    Contact.objects.create(child=child, iro=service["ann"], contact_date=D(2026, 8, 2),
                           contact_type="call")  # fmt: skip
    Review.objects.filter(child=child, review_date=D(2026, 5, 1)).update(
        advocacy_offered=True, seen_alone=False)  # fmt: skip
    escalation = Escalation.objects.get(escalation_id="ESC1")
    EscalationTheme.objects.create(escalation=escalation, theme="care_plan_unavailable")
    referral = AdvocacyReferral.objects.create(child=child, referral_date=D(2026, 3, 2),
                                               kind="issue_based", provider="Voices")  # fmt: skip
    AdvocacyIssue.objects.create(referral=referral, theme="contact")
    page = signed_in_client(user=users["iro"]).get(url(child)).content.decode()
    assert "Subsequent review on 1 May 2026" in page
    assert "PN1: Child attends and speaks for themselves" in page
    assert 'govuk-tag--green">In time' in page
    assert "Visit" in page and "1 August 2026" in page
    timeline = page[page.index('id="timeline"') :]
    assert "Visit" in timeline and "Call" not in timeline  # calls stay in the contacts tab
    assert "Call" in page[page.index('id="contacts"') : page.index('id="escalations"')]
    card = page[page.index("Subsequent review on 1 May 2026") :]
    card = card[: card.index("</details>")]
    assert 'Advocate offered</dt><dd class="govuk-summary-list__value">Yes' in card
    assert 'Child seen on their own</dt><dd class="govuk-summary-list__value">No' in card
    assert "Escalation ESC1" in page and "care_plan_unavailable" in page
    assert 'govuk-tag--red">Red' in page
    assert "Issue-based advocacy" in page and "Voices" in page
    assert "Period of care 1: came into care" in page
    assert "IRO allocated: Ann Example" in page
    assert "It is overdue: 21 days past the due date on 22 November 2026." in page


def test_a_late_review_shows_its_days_and_reason(signed_in_client, users, service, today):
    late = make_child(given="Lena", family="Late")
    allocate(late, service["ann"])
    review(late, D(2025, 2, 10), late_reason="professional_unavailable")  # due 3 February 2025
    recompute(None, as_at=today)
    page = signed_in_client(user=users["iro"]).get(url(late)).content.decode()
    assert "7 days late</strong> Professional unavailable" in page  # calendar days


def test_opening_a_record_is_audited(signed_in_client, users, service):
    child = service["kids"]["soon"]
    signed_in_client(user=users["iro"]).get(url(child))
    event = events(child, "viewed").get()
    assert event.actor_name == "iro"


def test_another_iros_child_is_a_404_and_an_audit_event(signed_in_client, users, service):
    child = service["kids"]["bob"]
    response = signed_in_client(user=users["iro"]).get(url(child))
    assert response.status_code == 404
    refused = events(child, "refused").get()
    assert refused.actor_name == "iro" and refused.after["reason"] == "not visible"
    assert not events(child, "viewed").exists()


def test_an_unknown_child_is_a_404_and_an_audit_event(signed_in_client, users, service):
    response = signed_in_client(user=users["iro"]).get("/children/NOBODY/")
    assert response.status_code == 404
    assert AuditEvent.objects.get(target_id="NOBODY").after["reason"] == "no such child"


def test_cover_opens_a_colleagues_child_only_in_the_grants_dates(
    signed_in_client, users, service, monkeypatch
):
    child = service["kids"]["bob"]
    cover.grant(covering_iro=service["ann"], covered_iro=service["bob"], start=D(2026, 11, 23),
                end=D(2026, 11, 27), reason="Leave", by=users["manager"])  # fmt: skip
    client = signed_in_client(user=users["iro"])
    assert client.get(url(child)).status_code == 404  # 22 November: not yet
    for day, status in ((D(2026, 11, 23), 200), (D(2026, 11, 27), 200), (D(2026, 11, 28), 404)):
        monkeypatch.setattr("irohub.children.selectors.today", lambda day=day: day)
        assert client.get(url(child)).status_code == status, day


def test_a_commissioned_iro_opens_only_their_providers_children(signed_in_client, service):
    client = signed_in_client(user=service["cat_user"])
    assert client.get(url(service["kids"]["cat"])).status_code == 200
    assert client.get(url(service["kids"]["dan"])).status_code == 200
    assert client.get(url(service["kids"]["soon"])).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("manager", 200), ("business_support", 200), ("administrator", 200), ("senior_leader", 404)],
)
def test_each_role_opening_a_record(signed_in_client, service, role, status):
    assert signed_in_client(role).get(url(service["kids"]["soon"])).status_code == status


def test_the_page_offers_only_what_the_role_may_do(signed_in_client, service):
    child = service["kids"]["soon"]
    support = signed_in_client("business_support").get(url(child)).content.decode()
    assert "Schedule a review" in support and "Record a held review" not in support
    admin = signed_in_client("administrator").get(url(child)).content.decode()
    assert "Schedule a review" not in admin and "Who has viewed this record" in admin


def test_anonymous_people_are_sent_to_sign_in(client, service):
    response = client.get(url(service["kids"]["soon"]))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_who_has_viewed_the_record(signed_in_client, users, service):
    child = service["kids"]["soon"]
    signed_in_client(user=users["iro"]).get(url(child))
    signed_in_client(user=users["business_support"]).get(url(child))
    viewers = reverse("children:viewers", args=[child.child_id])
    page = signed_in_client(user=users["manager"]).get(viewers).content.decode()
    assert "Who has viewed this record" in page
    assert page.index(">business_support<") < page.index(">iro<")  # newest first
    assert signed_in_client(user=users["iro"]).get(viewers).status_code == 403
    assert signed_in_client("administrator").get(viewers).status_code == 200


def _add_history(child, iro, first: int, count: int) -> None:
    for number in range(first, first + count):
        day = D(2026, 1, number)
        Contact.objects.create(child=child, iro=iro, contact_date=day, contact_type="call")
        escalation = Escalation.objects.create(escalation_id=f"ESC{number + 1}", child=child,
                                               iro=iro, opened_date=day)  # fmt: skip
        EscalationStage.objects.create(escalation=escalation, stage="informal", started_date=day)
        EscalationTheme.objects.create(escalation=escalation, theme="finance")
        referral = AdvocacyReferral.objects.create(child=child, referral_date=day,
                                                   kind="issue_based")  # fmt: skip
        AdvocacyIssue.objects.create(referral=referral, theme="contact")


def test_the_record_is_a_fixed_number_of_queries(
    signed_in_client, users, service, django_assert_max_num_queries
):
    child = service["kids"]["overdue"]
    client = signed_in_client(user=users["iro"])
    _add_history(child, service["ann"], 1, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(child)).status_code == 200
    _add_history(child, service["ann"], 3, 20)
    with django_assert_max_num_queries(24), CaptureQueriesContext(connection) as many:
        assert client.get(url(child)).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_child_who_left_care(signed_in_client, users, service, today):
    from irohub.children.models import Episode

    left = make_child(given="Lee", family="Left", started=None)
    Episode.objects.create(child=left, decom=D(2025, 1, 6), dec=D(2026, 3, 1), rne="S", ls="V2",
                           cin="N1", place="U4", rec="E11")  # fmt: skip
    allocate(left, service["ann"], end=None)
    recompute([left.pk], as_at=today)
    page = signed_in_client(user=users["manager"]).get(url(left)).content.decode()
    assert "is not looked after on 22 November 2026, so no review is due" in page
    assert "Period of care 1 ended" in page and "Schedule a review" not in page


def test_the_record_leads_to_escalations_and_feedback(signed_in_client, users, service):
    """The record joins the other work on the child: escalations, feedback, the letter to the
    child, the My IRO card and, for managers, a change of IRO."""
    child = service["kids"]["soon"]
    page = signed_in_client(user=users["iro"]).get(url(child)).content.decode()
    assert reverse("escalations:raise", args=[child.child_id]) in page
    held = Review.objects.filter(child=child).first()
    assert reverse("voice:feedback_links", args=[held.pk]) in page
    assert reverse("letters:letter", args=[child.child_id, held.pk]) in page
    assert reverse("letters:card", args=[child.child_id]) in page
    assert reverse("allocation:child", args=[child.child_id]) not in page  # IROs do not allocate
    managers = signed_in_client("manager").get(url(child)).content.decode()
    assert reverse("allocation:child", args=[child.child_id]) in managers
    read_only = signed_in_client("business_support").get(url(child)).content.decode()
    assert reverse("escalations:raise", args=[child.child_id]) not in read_only
