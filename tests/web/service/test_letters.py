"""Letters to children: the draft from the review's facts, saving through the recording service
(optimistic locking: the second writer is told), the readability check on the page, the list of
recent reviews, and the printable "My IRO" card, for every role and with visibility."""

from __future__ import annotations

import pytest

from irohub.audit.models import AuditEvent
from irohub.reviews import letters
from irohub.reviews.models import Review

from .builders import D, caseload, derive, make_child, make_iro, review

pytestmark = pytest.mark.django_db

NO_LETTERS = ["business_support", "senior_leader", "administrator"]
NO_CARD = ["senior_leader", "administrator"]


@pytest.fixture
def held(iro, today):
    """A timely first review of a 10-year-old in Ira Example's caseload."""
    child = caseload(iro, 1, today=today, started=D(2026, 9, 14))[0]
    child.given_name, child.dob = "Sam", D(2016, 5, 1)
    child.save()
    made = review(child, D(2026, 10, 5), chair=iro, format="in_person", advocacy_offered=True)
    derive([child], today)
    made.refresh_from_db()
    return made


def _url(review):
    return f"/letters/{review.child.child_id}/reviews/{review.pk}/"


def test_the_draft_is_written_from_the_reviews_facts(held, settings):
    settings.IROHUB_SERVICE_PHONE = "020 7946 0000"
    text = letters.draft(held, next_due=D(2027, 1, 5))
    assert text.startswith("Dear Sam,\n\nOn 5 October 2026 we met to talk about how things are "
                           "going for you. We met in person. You came to your review and told "
                           "us yourself what you think.")  # fmt: skip
    assert "We talked about having an advocate" in text
    assert "Your next review will be by 5 January 2027." in text
    assert "you can email me at siro" in text and "or phone 020 7946 0000." in text
    assert text.endswith("From Ira Example, your IRO")


@pytest.mark.parametrize("role", NO_LETTERS)
def test_people_who_do_not_record_reviews_cannot_write_letters(role, client_for, held):
    client = client_for(role)
    assert client.get("/letters/").status_code == 403
    assert client.get(_url(held)).status_code == 403


@pytest.mark.parametrize("role", NO_CARD)
def test_the_card_is_for_people_who_work_with_the_child(role, client_for, held):
    assert client_for(role).get(f"/letters/{held.child.child_id}/card/").status_code == 403


def test_the_iros_list_shows_their_recent_reviews_only(signed_in_client, iro_user, held, today):
    other = caseload(make_iro(), 1, today=today, started=D(2026, 9, 14))[0]
    review(other, D(2026, 10, 6))
    page = signed_in_client(user=iro_user).get("/letters/").content.decode()
    assert held.child.display_name in page and other.display_name not in page
    assert "Not started" in page and _url(held) in page


def test_the_letter_page_starts_from_the_draft_and_checks_it(signed_in_client, iro_user, held):
    response = signed_in_client(user=iro_user).get(_url(held))
    text = response.content.decode()
    assert "Dear Sam," in text and "How easy is it to read?" in text
    assert "The letter reads at about age" in text
    assert AuditEvent.objects.filter(action="viewed", target_id=held.child.child_id).exists()


def test_checking_shows_long_sentences_and_jargon_without_saving(signed_in_client, iro_user, held):
    letter = ("Dear Sam, we reviewed your placement and your contact arrangements and the plan "
              "for your education and your health and your friends and your family. Bye.")  # fmt: skip
    response = signed_in_client(user=iro_user).post(
        _url(held), {"letter": letter, "version": held.version, "action": "check"}
    )
    text = response.content.decode()
    assert "(25 words)" in text and "try “home, or where you live”" in text
    assert Review.objects.get(pk=held.pk).letter == ""


def test_saving_keeps_the_letter_and_audits_it(signed_in_client, iro_user, held):
    client = signed_in_client(user=iro_user)
    response = client.post(_url(held), {"letter": "Dear Sam, we met. Love, Ira.",
                                        "version": held.version, "action": "save"}, follow=True)  # fmt: skip
    assert "The letter was saved" in response.content.decode()
    saved = Review.objects.get(pk=held.pk)
    assert saved.letter == "Dear Sam, we met. Love, Ira." and saved.version == held.version + 1
    event = AuditEvent.objects.get(action="letter_saved")
    assert event.after == {"words": 6, "version": saved.version} and "Sam" not in str(event.after)
    assert "Written" in client.get("/letters/").content.decode()


def test_an_empty_letter_is_not_saved(signed_in_client, iro_user, held):
    response = signed_in_client(user=iro_user).post(
        _url(held), {"letter": "  ", "version": held.version, "action": "save"}
    )
    assert "Write the letter before you save it" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_the_second_writer_is_told_and_keeps_their_text(signed_in_client, iro_user, held, users):
    letters.save_letter(review=held, text="The manager's letter.", version=held.version,
                        by=users["manager"], today=D(2026, 11, 22))  # fmt: skip
    client = signed_in_client(user=iro_user)
    response = client.post(_url(held), {"letter": "Ira's letter.", "version": held.version,
                                        "action": "save"})  # fmt: skip
    text = response.content.decode()
    assert "Someone else saved this review since you opened it" in text
    assert "The manager&#x27;s letter." in text and "Ira&#x27;s letter." in text
    assert Review.objects.get(pk=held.pk).letter == "The manager's letter."
    current = Review.objects.get(pk=held.pk).version
    assert f'value="{current}"' in text
    client.post(_url(held), {"letter": "Ira's letter.", "version": current, "action": "save"})
    assert Review.objects.get(pk=held.pk).letter == "Ira's letter."


def test_another_iros_child_is_404_and_audited(signed_in_client, iro_user, today):
    other = caseload(make_iro(), 1, today=today, started=D(2026, 9, 14))[0]
    theirs = review(other, D(2026, 10, 6))
    client = signed_in_client(user=iro_user)
    assert client.get(_url(theirs)).status_code == 404
    assert client.get(f"/letters/{other.child_id}/card/").status_code == 404
    assert AuditEvent.objects.filter(action="refused", target_id=other.child_id).count() == 2


def test_a_review_still_to_come_has_no_letter(client_for, today):
    child = make_child()
    later = review(child, D(2026, 12, 1))
    derive([child], today)
    assert client_for("manager").get(_url(later)).status_code == 404


@pytest.mark.parametrize("role", ["manager", "business_support"])
def test_the_card_names_the_iro_and_how_to_reach_them(role, client_for, held, settings):
    settings.IROHUB_SERVICE_PHONE = "020 7946 0000"
    text = client_for(role).get(f"/letters/{held.child.child_id}/card/").content.decode()
    assert "My name is <strong>Ira Example</strong> and I am your IRO" in text
    assert "Phone: 020 7946 0000" in text and "Email: siro" in text
    assert "What does an IRO do?" in text and '<style media="print">' in text


def test_a_child_without_an_iro_has_no_card(client_for, today):
    child = make_child()
    derive([child], today)
    text = client_for("manager").get(f"/letters/{child.child_id}/card/").content.decode()
    assert "has no IRO yet" in text


def test_the_list_costs_a_fixed_number_of_queries(signed_in_client, iro_user, iro, today,
                                                  django_assert_max_num_queries):  # fmt: skip
    for child in caseload(iro, 64, today=today, started=D(2026, 9, 14)):
        review(child, D(2026, 10, 5), chair=iro)
    client = signed_in_client(user=iro_user)
    with django_assert_max_num_queries(8):
        page = client.get("/letters/").content.decode()
    assert page.count("Write the letter<span") == 50 and "64 reviews" in page
    assert client.get("/letters/?page=2").content.decode().count("Write the letter<span") == 14
