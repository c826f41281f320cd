"""The manager dashboard page (managers and senior leaders: VIEW_DASHBOARD). Its templates live
beside it, in irohub/reporting/dashboard/templates, and extend the site's base.html."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import Context, Engine, RequestContext, engines
from django.utils.safestring import mark_safe

from irohub.accounts.access import requires
from irohub.accounts.roles import Permission
from irohub.children import selectors as children
from irohub.council.selectors import current_rules
from irohub.reporting.dashboard import figures

TEMPLATES = Path(__file__).parent / "templates"
# The live figures by the names the template uses.
LIVE_NAMES = {"held": "reviews.held.count", "overdue": "reviews.overdue_open.count",
              "due_soon": "reviews.due_soon.count", "escalations": "escalation.open.count",
              "unallocated": "iro.unallocated.count", "per_fte": "iro.caseload.per_fte"}  # fmt: skip


@functools.cache
def _engine() -> Engine:
    """The site's template engine with this folder first: base.html, the govuk tags and the
    context processors all apply, and the dashboard's own partials are found too."""
    site = engines["django"].engine
    return Engine(
        dirs=[str(TEMPLATES), *site.dirs], app_dirs=site.app_dirs, debug=site.debug,
        context_processors=site.context_processors, libraries=site.libraries,
        builtins=site.builtins, string_if_invalid=site.string_if_invalid,
    )  # fmt: skip


def render_page(request, name: str, context: dict) -> HttpResponse:
    page = _engine().get_template(name)
    return HttpResponse(page.render(RequestContext(request, context)))


@requires(Permission.VIEW_DASHBOARD)
def index(request):
    rules = current_rules()
    if request.GET.get("refresh") == "1":
        figures.live(today=children.today(), rules=rules, refresh=True)
        return redirect("dashboard:index")
    board = figures.live(today=children.today(), rules=rules)
    if not board.html:
        figures.keep_html(board, _engine().get_template("dashboard/_board.html").render(
            Context(_board_context(board, rules))))  # fmt: skip
    return render_page(request, "dashboard/index.html",
                       {"board": board, "board_html": mark_safe(board.html)})  # fmt: skip


def _board_context(board, rules) -> dict:
    live = {name: board.live[mid] for name, mid in LIVE_NAMES.items()}
    return {
        "board": board, "live": live, "fresh_minutes": figures.FRESH_FOR_SECONDS // 60,
        "band": tuple(f"{x:g}" for x in rules.caseload.band_per_fte),
        "within": sum(c.status == "within" for c in board.caseloads),
        "until": date.fromisoformat(live["due_soon"].extra["until"]),
    }  # fmt: skip
