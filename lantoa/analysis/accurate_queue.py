"""The accurate path's queue: which items get the slower, better models, and in what order.

Every item gets the fast path when it is stored. The accurate path (``recipes``: character
n-grams and e5 sentence embeddings, 2-75 texts/s by length) is for the items officers look
at: the ones an officer opens, those that repeat a known claim, and those matching an active
topic, which feed dashboards and alerts. They wait here, served in that order and newest
first within a reason, and a periodic task analyses at most ``ANALYSIS_ACCURATE_BUDGET`` of
them per run (``content.pipeline.process_accurate_queue``), so a burst of matches never
starves the rest of the machine. An item already labelled by the accurate path is not queued
again; the fast path labelling it anew (a model update) makes it eligible once more.
"""

from collections.abc import Iterable

from django.conf import settings

from lantoa.analysis.models import AccurateReason, AccurateRequest, AnalysisPath, ItemAnalysis
from lantoa.analysis.registry import has_accurate_models

__all__ = ["PRIORITY", "finish", "next_batch", "request_accurate", "waiting"]

# The order of AccurateReason is the order of service: 0 is served first.
PRIORITY = {reason: rank for rank, reason in enumerate(AccurateReason)}


def request_accurate(item_ids: Iterable[int], reason: AccurateReason) -> int:
    """Queue items for the accurate path; returns how many wait for it now.

    Items already labelled by the accurate path are left out, and nothing is queued while no
    accurate model is trained. An item queued for a later-served reason moves up to this one.
    """
    wanted = set(item_ids)
    if not wanted or not has_accurate_models(settings.LANTOA_DATA_DIR):
        return 0
    wanted -= set(
        ItemAnalysis.objects.filter(item_id__in=wanted, path=AnalysisPath.ACCURATE).values_list(
            "item_id", flat=True
        )
    )
    priority = PRIORITY[reason]
    AccurateRequest.objects.bulk_create(
        [AccurateRequest(item_id=pk, reason=reason, priority=priority) for pk in sorted(wanted)],
        ignore_conflicts=True,
    )
    AccurateRequest.objects.filter(item_id__in=wanted, priority__gt=priority).update(
        priority=priority, reason=reason
    )
    return len(wanted)


def next_batch(budget: int) -> list[int]:
    """The ids of the next ``budget`` queued items, in order of service."""
    ordered = AccurateRequest.objects.order_by("priority", "-requested_at", "-item_id")
    return list(ordered.values_list("item_id", flat=True)[: max(budget, 0)])


def finish(item_ids: Iterable[int]) -> None:
    """Take these items off the queue (they have been analysed, or are gone)."""
    AccurateRequest.objects.filter(item_id__in=list(item_ids)).delete()


def waiting() -> int:
    """How many items wait for the accurate path."""
    return AccurateRequest.objects.count()
