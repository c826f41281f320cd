"""The manager's allocation pages: children waiting for an IRO, and choosing a child's IRO from
ranked, explained suggestions. Writes go through irohub.staff.allocation.allocate (audited)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from irohub.accounts.access import requires
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.children.models import Child
from irohub.council.selectors import current_rules
from irohub.staff import allocation
from irohub.staff.forms import AllocationForm, FindChildForm
from irohub.staff.models import Allocation
from irohub.staff.visibility import visible_children
from irohub.statutory.deadlines import iro_allocation_due
from irohub.statutory.participation import age_on

P = Permission


def _waiting_rows(waiting, *, today, rules) -> list[dict]:
    rows = []
    for child in waiting:
        start = child.current_period.start if child.current_period else None
        due = iro_allocation_due(start, rules=rules) if start else None
        rows.append({"child": child, "age": age_on(child.dob, today), "start": start, "due": due,
                     "overdue": due is not None and due.date < today})  # fmt: skip
    return rows


@requires(P.ALLOCATE_IROS)
def waiting(request):
    """Children without an IRO, and a way to find any child to change their IRO."""
    today = children.today()
    find = FindChildForm(request.GET or None)
    if find.is_valid():
        child_id = find.cleaned_data["child_id"]
        if visible_children(request.user, on=today).filter(child_id=child_id).exists():
            return redirect("allocation:child", child_id=child_id)
        find.add_error("child_id", "Enter the ID of a child known to irohub")
    found = allocation.without_iro(today=today, visible=visible_children(request.user, on=today))
    context = {"rows": _waiting_rows(found, today=today, rules=current_rules()), "find": find,
               "today": today}  # fmt: skip
    return render(request, "staff/allocation/waiting.html", context)


def _initial(child: Child, today) -> dict:
    period_start = child.current_period.start if child.current_period else None
    had_iro = (
        period_start is not None and child.allocations.filter(start_date__gte=period_start).exists()
    )
    return {"start": today, "reason": "" if had_iro else Allocation.ChangeReason.INITIAL}


def _allocate(form, child, chosen, *, by, today) -> bool:
    data = form.cleaned_data
    try:
        allocation.allocate(child=child, iro=chosen, start=data["start"], reason=data["reason"],
                            note=data["note"], by=by, today=today)  # fmt: skip
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
        return False
    return True


@requires(P.ALLOCATE_IROS)
def choose(request, child_id: str):
    """Suggested IROs for one child, ranked and explained; the manager chooses."""
    today = children.today()
    child = children.open_record(request.user, child_id, on=today, page="allocate IRO")
    rules = current_rules()
    suggested = allocation.suggestions(child, today=today, rules=rules)
    form = AllocationForm(request.POST or None, iros=[s.iro for s in suggested], today=today,
                          initial=_initial(child, today))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        chosen = next(s.iro for s in suggested if s.iro.pk == form.cleaned_data["iro"])
        if _allocate(form, child, chosen, by=request.user, today=today):
            start = form.cleaned_data["start"]
            messages.success(request, f"{chosen.name} is now the IRO of "
                             f"{child.display_name} from {start.day} {start:%B %Y}")  # fmt: skip
            return redirect(reverse("allocation:waiting"))
    start = child.current_period.start if child.current_period else None
    context = {
        "child": child, "form": form, "suggestions": suggested, "today": today,
        "age": age_on(child.dob, today),
        "due": iro_allocation_due(start, rules=rules) if start and not child.current_iro else None,
        "siblings": allocation.siblings_of(child, today),
        "chosen": str(form["iro"].value() or ""),
    }  # fmt: skip
    return render(request, "staff/allocation/choose.html", context)
