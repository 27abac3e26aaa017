"""Views that belong to no single domain: the dashboard, the health check, unbuilt sections."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lantoa.accounts.requests import signed_in_user
from lantoa.content.queries import visible_items
from lantoa.core.navigation import SECTIONS
from lantoa.sources.queries import visible_sources


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 otherwise; for load balancers and `make demo`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": str(error)}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    items = visible_items(user)
    context = {
        "item_count": items.count(),
        "source_count": visible_sources(user).count(),
        "latest_items": items.select_related("source")[:10],
    }
    return render(request, "core/dashboard.html", context)


@login_required
def unbuilt_section(request: HttpRequest, slug: str) -> HttpResponse:
    """An honest page for a section that is not built yet: no fake data."""
    section = next((s for s in SECTIONS if s.slug == slug), None)
    if section is None:
        raise Http404
    return render(request, "core/unbuilt.html", {"section": section})
