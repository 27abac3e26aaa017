"""What happens to items after they are stored: analysis, then monitoring.

``source → item → analysis → trends → alerts``: ingestion calls ``items_stored`` with the ids it
stored; the work runs as a Celery task queued after the transaction commits (in-process in the
embedded default). Both steps are idempotent, so a retried task changes nothing.
"""

from collections.abc import Sequence

from celery import shared_task
from django.conf import settings
from django.db import transaction

from lantoa.analysis import accurate_queue
from lantoa.analysis.models import AccurateReason, AnalysisPath
from lantoa.analysis.reanalysis import stale_items
from lantoa.analysis.storing import analyze_items, production_models
from lantoa.factcheck.linking import match_new_items
from lantoa.factcheck.models import ClaimItem
from lantoa.monitoring.models import ItemTopic
from lantoa.monitoring.pipeline import process_new_items

__all__ = [
    "give_accurate_path",
    "items_stored",
    "process_accurate_queue",
    "process_stored_items",
    "reanalyze_stale",
]


@shared_task(name="lantoa.content.pipeline.process_stored_items")
def process_stored_items(item_ids: list[int]) -> int:
    """Analyse the items, tag, index and count them for monitoring, then match known claims;
    items that repeat a claim or match an active topic are queued for the accurate path."""
    analyze_items(item_ids)
    process_new_items(item_ids)
    match_new_items(item_ids)
    claimed = ClaimItem.objects.filter(item_id__in=item_ids).values_list("item_id", flat=True)
    accurate_queue.request_accurate(claimed, AccurateReason.CLAIM)
    tagged = ItemTopic.objects.filter(item_id__in=item_ids, topic__active=True)
    accurate_queue.request_accurate(tagged.values_list("item_id", flat=True), AccurateReason.TOPIC)
    return len(item_ids)


@shared_task(name="lantoa.content.pipeline.process_accurate_queue")
def process_accurate_queue(budget: int | None = None) -> int:
    """Periodic (PERIODIC_TASKS "accurate-analysis"): give at most ``budget`` queued items
    (default ``ANALYSIS_ACCURATE_BUDGET``) the accurate path, then recount them for monitoring,
    since their labels may have changed; returns how many were analysed."""
    ids = accurate_queue.next_batch(settings.ANALYSIS_ACCURATE_BUDGET if budget is None else budget)
    return give_accurate_path(ids) if ids else 0


def give_accurate_path(item_ids: list[int]) -> int:
    """Analyse these items with the accurate models now, recount them, take them off the queue."""
    analyzed = analyze_items(item_ids, mode="accurate")
    process_new_items(item_ids)
    accurate_queue.finish(item_ids)
    return analyzed


@shared_task(name="lantoa.content.pipeline.reanalyze_stale")
def reanalyze_stale(budget: int | None = None) -> int:
    """Periodic (PERIODIC_TASKS "reanalysis"): relabel at most ``budget`` (default
    ``ANALYSIS_REANALYSIS_BUDGET``) items that older models labelled, newest first, with the
    fast models, then recount them for monitoring; those that had the accurate path wait for it
    again. Returns how many were analysed."""
    limit = settings.ANALYSIS_REANALYSIS_BUDGET if budget is None else budget
    rows = stale_items(production_models(), limit)
    ids = [pk for pk, _ in rows]
    if not ids:
        return 0
    analyzed = analyze_items(ids)
    process_new_items(ids)
    had_accurate = [pk for pk, path in rows if path == AnalysisPath.ACCURATE]
    accurate_queue.request_accurate(had_accurate, AccurateReason.MODEL)
    return analyzed


def items_stored(item_ids: Sequence[int]) -> None:
    """Queue the after-store work for ``item_ids`` once the current transaction commits."""
    if item_ids:
        ids = list(item_ids)
        transaction.on_commit(lambda: process_stored_items.delay(ids))
