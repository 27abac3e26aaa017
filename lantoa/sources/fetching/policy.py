"""The knobs of polite, bounded fetching, with the defaults production uses."""

from dataclasses import dataclass

__all__ = ["DEFAULT_USER_AGENT", "FetchPolicy"]

DEFAULT_USER_AGENT = "LantoaBot/0.1 (+https://lantoa.vn/bot; bot@lantoa.vn)"


@dataclass(frozen=True, kw_only=True)
class FetchPolicy:
    """Limits for one fetcher. Durations are seconds; sizes are bytes.

    ``total_timeout_s`` bounds a whole attempt, so a server trickling one byte per
    ``read_timeout_s`` cannot hold a worker forever. Retries apply to 429, 5xx, timeouts and
    network errors, waiting ``backoff_base_s * 2**n`` (or the server's Retry-After) but never
    more than ``max_retry_wait_s``; a longer Retry-After ends the fetch as rate limited.
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    total_timeout_s: float = 60.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 3
    backoff_base_s: float = 1.0
    max_retry_wait_s: float = 60.0
    min_host_delay_s: float = 1.0
    max_host_concurrency: int = 2
    robots_ttl_s: float = 6 * 3600.0
    respect_robots: bool = True
