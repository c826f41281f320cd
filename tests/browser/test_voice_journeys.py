"""Real-browser journeys of issue 7, with axe-core (zero violations) and a screenshot on every
page: an IRO raises an escalation and follows it to its end with the clock in view; a child
gives feedback on a phone without signing in (and every feedback form and refusal page); the
manager's advocacy, quality, targets and feedback pages."""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import re

import pytest
from django.core.cache import cache

from irohub.children.models import Child, Episode
from irohub.reviews.models import Review
from irohub.staff.models import IRO, Allocation
from irohub.statutory.settings import RuleSettings
from irohub.voice import feedback

from .conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date
TODAY = D(2026, 12, 21)  # a Monday, so the informal stage's clock runs over Christmas
PHONE = {"width": 390, "height": 844}
BORN = D(2016, 3, 4)
_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The feedback forms count posts per address in the cache (the live server shares it).
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    for name in ("irohub.escalations.views", "irohub.voice.views", "irohub.voice.feedback_views",
                 "irohub.quality.views", "irohub.council.views_targets"):  # fmt: skip
        monkeypatch.setattr(importlib.import_module(name), "today", lambda: TODAY)


def _iro(user=None, name="Ira Sample"):
    number = next(_serial)
    return IRO.objects.create(iro_id=f"BIRO{number}", name=name, email=f"b{number}@example.org",
                              employment_type="permanent", fte=1, start_date=D(2020, 1, 1),
                              user=user)  # fmt: skip


def _child(iro, dob=BORN, given="Jordan"):
    number = next(_serial)
    child = Child.objects.create(child_id=f"B{number:05d}", sex="F", dob=dob, ethnicity="WBRI",
                                 given_name=given, family_name=f"Example{number}",
                                 looked_after=True, current_iro=iro)  # fmt: skip
    Episode.objects.create(child=child, decom=D(2025, 1, 6), rne="S", ls="C2", cin="N1", place="U4")
    Allocation.objects.create(child=child, iro=iro, start_date=D(2025, 1, 8))
    return child


def _date(page, prefix, day):
    page.locator(f"#id_{prefix}_day").fill(str(day.day))
    page.locator(f"#id_{prefix}_month").fill(str(day.month))
    page.locator(f"#id_{prefix}_year").fill(str(day.year))


def test_an_iro_raises_an_escalation_and_follows_it_to_its_end(
    page, live_server, user_factory, test_password, monkeypatch
):
    user = user_factory(role="iro", username="browser-iro")
    child = _child(_iro(user))
    sign_in(page, live_server.url, user.username, test_password)
    page.goto(f"{live_server.url}/escalations/")
    check_accessibility(page, "voice-escalations-empty")
    page.get_by_role("button", name="Raise an escalation").click()
    check_accessibility(page, "voice-escalation-choose-child")
    page.get_by_label("Which child is the escalation about?").select_option(child.child_id)
    page.get_by_role("button", name="Continue").click()
    check_accessibility(page, "voice-escalation-raise")
    page.get_by_role("button", name="Raise escalation").click()  # nothing chosen: errors
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page, "voice-escalation-raise-errors")
    page.get_by_label("Informal challenge").check()
    page.get_by_label("No or poor education provision (PEP)").check()
    page.get_by_label("Describe the concern").fill("No school place since September.")
    page.get_by_role("button", name="Raise escalation").click()
    assert "raised" in page.locator(".govuk-notification-banner").inner_text()
    body = page.locator("main").inner_text()
    assert "30 December 2026" in body and "21 January 2027" in body and "Christmas Day" in body
    check_accessibility(page, "voice-escalation-detail")

    monkeypatch.setattr("irohub.escalations.views.today", lambda: D(2026, 12, 30))
    page.reload()
    assert "Due soon" in page.locator("main").inner_text()  # its last working day
    page.get_by_role("button", name="Step up").click()
    check_accessibility(page, "voice-escalation-step-up")
    page.get_by_label("Formal challenge (senior manager)").check()
    page.get_by_role("button", name="Step up").click()
    body = page.locator("main").inner_text()
    assert "14 January 2027" in body and "Formal challenge (senior manager)" in body
    check_accessibility(page, "voice-escalation-stepped-up")

    monkeypatch.setattr("irohub.escalations.views.today", lambda: D(2027, 1, 12))
    page.get_by_role("button", name="Conclude").click()
    check_accessibility(page, "voice-escalation-conclude")
    page.get_by_label("Resolved", exact=True).check()
    page.get_by_label("What was agreed (optional)").fill("School place from January.")
    page.get_by_role("button", name="Conclude escalation").click()
    body = page.locator("main").inner_text()
    assert "Concluded" in body and "Resolved" in body and "it took 13 working days" in body
    check_accessibility(page, "voice-escalation-concluded")
    page.goto(f"{live_server.url}/escalations/?show=concluded")
    check_accessibility(page, "voice-escalations-concluded")


def _links(child, respondents=("child", "parent", "carer", "professional")):
    review = Review.objects.create(
        child=child, review_date=TODAY - dt.timedelta(days=3), pn_code="PN1"
    )
    made = feedback.create_links(review=review, respondents=respondents, today=TODAY, by=None)
    return {link.respondent: link for link in made}


def test_a_child_gives_feedback_on_a_phone_without_signing_in(browser, live_server):
    child = _child(_iro(), dob=D(2019, 5, 5))  # 7: the youngest form
    token = _links(child)["child"].token
    context = browser.new_context(locale="en-GB", viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        phone.goto(f"{live_server.url}/feedback/{token}/")
        assert phone.locator("h1").inner_text() == "Tell us about your meeting"
        check_accessibility(phone, "voice-feedback-child-4-7-phone")
        phone.get_by_role("button", name="Send").click()
        assert phone.locator(".govuk-error-summary").is_visible()
        check_accessibility(phone, "voice-feedback-child-4-7-phone-errors")
        for question in ("Do you know what your IRO does?", "Did your IRO listen to you?",
                         "Did you get answers to your questions?", "Are things getting better for you?"):  # fmt: skip
            phone.get_by_role("group", name=question).get_by_label("Yes").check()
        phone.get_by_label("Is there anything else you want to tell us?").fill("I like my IRO.")
        phone.get_by_role("button", name="Send").click()
        assert phone.locator("h1").inner_text() == "Thank you"
        check_accessibility(phone, "voice-feedback-thank-you-phone")
        phone.goto(f"{live_server.url}/feedback/{token}/")
        assert "already been used" in phone.locator("h1").inner_text()
        check_accessibility(phone, "voice-feedback-used-phone")
    finally:
        context.close()


def test_every_feedback_form_and_refusal_page_is_accessible(page, live_server):
    iro = _iro()
    pages = {}
    for band, dob in (("8-11", D(2016, 1, 1)), ("12+", D(2011, 1, 1))):
        pages[f"child-{band}"] = _links(_child(iro, dob=dob), ["child"])["child"].token
    adults = _links(_child(iro), ["parent", "carer", "professional"])
    pages.update({name: link.token for name, link in adults.items()})
    for name, token in pages.items():
        page.goto(f"{live_server.url}/feedback/{token}/")
        check_accessibility(page, f"voice-feedback-{name}")
    response = page.goto(f"{live_server.url}/feedback/not-a-real-link/")
    assert response.status == 404
    check_accessibility(page, "voice-feedback-forged")
    # A flood from one address: ten posts are counted, the eleventh gets the clear refusal page.
    url = f"{live_server.url}/feedback/{pages['parent']}/"
    page.goto(url)
    csrf = page.locator("input[name=csrfmiddlewaretoken]").get_attribute("value")
    for _ in range(10):
        sent = page.request.post(
            url, form={"csrfmiddlewaretoken": csrf}, headers={"Origin": live_server.url}
        )
        assert sent.status == 200  # the form again, with its errors
    page.get_by_role("button", name="Send").click()
    assert page.locator("h1").inner_text() == "Please wait and try again"
    check_accessibility(page, "voice-feedback-too-many")


def test_manager_pages_are_accessible(page, live_server, user_factory, test_password):
    manager = user_factory(role="manager", username="browser-manager")
    iro = _iro(name="Mo Iro")
    child = _child(iro)
    feedback.submit(token=_links(child, ["parent"])["parent"].token, today=TODAY, comment="Helpful.",
                    answers=dict.fromkeys(feedback.QUESTIONS, "yes"))  # fmt: skip
    sign_in(page, live_server.url, manager.username, test_password)
    visits = {
        "advocacy-list": "/voice/advocacy/?show=all",
        "advocacy-choose": "/voice/advocacy/new/",
        "advocacy-record": f"/voice/advocacy/new/{child.child_id}/",
        "feedback-comments": "/voice/feedback/comments/",
        "feedback-reviews": "/voice/feedback/",
        "audits": "/quality/audits/",
        "audit-new": "/quality/audits/new/",
        "complaints": "/quality/complaints/",
        "complaint-new": "/quality/complaints/new/",
        "targets": "/targets/?year=2026-27",
        "target-new": "/targets/2026-27/targets/new/",
        "priority-new": "/targets/2026-27/priorities/new/",
        "facts": "/targets/facts/2026-27/",
    }
    for name, path in visits.items():
        page.goto(f"{live_server.url}{path}")
        check_accessibility(page, f"voice-manager-{name}")
    page.goto(f"{live_server.url}/voice/advocacy/new/{child.child_id}/")
    page.get_by_label("Issue-based advocacy").check()
    page.get_by_label("Housing").check()
    page.get_by_label("Hours delivered (optional)").fill("lots")
    page.get_by_role("button", name="Record referral").click()
    check_accessibility(page, "voice-manager-advocacy-errors")
    page.get_by_label("Hours delivered (optional)").fill("4.5")
    page.get_by_role("button", name="Record referral").click()
    assert "Referral recorded" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page, "voice-manager-advocacy-recorded")
    page.goto(f"{live_server.url}/targets/2026-27/targets/new/")
    page.get_by_label("Figure").select_option("feedback.responses.count")
    page.get_by_label("Target", exact=True).fill("20")
    page.get_by_role("button", name="Save target").click()
    assert "Off target" in page.locator("main").inner_text()
    check_accessibility(page, "voice-manager-targets-saved")
    review = Review.objects.filter(child=child).first()
    page.goto(f"{live_server.url}/voice/feedback/links/{review.pk}/")
    check_accessibility(page, "voice-feedback-links")
    page.get_by_role("button", name="Make feedback links").click()
    page.locator(".irohub-link-card").first.wait_for()
    assert len(re.findall(r"/feedback/[A-Za-z0-9_-]{43}/", page.content())) >= 3
    check_accessibility(page, "voice-feedback-links-printable")


def test_rules_default_ladder_is_what_the_journey_expects():
    stages = RuleSettings.default().escalation.stages
    assert [s.code for s in stages] == ["informal", "formal", "cafcass"]
