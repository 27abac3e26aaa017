"""What happens to items after they are stored: analysis, then monitoring.

``source → item → analysis → trends → alerts``: ingestion calls ``items_stored`` with the ids it
stored; the work runs as a Celery task queued after the transaction commits (in-process in the
embedded default). Both steps are idempotent, so a retried task changes nothing.
"""

from collections.abc import Sequence

from celery import shared_task
from django.db import transaction

from lantoa.analysis.storing import analyze_items
from lantoa.factcheck.linking import match_new_items
from lantoa.monitoring.pipeline import process_new_items

__all__ = ["items_stored", "process_stored_items"]


@shared_task(name="lantoa.content.pipeline.process_stored_items")
def process_stored_items(item_ids: list[int]) -> int:
    """Analyse the items, tag, index and count them for monitoring, then match known claims."""
    analyze_items(item_ids)
    process_new_items(item_ids)
    match_new_items(item_ids)
    return len(item_ids)


def items_stored(item_ids: Sequence[int]) -> None:
    """Queue the after-store work for ``item_ids`` once the current transaction commits."""
    if item_ids:
        ids = list(item_ids)
        transaction.on_commit(lambda: process_stored_items.delay(ids))
