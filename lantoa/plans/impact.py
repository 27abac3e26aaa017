"""Items linked to an activity's outputs, counted and weighed before, during and after it.

Reach of an item is the sum of the numbers in its ``raw["engagement"]`` (likes, shares,
comments, views… as the connector recorded them) when present, else 1: an item with no
engagement figures still reached someone. Topic-level coverage and sentiment belong to the
monitoring layer and are not computed here.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = ["ImpactPoint", "Phase", "phase_of", "reach_of", "summarise"]


class Phase:
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"
    ORDER = (BEFORE, DURING, AFTER)


@dataclass(frozen=True, slots=True)
class ImpactPoint:
    phase: str
    items: int
    reach: int


def reach_of(raw: Mapping[str, Any] | None) -> int:
    engagement = (raw or {}).get("engagement")
    if isinstance(engagement, bool):
        return 1
    if isinstance(engagement, int) and engagement >= 0:
        return engagement
    if isinstance(engagement, Mapping):
        numbers = [v for v in engagement.values() if isinstance(v, int) and not isinstance(v, bool)]
        if numbers:
            return sum(max(0, n) for n in numbers)
    return 1


def phase_of(day: date, starts_on: date, ends_on: date) -> str:
    if day < starts_on:
        return Phase.BEFORE
    if day > ends_on:
        return Phase.AFTER
    return Phase.DURING


def summarise(
    items: Iterable[tuple[date | None, Mapping[str, Any] | None]],
    *,
    starts_on: date,
    ends_on: date,
    window_days: int = 30,
) -> list[ImpactPoint]:
    """Items (published day, raw) per phase; "before"/"after" span ``window_days`` each side.

    Items without a date, or outside the windows, are not counted in any phase.
    """
    first, last = starts_on - timedelta(days=window_days), ends_on + timedelta(days=window_days)
    counts = {phase: [0, 0] for phase in Phase.ORDER}
    for day, raw in items:
        if day is None or day < first or day > last:
            continue
        bucket = counts[phase_of(day, starts_on, ends_on)]
        bucket[0] += 1
        bucket[1] += reach_of(raw)
    return [ImpactPoint(phase, n, reach) for phase, (n, reach) in counts.items()]
