"""Background work of monitoring: thin wrappers over domain functions, idempotent on retry."""

from celery import shared_task

from lantoa.monitoring import pipeline


@shared_task(name="lantoa.monitoring.backfill_topic")
def backfill_topic_task(backfill_id: int) -> int:
    """Retroactively tag existing items for a topic; resumes where a failed run stopped."""
    return pipeline.backfill_topic(backfill_id).matched


@shared_task(name="lantoa.monitoring.process_new_items")
def process_new_items_task(item_ids: list[int]) -> None:
    pipeline.process_new_items(item_ids)
