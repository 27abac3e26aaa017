"""Background tasks for sources: thin wrappers over ``polling``; safe to retry (claims + unique keys)."""

import logging
import threading

from celery import shared_task

from lantoa.sources.fetching import Fetcher
from lantoa.sources.polling import due_source_ids, poll_source

logger = logging.getLogger(__name__)
_local = threading.local()


def shared_fetcher() -> Fetcher:
    """One fetcher per thread, so per-host politeness and robots caches are shared by polls."""
    if not hasattr(_local, "fetcher"):
        _local.fetcher = Fetcher()
    fetcher: Fetcher = _local.fetcher
    return fetcher


@shared_task(name="lantoa.sources.tasks.poll_one_source")
def poll_one_source(source_id: int) -> dict[str, object] | None:
    run = poll_source(source_id, fetcher=shared_fetcher())
    if run is None:
        return None
    return {"source": source_id, "outcome": run.outcome, "stored": run.stored}


@shared_task(name="lantoa.sources.tasks.poll_due_sources")
def poll_due_sources() -> int:
    """Poll every due source in turn; returns how many were read."""
    read = 0
    for source_id in due_source_ids():
        try:
            if poll_one_source(source_id) is not None:
                read += 1
        except Exception:
            logger.exception(
                "Polling source %s failed; its claim expires and it is retried", source_id
            )
    return read
