"""Items linked to an activity's outputs, counted and weighed before, during and after it.

Reach of an item is the sum of the numbers in its ``raw["engagement"]`` (likes, shares,
comments, views… as the connector recorded them) when present, else 1: an item with no
engagement figures still reached someone. Topic-level coverage and sentiment are computed by
the monitoring layer; :class:`TopicImpact` carries its summary and :func:`topic_rows` lays it out.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = [
    "ImpactPoint",
    "Phase",
    "TopicImpact",
    "TopicRow",
    "phase_of",
    "reach_of",
    "summarise",
    "topic_rows",
]


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


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicImpact:
    """One policy's monitoring topic around a window; ``summary`` is None without a topic.

    ``summary`` is :func:`lantoa.monitoring.impact.topic_phase_summary`'s result.
    """

    policy: str
    topic: str | None
    summary: Mapping[str, Any] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicRow:
    """One phase of a topic summary, as shown: shares in per cent (None when unknown)."""

    phase: str
    items: int
    items_per_day: float
    share_percent: float | None
    negative_percent: float | None
    neutral_percent: float | None
    positive_percent: float | None


def _percent(fraction: float | None) -> float | None:
    return None if fraction is None else round(100 * fraction, 1)


def topic_rows(summary: Mapping[str, Any]) -> list[TopicRow]:
    rows = []
    for phase in Phase.ORDER:
        figures = summary[phase]
        shares = figures["sentiment_share"]
        rows.append(
            TopicRow(
                phase=phase,
                items=figures["items"],
                items_per_day=figures["items_per_day"],
                share_percent=_percent(figures["share_of_all_items"]),
                negative_percent=_percent(shares["negative"]),
                neutral_percent=_percent(shares["neutral"]),
                positive_percent=_percent(shares["positive"]),
            )
        )
    return rows
