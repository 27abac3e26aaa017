"""Pages for reading items. Fetched text is always rendered escaped: never fetched HTML."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lantoa.accounts.requests import signed_in_user
from lantoa.analysis.accurate_queue import request_accurate
from lantoa.analysis.models import AccurateReason
from lantoa.analysis.views import panel_context
from lantoa.content.models import ItemKind
from lantoa.content.queries import visible_items
from lantoa.core.http import HtmxHttpRequest
from lantoa.sources.queries import visible_sources

PAGE_SIZE = 50


@login_required
def item_list(request: HtmxHttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    items = visible_items(user).select_related("source")
    source_id = request.GET.get("source", "")
    kind = request.GET.get("kind", "")
    if source_id.isdigit():
        items = items.filter(source_id=int(source_id))
    if kind in ItemKind.values:
        items = items.filter(kind=kind)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "sources": visible_sources(user).order_by("name"),
        "kinds": ItemKind.choices,
        "selected_source": source_id,
        "selected_kind": kind,
    }
    template = "content/_item_results.html" if request.htmx else "content/item_list.html"
    return render(request, template, context)


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    item = get_object_or_404(
        visible_items(user).select_related("source", "parent", "story", "analysis"), pk=pk
    )
    request_accurate([item.pk], AccurateReason.OPENED)  # an item an officer reads matters
    return render(request, "content/item_detail.html", {"item": item, **panel_context(item)})
