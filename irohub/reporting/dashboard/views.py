"""The manager dashboard page (managers and senior leaders: VIEW_DASHBOARD)."""

from __future__ import annotations

from datetime import date

from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from irohub.accounts.access import requires, user_can
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.council.selectors import current_rules
from irohub.reporting.dashboard import figures

# The live figures by the names the template uses.
LIVE_NAMES = {"held": "reviews.held.count", "overdue": "reviews.overdue_open.count",
              "due_soon": "reviews.due_soon.count", "escalations": "escalation.open.count",
              "unallocated": "iro.unallocated.count", "per_fte": "iro.caseload.per_fte"}  # fmt: skip


@requires(Permission.VIEW_DASHBOARD)
def index(request):
    rules = current_rules()
    if request.GET.get("refresh") == "1":
        figures.live(today=children.today(), rules=rules, refresh=True)
        return redirect("dashboard:index")
    board = figures.live(today=children.today(), rules=rules)
    if not board.html:
        figures.keep_html(
            board, render_to_string("dashboard/_board.html", _board_context(board, rules))
        )
    # The figures are the same for every reader and cached as HTML; the link to the audits
    # page is not (only those who may manage quality are offered it; senior leaders read only).
    return render(request, "dashboard/index.html", {
        "board": board, "board_html": mark_safe(board.html),
        "can_manage_quality": user_can(request.user, Permission.MANAGE_QUALITY),
    })  # fmt: skip


def _board_context(board, rules) -> dict:
    live = {name: board.live[mid] for name, mid in LIVE_NAMES.items()}
    return {
        "board": board, "live": live, "fresh_minutes": figures.FRESH_FOR_SECONDS // 60,
        "band": tuple(f"{x:g}" for x in rules.caseload.band_per_fte),
        "within": sum(c.status == "within" for c in board.caseloads),
        "until": date.fromisoformat(live["due_soon"].extra["until"]),
    }  # fmt: skip
