"""When to retry a failed attempt and how long to wait first."""

import datetime as dt
from email.utils import parsedate_to_datetime

__all__ = ["RETRYABLE_STATUSES", "parse_retry_after", "retry_wait"]

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP-date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def retry_wait(*, attempt: int, base_s: float, retry_after_s: float | None) -> float:
    """Wait before retry number ``attempt`` (1-based): the server's wish, else exponential."""
    if retry_after_s is not None:
        return retry_after_s
    return base_s * 2 ** (attempt - 1)
