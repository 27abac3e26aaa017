"""Pages where officers see and correct labels, work the labelling queue and check models."""

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.requests import signed_in_user
from lantoa.analysis.actions import correct_label
from lantoa.analysis.labels import LABELS, display
from lantoa.analysis.models import AccurateRequest, AnalysisPath
from lantoa.analysis.queries import labelling_queue, latest_corrections
from lantoa.analysis.registry import has_accurate_models
from lantoa.content.models import Item
from lantoa.content.pipeline import give_accurate_path
from lantoa.content.queries import visible_items
from lantoa.core.http import HtmxHttpRequest

TASK_TITLES = {
    "sentiment": _("Sắc thái"),
    "toxicity": _("Mức độ độc hại"),
    "field": _("Lĩnh vực"),
    "reliability": _("Độ tin cậy"),
}


def panel_context(item: Item, *, accurate_models: bool | None = None) -> dict[str, Any]:
    """What the analysis panel of an item page shows: each task's label, confidence, corrections,
    and whether the accurate path is queued or can be run now. A page of several panels passes
    ``accurate_models`` (``has_accurate_models``) once for all of them."""
    analysis = getattr(item, "analysis", None)
    corrections = latest_corrections(item)
    rows = []
    for task, labels in LABELS.items():
        label = str(getattr(analysis, task, "") or "") if analysis else ""
        score = getattr(analysis, f"{task}_score", None) if analysis else None
        correction = corrections.get(task)
        rows.append(
            {
                "task": task,
                "title": TASK_TITLES[task],
                "label": display(task, label) if label else "",
                "score": score,
                "version": (analysis.model_versions.get(task, "") if analysis else ""),
                "choices": [(value, str(name)) for value, name in labels.items()],
                "correction": display(task, correction.label) if correction else "",
                "corrected_by": correction.corrected_by if correction else None,
            }
        )
    if accurate_models is None:
        accurate_models = has_accurate_models(settings.LANTOA_DATA_DIR)
    accurate = analysis is not None and analysis.path == AnalysisPath.ACCURATE
    return {
        "item": item,
        "analysis": analysis,
        "rows": rows,
        "accurate_queued": _queued(item),
        "accurate_available": accurate_models and not accurate,
    }


def _queued(item: Item) -> bool:
    try:
        return item.accurate_request is not None  # select_related by list pages
    except AccurateRequest.DoesNotExist:
        return False


def _item_for(request: HttpRequest, item_id: int) -> Item:
    user = signed_in_user(request)
    return get_object_or_404(visible_items(user).select_related("analysis"), pk=item_id)


@login_required
def item_panel(request: HttpRequest, item_id: int) -> HttpResponse:
    return render(request, "analysis/_item_panel.html", panel_context(_item_for(request, item_id)))


@login_required
@require_POST
def correct(request: HtmxHttpRequest, item_id: int) -> HttpResponse:
    item = _item_for(request, item_id)
    user = signed_in_user(request)
    try:
        correct_label(user, item, request.POST.get("task", ""), request.POST.get("label", ""))
    except (PermissionDenied, ValueError) as refused:
        if request.htmx:
            return HttpResponse(str(refused), status=400)
        messages.error(request, str(refused))
    if request.htmx:
        return render(request, "analysis/_item_panel.html", panel_context(item))
    messages.success(request, _("Đã ghi nhận nhãn do cán bộ sửa."))
    return redirect(request.POST.get("next") or "content:item_detail", pk=item.pk)


@login_required
@require_POST
def analyze_accurately(request: HtmxHttpRequest, item_id: int) -> HttpResponse:
    """Give one item the accurate path now, rather than when the queue reaches it."""
    item = _item_for(request, item_id)
    give_accurate_path([item.pk])
    item = _item_for(request, item_id)  # with its new analysis
    if request.htmx:
        return render(request, "analysis/_item_panel.html", panel_context(item))
    messages.success(request, _("Đã phân tích tin bài bằng luồng chính xác."))
    return redirect(request.POST.get("next") or "content:item_detail", pk=item.pk)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = Paginator(labelling_queue(user), 25).get_page(request.GET.get("page"))
    accurate_models = has_accurate_models(settings.LANTOA_DATA_DIR)
    panels = [panel_context(i, accurate_models=accurate_models) for i in page.object_list]
    return render(request, "analysis/queue.html", {"page": page, "panels": panels})


def _model_cards(data_dir: Path) -> list[dict[str, Any]]:
    cards = []
    for card_path in sorted((data_dir / "models").glob("*/*.json")):
        try:
            card = json.loads(card_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        card.setdefault("task", card_path.parent.name)
        card.setdefault("version", card_path.stem)
        cards.append(card)
    return cards


@staff_member_required
def model_status(request: HttpRequest) -> HttpResponse:
    """Every trained model under the data directory with the evaluation stored in its card."""
    cards = _model_cards(settings.LANTOA_DATA_DIR)
    return render(request, "analysis/models.html", {"cards": cards, "titles": TASK_TITLES})
