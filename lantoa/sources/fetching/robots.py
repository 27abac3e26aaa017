"""robots.txt, fetched once per host and cached, answering "may LantoaBot fetch this URL?".

Only a robots.txt served with a 2xx status is parsed. Any other answer (404, 403, 5xx, no
connection) means "no rules": an operator registered this source on purpose, and a broken
robots.txt on a provincial portal must not silence it. Rules that exist are always obeyed,
including ``Crawl-delay``, which raises the per-host politeness delay (up to a cap).
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

__all__ = ["RobotsCache", "RobotsFile", "robots_url"]

MAX_CRAWL_DELAY_S = 30.0


@dataclass(frozen=True, kw_only=True)
class RobotsFile:
    """A fetched robots.txt: HTTP status (None when unreachable) and its text."""

    status: int | None
    text: str


def robots_url(url: str) -> str:
    """The robots.txt URL governing ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def _parser(robots: RobotsFile) -> RobotFileParser | None:
    if robots.status is None or not 200 <= robots.status < 300:
        return None
    parser = RobotFileParser()
    parser.parse(robots.text.splitlines())
    return parser


class RobotsCache:
    """Per-host robots.txt rules, refreshed after ``ttl_s``; safe to share between threads."""

    def __init__(
        self,
        *,
        load: Callable[[str], RobotsFile],
        user_agent: str,
        ttl_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._load = load
        self._user_agent = user_agent
        self._ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, RobotFileParser | None]] = {}

    def _rules(self, url: str) -> RobotFileParser | None:
        key = robots_url(url)
        with self._lock:
            cached = self._entries.get(key)
        if cached is not None and self._clock() - cached[0] < self._ttl_s:
            return cached[1]
        rules = _parser(self._load(key))
        with self._lock:
            self._entries[key] = (self._clock(), rules)
        return rules

    def allows(self, url: str) -> bool:
        """True when robots.txt lets our user agent fetch ``url``."""
        rules = self._rules(url)
        return rules is None or rules.can_fetch(self._user_agent, url)

    def crawl_delay(self, url: str) -> float:
        """The host's Crawl-delay for our user agent in seconds (0 when none), capped."""
        rules = self._rules(url)
        delay = rules.crawl_delay(self._user_agent) if rules else None
        return min(float(delay or 0.0), MAX_CRAWL_DELAY_S)
