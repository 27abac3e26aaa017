"""Topic coverage and sentiment before, during and after an activity (for plans' impact section).

Read from the trend counters only. The plans app calls :func:`topic_phase_summary` with the
topic a policy is watched by and an activity's dates; it returns plain JSON-ready data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from lantoa.monitoring import trends
from lantoa.monitoring.counters import ALL_ITEMS

__all__ = ["topic_phase_summary"]

_SENTIMENTS = ("negative", "neutral", "positive")


def _phase(
    topic: trends.DailySeries, overall: trends.DailySeries, first: int, last: int
) -> dict[str, Any]:
    """Figures for days ``first``..``last`` (indexes into both series, inclusive)."""
    window = range(first, last + 1)
    items = sum(topic.volume[i] for i in window)
    counts = {s: sum(topic.sentiment[s][i] for i in window) for s in _SENTIMENTS}
    analysed = sum(counts.values())
    everything = sum(overall.volume[i] for i in window)
    return {
        "start": topic.days[first].isoformat(),
        "end": topic.days[last].isoformat(),
        "days": len(window),
        "items": items,
        "items_per_day": round(items / len(window), 2),
        "share_of_all_items": round(items / everything, 4) if everything else None,
        "sentiment": {**counts, "unanalysed": items - analysed},
        "sentiment_share": {
            s: (round(counts[s] / analysed, 4) if analysed else None) for s in _SENTIMENTS
        },
    }


def topic_phase_summary(
    topic_id: int, start: date, end: date, before_days: int = 30, after_days: int = 30
) -> dict[str, Any]:
    """Counts and sentiment shares of a topic before, during and after ``start``..``end``.

    Phases are local calendar days: ``before`` is the ``before_days`` days ending the day before
    ``start``, ``during`` is ``start``..``end`` inclusive, ``after`` the ``after_days`` days from
    the day after ``end``. Shares are fractions of analysed items (None when none is analysed);
    ``share_of_all_items`` is the topic's part of every monitored item. Days in the future count
    as zero, so ``after`` of an activity that just ended is partial: ``complete`` says so.
    """
    if end < start:
        raise ValueError("end must not be before start")
    if before_days < 1 or after_days < 1:
        raise ValueError("before_days and after_days must be at least 1")
    first = start - timedelta(days=before_days)
    last = end + timedelta(days=after_days)
    span = (last - first).days + 1
    topic = trends.daily_series(topic_id, days=span, end=last)
    overall = trends.daily_series(ALL_ITEMS, days=span, end=last)
    during_first = before_days
    during_last = during_first + (end - start).days
    return {
        "topic_id": topic_id,
        "before": _phase(topic, overall, 0, during_first - 1),
        "during": _phase(topic, overall, during_first, during_last),
        "after": _phase(topic, overall, during_last + 1, span - 1),
        "complete": last < trends.local_today(),
    }
