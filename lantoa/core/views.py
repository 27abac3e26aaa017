"""Views that belong to no single domain: the dashboard and the health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lantoa.accounts.requests import signed_in_user
from lantoa.content.queries import visible_items
from lantoa.reports.attention import waiting_for
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
        "waiting": waiting_for(user),
        "item_count": items.count(),
        "source_count": visible_sources(user).count(),
        "latest_items": items.select_related("source")[:10],
    }
    return render(request, "core/dashboard.html", context)
