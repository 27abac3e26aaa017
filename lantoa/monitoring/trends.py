"""Dashboard figures from the trend counters only (never from items), plus forecast and anomalies.

Days are local calendar days (``TIME_ZONE``, Asia/Ho_Chi_Minh); counters are kept per UTC hour
and summed here. Scope 0 is every item the platform monitors: it is the denominator of a topic's
share of all items.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import BigIntegerField, Func, Sum
from django.utils import timezone

from lantoa.monitoring.detection.anomaly import alert_threshold, score_series
from lantoa.monitoring.detection.forecast import Forecast, SeriesKind, forecast_series
from lantoa.monitoring.models import TrendCounter
from lantoa.sources.models import Source, SourceKind

__all__ = [
    "DailySeries",
    "anomalies",
    "breakdown",
    "daily_series",
    "forecast",
    "local_today",
    "source_kinds",
    "top_sources",
]

SENTIMENTS = ("negative", "neutral", "positive", "")
FORECAST_DAYS = 14


@dataclass(frozen=True, slots=True, kw_only=True)
class DailySeries:
    """One value per local day, oldest first; ``sentiment[""]`` counts unanalysed items."""

    days: tuple[date, ...]
    volume: tuple[int, ...]
    sentiment: dict[str, tuple[int, ...]]

    def negative_share(self) -> tuple[float, ...]:
        """Negative items over analysed items, per day (0 when nothing was analysed)."""
        analysed = [
            sum(self.sentiment[s][i] for s in ("negative", "neutral", "positive"))
            for i in range(len(self.days))
        ]
        return tuple(
            (self.sentiment["negative"][i] / analysed[i]) if analysed[i] else 0.0
            for i in range(len(self.days))
        )


class EpochSeconds(Func):
    """Seconds since 1970 of a datetime column, as an integer.

    Hourly buckets come back as plain numbers: converting thousands of rows to aware datetimes
    costs more than the query itself.
    """

    output_field = BigIntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)"
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="CAST(EXTRACT(EPOCH FROM %(expressions)s) AS BIGINT)"
        )


def local_today() -> date:
    return timezone.localdate()


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def daily_series(scope: int, *, days: int, end: date | None = None) -> DailySeries:
    """``days`` local days ending with ``end`` (today by default), from the total counters."""
    last = end or local_today()
    first = last - timedelta(days=days - 1)
    calendar = tuple(first + timedelta(days=i) for i in range(days))
    # Local midnights as instants: an hourly bucket belongs to the day whose midnight is the last
    # one at or before it (one bisection per row instead of a time-zone conversion).
    midnights = [int(_start(day).timestamp()) for day in calendar]
    rows = (
        TrendCounter.objects.filter(
            scope=scope,
            dimension="total",
            bucket__gte=_start(first),
            bucket__lt=_start(last + timedelta(days=1)),
        )
        .annotate(epoch=EpochSeconds("bucket"))
        .values("epoch", "sentiment")
        .annotate(n=Sum("count"))
        .values_list("epoch", "sentiment", "n")
    )
    per_day: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SENTIMENTS, 0))
    for bucket, sentiment, n in rows:
        day = calendar[bisect_right(midnights, bucket) - 1]
        per_day[day][sentiment] = per_day[day].get(sentiment, 0) + int(n)
    return DailySeries(
        days=calendar,
        volume=tuple(sum(per_day[day].values()) for day in calendar),
        sentiment={s: tuple(per_day[day][s] for day in calendar) for s in SENTIMENTS},
    )


def breakdown(
    scope: int, dimension: str, *, since: date, until: date | None = None, limit: int = 10
) -> list[tuple[str, int]]:
    """Top values of a breakdown dimension (province, source, keyword, or channel of totals).

    Local days ``since`` to ``until`` inclusive (no end by default).
    """
    counters = TrendCounter.objects.filter(scope=scope, bucket__gte=_start(since))
    if until is not None:
        counters = counters.filter(bucket__lt=_start(until + timedelta(days=1)))
    if dimension == "channel":
        key, counters = "channel", counters.filter(dimension="total")
    else:
        key, counters = "value", counters.filter(dimension=dimension)
    rows = counters.values_list(key).annotate(n=Sum("count")).values_list(key, "n")
    ranked = [(str(value), int(n)) for value, n in rows]
    ranked = [pair for pair in ranked if pair[1] > 0]
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))[:limit]


def top_sources(
    scope: int, *, since: date, until: date | None = None, limit: int = 10
) -> list[tuple[str, int]]:
    ranked = breakdown(scope, "source", since=since, until=until, limit=limit)
    names = dict(
        Source.objects.filter(pk__in=[int(pk) for pk, _ in ranked]).values_list("pk", "name")
    )
    return [(names.get(int(pk), pk), n) for pk, n in ranked]


def source_kinds(scope: int, *, since: date, until: date | None = None) -> list[tuple[str, int]]:
    """Items per source kind (file sources split by their ``platform`` option), most first.

    Read from the ``source`` breakdown counters (one per item, keyed by source id, so they sum to
    the total) and one look-up of those sources: no item is scanned, and the counter rows read are
    bounded by scope and period through the counters' unique (scope, dimension, bucket, …) index.
    A source's current kind is used for its whole history (kinds are not changed in practice).
    """
    counters = TrendCounter.objects.filter(
        scope=scope, dimension="source", bucket__gte=_start(since)
    )
    if until is not None:
        counters = counters.filter(bucket__lt=_start(until + timedelta(days=1)))
    per_source = dict(
        counters.values_list("value").annotate(n=Sum("count")).values_list("value", "n")
    )
    ids = [int(pk) for pk in per_source if pk.isdigit()]
    labels = dict(SourceKind.choices)
    kinds: dict[str, int] = defaultdict(int)
    for pk, kind, options in Source.objects.filter(pk__in=ids).values_list("pk", "kind", "options"):
        platform = (options or {}).get("platform") if kind == SourceKind.FILE else None
        label = str(labels.get(kind, kind))
        kinds[f"{label} ({platform})" if platform else label] += int(per_source[str(pk)])
    ranked = [(label, n) for label, n in kinds.items() if n > 0]
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))


def forecast(series: tuple[float, ...] | tuple[int, ...], kind: SeriesKind) -> Forecast | None:
    """The next 14 days after ``series`` (weekly season), or None with fewer than 14 days."""
    if len(series) < FORECAST_DAYS:
        return None
    return forecast_series(
        values=[float(v) for v in series], season=7, horizon=FORECAST_DAYS, kind=kind
    )


def anomalies(
    series: tuple[float, ...] | tuple[int, ...], *, sensitivity: str = "balanced"
) -> list[int]:
    """Indexes of days the streaming detector flags at ``sensitivity``."""
    threshold = alert_threshold(sensitivity)
    scores = score_series(float(v) for v in series)
    return [index for index, score in enumerate(scores) if score >= threshold]
