"""Pages that belong to the whole service: the home page, the health check and error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from irohub.accounts import navigation
from irohub.accounts.access import public, requires


@requires()
def home(request):
    """The landing page: who you are here, and what you can do (from the navigation registry).

    An app may make its own page a role's home (navigation.register_landing), and then "/"
    goes there; otherwise every role lands here.
    """
    landing = navigation.landing_for(request.user)
    if landing:
        return redirect(landing)
    context = {
        "role": request.user.role_definition,
        "entries": navigation.items_for(request.user),
    }
    return render(request, "home.html", context)


@public
@never_cache
def health(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", whatever the driver raises
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@public
def no_favicon(request):
    """Browsers ask for /favicon.ico on every page without one (the Django admin); say "none"."""
    response = HttpResponse(status=204)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # The 500 page uses no navigation and no database: the failure may be in either.
    return render(request, "errors/500.html", status=500)
