"""Platform-level tasks. ``ping`` proves a worker is alive and consuming (used by tests and ops)."""

from celery import shared_task


@shared_task(name="lantoa.core.ping")
def ping(value: str) -> str:
    return f"pong:{value}"
