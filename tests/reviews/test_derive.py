"""Derived data against hand-worked examples (England and Wales bank holidays)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from irohub.children.models import Child, Episode, PeriodOfCare
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review
from irohub.reviews.services import apply_rules
from irohub.staff.models import IRO, Allocation

D = dt.date
BORN = dt.date(2012, 5, 1)
pytestmark = pytest.mark.django_db


def child(child_id="C1", dob=BORN):
    return Child.objects.create(child_id=child_id, sex="M", dob=dob, ethnicity="WBRI")


def episode(c, start, end=None, rne="S", ls="C2", rec=""):
    return Episode.objects.create(child=c, decom=start, dec=end, rne=rne, ls=ls, cin="N1",
                                  place="U4", rec=rec)  # fmt: skip


def review(c, day, **extra):
    return Review.objects.create(child=c, review_date=day, pn_code="PN1", **extra)


def derived(c):
    return [
        (r.review_date, r.sequence, r.review_type, r.due_date, r.in_time, r.days_late)
        for r in Review.objects.filter(child=c).order_by("review_date")
    ]


def test_a_break_in_care_starts_a_new_period_with_a_new_first_review():
    c = child()
    episode(c, D(2024, 1, 8), D(2024, 3, 1), rec="E4A")
    # back in care on Mon 04/03/2024 after a break: a new period, a new first review; Good Friday
    # (29/03) and Easter Monday (01/04) push the 20th working day from 01/04 to 03/04/2024
    episode(c, D(2024, 3, 4), rne="S")
    review(c, D(2024, 2, 5))
    review(c, D(2024, 4, 4))
    recompute(None, as_at=D(2024, 6, 1))
    periods = list(PeriodOfCare.objects.filter(child=c).values_list("number", "start", "end"))
    assert periods == [(1, D(2024, 1, 8), D(2024, 3, 1)), (2, D(2024, 3, 4), None)]
    assert derived(c) == [
        (D(2024, 2, 5), 1, "first", D(2024, 2, 5), True, 0),
        (D(2024, 4, 4), 1, "first", D(2024, 4, 3), False, 1),
    ]
    c.refresh_from_db()
    assert c.looked_after and c.current_period.number == 2
    assert (c.next_review_due, c.next_review_type) == (D(2024, 7, 4), "second")


def test_a_same_day_continuation_keeps_one_period():
    c = child()
    episode(c, D(2024, 4, 2), D(2024, 5, 20), rec="X1")
    episode(c, D(2024, 5, 20), rne="P")
    review(c, D(2024, 4, 30))
    review(c, D(2024, 7, 31))  # second due 30/07/2024: a day late
    recompute([c.pk], as_at=D(2024, 9, 1))
    assert PeriodOfCare.objects.filter(child=c).count() == 1
    assert set(Episode.objects.filter(child=c).values_list("period__number", flat=True)) == {1}
    assert derived(c) == [
        (D(2024, 4, 30), 1, "first", D(2024, 4, 30), True, 0),
        (D(2024, 7, 31), 2, "second", D(2024, 7, 30), False, 1),
    ]


def test_reviews_outside_every_period_are_left_untyped():
    c = child()
    episode(c, D(2024, 4, 2), D(2024, 6, 1), rec="E4A")
    review(c, D(2024, 4, 30))
    review(c, D(2024, 8, 1))
    recompute(None, as_at=D(2024, 9, 1))
    late = Review.objects.get(child=c, review_date=D(2024, 8, 1))
    assert (late.period, late.sequence, late.review_type, late.due_date, late.in_time) == (
        None, None, "", None, None)  # fmt: skip
    c.refresh_from_db()
    assert not c.looked_after and c.next_review_due is None and c.current_period is None


def test_chair_recorded_else_the_iro_allocated_that_day():
    c = child()
    episode(c, D(2024, 4, 2))
    one = IRO.objects.create(iro_id="I1", name="One", employment_type="permanent", fte=1,
                             start_date=D(2020, 1, 1))  # fmt: skip
    two = IRO.objects.create(iro_id="I2", name="Two", employment_type="agency", fte=1,
                             start_date=D(2020, 1, 1))  # fmt: skip
    Allocation.objects.create(child=c, iro=one, start_date=D(2024, 4, 3), end_date=D(2024, 6, 30))
    Allocation.objects.create(child=c, iro=two, start_date=D(2024, 7, 1))
    review(c, D(2024, 4, 2))  # before any allocation
    review(c, D(2024, 4, 30))
    review(c, D(2024, 7, 29))
    review(c, D(2024, 12, 1), chair=one, chair_source="recorded")
    recompute(None, as_at=D(2025, 1, 1))
    chairs = list(Review.objects.filter(child=c).order_by("review_date").values_list(
        "chair__iro_id", "chair_source"))  # fmt: skip
    assert chairs == [(None, ""), ("I1", "allocation"), ("I2", "allocation"), ("I1", "recorded")]
    c.refresh_from_db()
    assert c.current_iro == two


def test_short_breaks_follow_regulation_48():
    c = child()
    for start, end in ((D(2024, 5, 3), D(2024, 5, 5)), (D(2024, 6, 7), D(2024, 6, 9)),
                       (D(2024, 11, 1), D(2024, 11, 3))):  # fmt: skip
        episode(c, start, end, ls="V3", rec="E13")
    review(c, D(2024, 8, 5), statutory_basis="reg48")  # due 3 months after 03/05: 03/08/2024
    recompute(None, as_at=D(2024, 12, 1))
    period = PeriodOfCare.objects.get(child=c)
    assert period.short_break and (period.start, period.end) == (D(2024, 5, 3), D(2024, 11, 3))
    assert derived(c) == [(D(2024, 8, 5), 1, "first", D(2024, 8, 3), False, 2)]


def test_periods_renumber_when_episodes_change():
    c = child()
    episode(c, D(2023, 1, 9), D(2023, 3, 1), rec="E4A")
    later = episode(c, D(2024, 4, 2))
    review(c, D(2024, 4, 30))
    recompute(None, as_at=D(2024, 6, 1))
    assert PeriodOfCare.objects.filter(child=c).count() == 2
    Episode.objects.filter(child=c, decom=D(2023, 1, 9)).delete()
    recompute([c.pk], as_at=D(2024, 6, 1))
    period = PeriodOfCare.objects.get(child=c)
    assert (period.number, period.start) == (1, D(2024, 4, 2))
    later.refresh_from_db()
    assert later.period == period
    assert Review.objects.get(child=c).period == period


def test_recompute_writes_nothing_when_nothing_changed():
    c = child()
    episode(c, D(2024, 4, 2))
    review(c, D(2024, 4, 30))
    recompute(None, as_at=D(2024, 6, 1))
    with CaptureQueriesContext(connection) as captured:
        recompute(None, as_at=D(2024, 6, 1))
    writes = [q["sql"] for q in captured if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))]
    assert writes == []


def test_no_review_due_on_or_after_the_18th_birthday():
    c = child(dob=D(2006, 9, 1))
    episode(c, D(2024, 4, 2))
    review(c, D(2024, 4, 30))  # second would be due 30/07/2024, then 6-monthly: 30/01/2025
    review(c, D(2024, 7, 30))
    recompute(None, as_at=D(2024, 8, 1))
    c.refresh_from_db()
    assert c.next_review_due is None  # 30/01/2025 is after the 18th birthday, 01/09/2024


def test_new_rules_recompute_every_child(user_factory):
    c = child()
    episode(c, D(2024, 3, 28))
    review(c, D(2024, 4, 29))
    recompute(None, as_at=D(2024, 6, 1))
    assert derived(c)[0][3:] == (D(2024, 4, 29), True, 0)
    admin = user_factory(role="administrator")
    assert apply_rules('[reviews]\nfirst = "28 days"\n', by=admin, as_at=D(2024, 6, 1)) == 1
    assert derived(c)[0][3:] == (D(2024, 4, 25), False, 4)


def test_the_daily_recompute_command_moves_live_fields_on(capsys):
    from django.core.management import call_command

    c = child()
    episode(c, D(2024, 4, 2), D(2024, 9, 1), rec="E4A")
    call_command("recompute", "--as-at", "2024-06-01")
    c.refresh_from_db()
    assert c.looked_after
    call_command("recompute", "--as-at", "2024-10-01")
    c.refresh_from_db()
    assert not c.looked_after
    assert "Recomputed 1 children as at 01/10/2024." in capsys.readouterr().out
