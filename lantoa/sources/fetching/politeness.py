"""Per-host politeness: requests to one host start at least a delay apart, few at a time."""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["HostGate"]


class HostGate:
    """Admit requests per host: at most ``max_concurrency`` in flight, starts spaced by a delay.

    Each caller reserves the next free start time under a lock and then sleeps outside it, so
    waiting for one slow host never blocks requests to other hosts.
    """

    def __init__(
        self,
        *,
        min_delay_s: float,
        max_concurrency: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._min_delay_s = min_delay_s
        self._max_concurrency = max_concurrency
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    def _semaphore(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.BoundedSemaphore(self._max_concurrency))

    def _reserve_start(self, host: str, delay_s: float) -> float:
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + delay_s
            return start - now

    @contextmanager
    def slot(self, host: str, *, extra_delay_s: float = 0.0) -> Iterator[None]:
        """Hold one of ``host``'s slots, starting no sooner than its delay allows."""
        semaphore = self._semaphore(host)
        with semaphore:
            wait = self._reserve_start(host, max(self._min_delay_s, extra_delay_s))
            if wait > 0:
                self._sleep(wait)
            yield
