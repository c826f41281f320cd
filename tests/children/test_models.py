"""Small behaviours of the domain models that pages and reports print."""

import datetime as dt

import pytest

from irohub.children.models import Child, Episode, Flag, PeriodOfCare
from irohub.council.models import ReferenceCode

D = dt.date
pytestmark = pytest.mark.django_db


def test_display_names_and_codes():
    child = Child.objects.create(child_id="C1", sex="F", dob=D(2015, 1, 1), ethnicity="WBRI")
    assert child.display_name == "C1" and str(child) == "C1"
    child.given_name, child.family_name = "Ada", "Synthetic"
    assert child.display_name == "Ada Synthetic (C1)"
    flag = Flag.objects.create(child=child, flag="sibling_group", sibling_group="S9",
                               start_date=D(2024, 1, 1))  # fmt: skip
    assert flag.code == "sibling_group:S9" and str(flag) == "C1 sibling_group:S9 from 01/01/2024"
    period = PeriodOfCare.objects.create(child=child, number=1, start=D(2024, 1, 1))
    assert str(period) == "C1 period 1: 01/01/2024 to now"
    episode = Episode.objects.create(child=child, decom=D(2024, 1, 1), rne="S", ls="C2", cin="N1",
                                     place="U4")  # fmt: skip
    assert str(episode) == "C1 episode from 01/01/2024 (C2, U4)"


def test_reference_code_years_are_collection_years():
    k3 = ReferenceCode.objects.get(list_name="PLACE", code="K3")
    assert (k3.valid_from_year, k3.valid_to_year) == (2023, None)
    assert not k3.valid_in(2022) and k3.valid_in(2030)
    assert str(k3) == "PLACE K3: Supported accommodation"
