"""A small synthetic service for the IRO pages, with "today" pinned for every page."""

from __future__ import annotations

import datetime as dt

import pytest

from irohub.escalations.models import Escalation, EscalationStage
from irohub.reviews.derive import recompute
from irohub.reviews.models import Contact, ReviewBooking

from .factories import allocate, make_child, make_iro, review

D = dt.date
# Earlier reviews of every child's period of care (in care from 6 January 2025), each in time.
HISTORY = (D(2025, 1, 27), D(2025, 4, 22), D(2025, 10, 20), D(2026, 4, 17))


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch, today):
    """Every child and review page reads today from children.selectors.today."""
    monkeypatch.setattr("irohub.children.selectors.today", lambda: today)


def child_with_reviews(iro, last_review, *, record_written=True, **extra):
    """A child in care since 6 January 2025, allocated to `iro`, whose reviews were all in
    time, the latest on `last_review`."""
    child = make_child(**extra)
    allocate(child, iro)
    for held in HISTORY:
        review(child, held, record_date=held + dt.timedelta(days=7))
    review(child, last_review, record_date=(last_review + dt.timedelta(days=7))
           if record_written else None)  # fmt: skip
    return child


@pytest.fixture
def service(users, user_factory, today):
    """Ann (the `iro` user) has four children: one overdue, one due soon, one booked and one
    on time; Bob has one; the Northway provider's IROs Cat (signed in) and Dan one each."""
    ann = make_iro(users["iro"], name="Ann Example")
    bob = make_iro(user_factory(role="iro", username="bob"), name="Bob Example")
    cat_user = user_factory(role="commissioned_iro", username="cat", provider="Northway Ltd")
    cat = make_iro(cat_user, name="Cat Example", provider="Northway Ltd")
    dan = make_iro(None, name="Dan Example", provider="Northway Ltd")
    kids = {
        # last review 1 May 2026: next due 1 November 2026, overdue on 22 November
        "overdue": child_with_reviews(ann, D(2026, 5, 1), given="Olive", family="Overdue"),
        # next due 1 December 2026, within 20 working days; its record is not written
        "soon": child_with_reviews(
            ann, D(2026, 6, 1), given="Sara", family="Soon", record_written=False
        ),  # fmt: skip
        "booked": child_with_reviews(ann, D(2026, 6, 5), given="Ben", family="Booked"),
        # next due 1 March 2027; the midway window is 12 November to 19 December 2026
        "on_time": child_with_reviews(ann, D(2026, 9, 1), given="Tom", family="Ontime"),
        "bob": child_with_reviews(bob, D(2026, 9, 1), given="Bea", family="Bobs"),
        "cat": child_with_reviews(cat, D(2026, 9, 1), given="Cal", family="Cats"),
        "dan": child_with_reviews(dan, D(2026, 9, 1), given="Dee", family="Dans"),
    }
    ReviewBooking.objects.create(child=kids["booked"], planned_date=D(2026, 12, 3),
                                 format="in_person", iro=ann)  # fmt: skip
    Contact.objects.create(child=kids["booked"], iro=ann, contact_date=D(2026, 9, 1),
                           contact_type="midway_review")  # fmt: skip
    escalation = Escalation.objects.create(escalation_id="ESC1", child=kids["overdue"], iro=ann,
                                           opened_date=D(2026, 11, 2))  # fmt: skip
    EscalationStage.objects.create(escalation=escalation, stage="informal",
                                   started_date=D(2026, 11, 2))  # fmt: skip
    recompute(None, as_at=today)
    return {"ann": ann, "bob": bob, "cat": cat, "dan": dan, "cat_user": cat_user,
            "bob_user": bob.user, "kids": kids}  # fmt: skip
