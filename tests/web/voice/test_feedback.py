"""Feedback after reviews: links made per respondent, the public form without signing in, a
token that works once, forged / expired / replaced tokens and floods refused with clear pages,
and no child identifier stored with a response."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.urls import reverse

from irohub.audit.models import AuditEvent
from irohub.reporting.metrics import ReportingPeriod, compute
from irohub.statutory.settings import RuleSettings
from irohub.voice import feedback
from irohub.voice.models import FeedbackInvitation, FeedbackResponse

from .builders import allocate, caseload, make_child, make_iro, review

D = dt.date
ANSWERS = {"knows_iro_role": "yes", "felt_listened_to": "no", "questions_answered": "not_sure",
           "life_getting_better": "yes", "comment": "My IRO came to see me at school."}  # fmt: skip


@pytest.fixture
def held(iro, today):
    """A review held last week for a 9-year-old on the IRO's caseload."""
    child = make_child(dob=D(2017, 5, 1))
    allocate(child, iro)
    return review(child, today - dt.timedelta(days=7))


def _links(held, today, respondents=("child", "parent", "carer", "professional")):
    return {link.respondent: link for link in
            feedback.create_links(review=held, respondents=respondents, today=today, by=None)}  # fmt: skip


def _form(token):
    return reverse("feedback:form", args=[token])


@pytest.mark.django_db
def test_a_child_answers_once_without_signing_in(client, held, today):
    token = _links(held, today)["child"].token
    page = client.get(_form(token))
    assert page.status_code == 200 and "Did you feel listened to at your meeting?" in page.text
    assert page["Referrer-Policy"] == "same-origin" and "no-cache" in page["Cache-Control"]
    sent = client.post(_form(token), ANSWERS)
    assert sent.status_code == 302 and sent["Location"] == reverse("feedback:thanks")
    assert "Thank you" in client.get(sent["Location"]).text
    response = FeedbackResponse.objects.get()
    assert (response.respondent, response.age_band, response.source) == ("child", "8-11", "form")
    assert (response.knows_iro_role, response.felt_listened_to, response.questions_answered,
            response.life_getting_better) == (True, False, None, True)  # fmt: skip
    assert response.response_date == today
    assert FeedbackInvitation.objects.get(respondent="child").used
    again = client.get(_form(token))
    assert again.status_code == 410 and "already been used" in again.text
    second = client.post(_form(token), ANSWERS)
    assert second.status_code == 410 and FeedbackResponse.objects.count() == 1


@pytest.mark.django_db
def test_a_forged_token_is_refused_and_nothing_is_stored(client, held, today):
    _links(held, today)
    for forged in ("not-a-real-token", "A" * 43):
        assert client.get(_form(forged)).status_code == 404
        refused = client.post(_form(forged), ANSWERS)
        assert refused.status_code == 404 and "This feedback link does not work" in refused.text
        assert "Nothing has been saved" in refused.text
    assert not FeedbackResponse.objects.exists()


@pytest.mark.django_db
def test_an_expired_token_is_refused(client, held, today, set_today):
    token = _links(held, today)["parent"].token
    set_today(today + feedback.LINK_LIFETIME)  # the last day it works
    assert client.get(_form(token)).status_code == 200
    set_today(today + feedback.LINK_LIFETIME + dt.timedelta(days=1))
    refused = client.post(_form(token), ANSWERS)
    assert refused.status_code == 410 and "run out" in refused.text
    assert not FeedbackResponse.objects.exists()


@pytest.mark.django_db
def test_a_new_link_replaces_the_unused_old_one(client, held, today):
    old = _links(held, today, ["carer"])["carer"].token
    new = _links(held, today, ["carer"])["carer"].token
    assert "replaced" in client.get(_form(old)).text
    assert client.post(_form(new), ANSWERS).status_code == 302


@pytest.mark.django_db
def test_a_flood_of_posts_from_one_address_is_refused(client, held, today):
    token = _links(held, today)["professional"].token
    for _ in range(10):  # incomplete answers: each post is counted whatever it holds
        assert client.post(_form(token), {"comment": "x"}).status_code == 200
    flood = client.post(_form(token), ANSWERS)
    assert flood.status_code == 429 and "Please wait and try again" in flood.text
    assert not FeedbackResponse.objects.exists()
    assert not FeedbackInvitation.objects.get(respondent="professional").used
    other = client.post(_form(token), ANSWERS, REMOTE_ADDR="192.0.2.7")  # another address
    assert other.status_code == 302


@pytest.mark.django_db
def test_missing_answers_show_the_error_summary_and_keep_the_link(client, held, today):
    token = _links(held, today)["child"].token
    page = client.post(_form(token), {"knows_iro_role": "yes", "comment": "Kept"})
    assert page.status_code == 200 and "There is a problem" in page.text
    assert page.text.count("Choose yes, no or not sure") == 6  # summary and field, for 3 questions
    assert 'value="yes" checked' in page.text and "Kept" in page.text
    assert client.post(_form(token), ANSWERS).status_code == 302


@pytest.mark.django_db
def test_no_child_identifier_is_stored_with_a_response(client, held, today):
    token = _links(held, today)["child"].token
    client.post(_form(token), ANSWERS)
    fields = {f.name for f in FeedbackResponse._meta.get_fields()}
    assert fields == {"id", "response_date", "respondent", "age_band", "knows_iro_role",
                      "felt_listened_to", "questions_answered", "life_getting_better",
                      "comment", "source"}  # fmt: skip
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(
            cursor, FeedbackResponse._meta.db_table)}  # fmt: skip
    assert not columns & {"child_id", "review_id", "invitation_id", "token", "token_hash"}
    row = FeedbackResponse.objects.values().get()
    child = held.child
    text = " ".join(str(value) for key, value in row.items() if key != "id")
    for identifier in (child.child_id, child.given_name, child.family_name, token):
        assert identifier not in text
    event = AuditEvent.objects.get(action="feedback_received")
    assert event.actor_id is None and event.target_id == str(row["id"])
    assert event.before is None and event.after is None
    # The invitation keeps only that it was used, not when or with what.
    invitation = FeedbackInvitation.objects.values().get(respondent="child")
    assert invitation["used"] is True and set(invitation) == {
        "id", "review_id", "respondent", "age_band", "token_hash", "created_on", "expires_on",
        "used", "withdrawn", "created_by_id"}  # fmt: skip


@pytest.mark.django_db
def test_only_a_hash_of_each_token_is_kept(held, today):
    links = _links(held, today)
    stored = set(FeedbackInvitation.objects.values_list("token_hash", flat=True))
    for link in links.values():
        assert len(link.token) >= 43 and link.token not in stored
        assert feedback.hash_token(link.token) in stored
    assert len(stored) == 4


@pytest.mark.parametrize(
    "dob, band, words",
    [
        (D(2021, 1, 1), "4-7", "Did your IRO listen to you?"),
        (D(2016, 1, 1), "8-11", "Did you feel listened to at your meeting?"),
        (D(2011, 1, 1), "12+", "Did you feel listened to at your review?"),
    ],  # fmt: skip
)
@pytest.mark.django_db
def test_the_childs_form_is_chosen_from_their_age(client, iro, today, dob, band, words):
    child = make_child(dob=dob)
    allocate(child, iro)
    link = _links(review(child, today), today, ["child"])["child"]
    assert link.age_band == band
    page = client.get(_form(link.token)).text
    assert words in page
    assert ("irohub-feedback--young" in page) == (band != "12+")


@pytest.mark.django_db
def test_no_child_form_under_four(iro, today):
    child = make_child(dob=D(2023, 3, 1))
    allocate(child, iro)
    links = _links(review(child, today), today)
    assert set(links) == {"parent", "carer", "professional"}


@pytest.mark.parametrize(
    "respondent, words",
    [
        ("parent", "getting better for your child"),
        ("carer", "the child you care for"),
        ("professional", "Feedback for professionals"),
    ],  # fmt: skip
)
@pytest.mark.django_db
def test_adults_get_their_own_words(client, held, today, respondent, words):
    token = _links(held, today, [respondent])[respondent].token
    assert words in client.get(_form(token)).text
    client.post(_form(token), ANSWERS)
    assert FeedbackResponse.objects.get().respondent == respondent


@pytest.mark.django_db
def test_responses_feed_the_feedback_metrics(client, held, today):
    links = _links(held, today)
    for respondent, link in links.items():
        answers = {**ANSWERS, "felt_listened_to": "yes" if respondent == "child" else "no"}
        client.post(_form(link.token), answers)
    period = ReportingPeriod.for_year("2026-27")
    results = compute(["feedback.responses.count", "feedback.felt_listened_to.pct",
                       "feedback.questions_answered.pct"], period=period,
                      rules=RuleSettings.default(), as_at=today, with_previous=False)  # fmt: skip
    assert results["feedback.responses.count"].value == 4
    assert results["feedback.responses.count"].extra["by_respondent"]["child"] == 1
    assert results["feedback.felt_listened_to.pct"].value == 100.0
    assert results["feedback.questions_answered.pct"].denominator == 0  # "not sure" is no answer


# --- the staff pages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_iro_makes_and_prints_links_for_a_review(iro_client, held):
    url = reverse("voice:feedback_links", args=[held.pk])
    page = iro_client.get(url)
    assert page.status_code == 200 and "form for ages 8-11" in page.text
    printed = iro_client.post(url, {"respondents": ["child", "parent"]})
    assert printed.status_code == 200 and printed["Cache-Control"] == "no-store"
    tokens = re.findall(r"http://testserver/feedback/([A-Za-z0-9_-]{43})/", printed.text)
    assert len(set(tokens)) == 2 and printed.text.count("<svg") == 2
    assert (
        held.child.child_id
        not in printed.text.split('class="irohub-no-print"')[1].split("</div>", 3)[-1]
    )
    assert FeedbackInvitation.objects.filter(review=held).count() == 2
    listed = iro_client.get(url).text
    assert "Not used yet" in listed
    assert AuditEvent.objects.filter(
        action="feedback_links_created", target_id=str(held.pk)
    ).exists()


@pytest.mark.django_db
def test_links_use_the_configured_base_url(iro_client, held, settings):
    settings.IROHUB_BASE_URL = "https://irohub.council.example"
    printed = iro_client.post(
        reverse("voice:feedback_links", args=[held.pk]), {"respondents": ["carer"]}
    )
    assert "https://irohub.council.example/feedback/" in printed.text


@pytest.mark.django_db
def test_links_need_a_choice(iro_client, held):
    page = iro_client.post(reverse("voice:feedback_links", args=[held.pk]), {})
    assert "Choose at least one person to ask" in page.text
    assert not FeedbackInvitation.objects.exists()


@pytest.mark.django_db
def test_another_iros_review_is_not_found(signed_in_client, held):
    client = signed_in_client("iro")
    assert client.get(reverse("voice:feedback_links", args=[held.pk])).status_code == 404
    assert AuditEvent.objects.filter(action="refused", target_id=str(held.pk)).exists()
    assert (
        signed_in_client("iro").get(reverse("voice:feedback_links", args=[999999])).status_code
        == 404
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["business_support", "senior_leader", "administrator"])
def test_roles_without_review_recording_cannot_make_links(signed_in_client, held, role):
    assert (
        signed_in_client(role).get(reverse("voice:feedback_links", args=[held.pk])).status_code
        == 403
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, status",
    [("manager", 200), ("iro", 403), ("business_support", 403), ("senior_leader", 403)],
)
def test_only_managers_read_comments(signed_in_client, client, held, today, role, status):
    client.post(_form(_links(held, today)["child"].token), ANSWERS)
    page = signed_in_client(role).get(reverse("voice:feedback_comments"))
    assert page.status_code == status
    if status == 200:
        assert "My IRO came to see me at school." in page.text and "(8-11)" in page.text


@pytest.mark.django_db
def test_recent_reviews_offer_feedback_with_their_state(
    iro_client, iro, held, other_child, today, client
):
    other = review(other_child, today - dt.timedelta(days=2))
    asked = review(make_child(), today - dt.timedelta(days=30))
    allocate(asked.child, iro)
    links = _links(asked, today, ["parent", "carer"])
    client.post(_form(links["parent"].token), ANSWERS)
    review(held.child, today - dt.timedelta(days=90))  # too long ago to ask
    page = iro_client.get(reverse("voice:feedback_reviews")).text
    assert "Not asked" in page and "1 of 2 answered" in page
    assert reverse("voice:feedback_links", args=[held.pk]) in page
    assert reverse("voice:feedback_links", args=[other.pk]) not in page
    assert page.count("voice/feedback/links/") == 2


@pytest.mark.django_db
def test_recent_reviews_is_a_fixed_number_of_queries(
    manager_client, today, django_assert_max_num_queries
):
    iro = make_iro()
    for index, child in enumerate(caseload(iro, 62, today=today, reviewed=None)):
        held = review(child, today - dt.timedelta(days=index % 50))
        if index % 3 == 0:
            _links(held, today, ["carer"])
    with django_assert_max_num_queries(10):
        page = manager_client.get(reverse("voice:feedback_reviews"))
    assert page.text.count("Not asked") == 50 - page.text.count("link made")
