"""The import and the derive step work set-wise: their query count does not grow with the
number of children."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from irohub.children.models import Child
from irohub.reviews.derive import recompute
from irohub.reviews.models import Review
from irohub.staff.models import IRO
from irohub.transfer.services import import_folder
from transfer.folder import many_children

AS_AT = dt.date(2025, 3, 31)
pytestmark = pytest.mark.django_db


def queries_to_import(folder) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = import_folder(folder, by=None, as_at=AS_AT)
    assert result.ok, result.errors
    return len(captured)


def test_import_queries_do_not_grow_with_children(tmp_path):
    small = queries_to_import(many_children(tmp_path / "small", 5))
    Child.objects.all().delete()
    IRO.objects.all().delete()
    large = queries_to_import(many_children(tmp_path / "large", 200))
    assert Review.objects.count() == 600
    assert large == small
    assert large < 80


def test_recompute_queries_do_not_grow_with_children(tmp_path, django_assert_max_num_queries):
    assert import_folder(many_children(tmp_path / "c", 200), by=None, as_at=AS_AT).ok
    Review.objects.update(due_date=None, sequence=None)  # force every review to be rewritten
    with django_assert_max_num_queries(16):  # one is the history start (decision record 0004)
        assert recompute(None, as_at=AS_AT) == 200
    assert not Review.objects.filter(due_date__isnull=True).exists()
    with django_assert_max_num_queries(13):  # one is the history start (decision record 0004)
        recompute(list(Child.objects.values_list("pk", flat=True)[:50]), as_at=AS_AT)
