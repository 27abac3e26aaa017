"""Incrementally maintained trend counters, so dashboards never scan items.

Each item contributes a set of counter keys (see :class:`~lantoa.monitoring.models.TrendCounter`)
computed from its hour, kind, analysis and topics. :func:`recount` compares that set with the one
recorded in :class:`~lantoa.monitoring.models.CountedItem` and applies only the difference, with
``INSERT … ON CONFLICT DO UPDATE SET count = count + n`` (the same SQL on SQLite and PostgreSQL).
Re-processing an item therefore never double counts, and an item analysed after it was first
counted moves from the "not analysed" bucket to its sentiment.

Items without analysis are counted under volume only (empty sentiment, no province, no keyword).

Only the ``total`` dimension is split by sentiment and channel: every reader of the breakdowns
(province, source, keyword) sums over both, so those counters leave them empty, which makes
them up to twelve times fewer rows to sum on a dashboard. Rows written with the split by an
earlier version still sum to the same figures, and :func:`recount` moves an item's keys over
whenever it is processed again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction

from lantoa.analysis.models import ItemAnalysis
from lantoa.content.models import Item
from lantoa.monitoring.models import CountedItem, ItemTopic

__all__ = ["ALL_ITEMS", "CounterKey", "ItemFacts", "counter_keys", "recount"]

ALL_ITEMS = 0
MAX_KEYWORDS = 8
_TABLE = "monitoring_trendcounter"
_UPSERT = (
    f"INSERT INTO {_TABLE} (scope, dimension, bucket, value, sentiment, channel, count) "  # noqa: S608
    "VALUES (%s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (scope, dimension, bucket, value, sentiment, channel) "
    f"DO UPDATE SET count = {_TABLE}.count + excluded.count"
)

CounterKey = tuple[
    int, str, str, str, str, str
]  # scope, dimension, bucket ISO, value, sentiment, channel


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemFacts:
    """What the counters need to know about one item."""

    hour: datetime
    channel: str
    source_id: int
    sentiment: str
    provinces: tuple[str, ...]
    keywords: tuple[str, ...]
    topics: tuple[int, ...]


def counter_keys(facts: ItemFacts) -> set[CounterKey]:
    """Every counter one item adds 1 to."""
    bucket = facts.hour.astimezone(UTC).replace(minute=0, second=0, microsecond=0).isoformat()
    breakdowns = [("source", str(facts.source_id))]
    breakdowns += [("province", name[:200]) for name in facts.provinces]
    breakdowns += [("keyword", word[:200]) for word in facts.keywords[:MAX_KEYWORDS]]
    keys: set[CounterKey] = set()
    for scope in (ALL_ITEMS, *facts.topics):
        keys.add((scope, "total", bucket, "", facts.sentiment, facts.channel))
        keys.update((scope, dimension, bucket, value, "", "") for dimension, value in breakdowns)
    return keys


def recount(item_ids: Iterable[int]) -> int:
    """Bring the counters in line with the items' current state; returns keys changed."""
    ids = sorted(set(item_ids))
    changed = 0
    for start in range(0, len(ids), 1000):
        changed += _recount_chunk(ids[start : start + 1000])
    return changed


def _recount_chunk(ids: list[int]) -> int:
    facts = _facts(ids)
    delta: Counter[CounterKey] = Counter()
    with transaction.atomic():
        recorded = {
            row.pk: row for row in CountedItem.objects.select_for_update().filter(pk__in=ids)
        }
        new_rows, updated_rows = [], []
        for pk in ids:
            keys = counter_keys(facts[pk]) if pk in facts else set()
            old = {tuple(key) for key in recorded[pk].keys} if pk in recorded else set()
            if keys == old:
                continue
            delta.update(keys - old)
            delta.subtract(old - keys)
            payload = sorted(list(key) for key in keys)
            if pk in recorded:
                recorded[pk].keys = payload
                updated_rows.append(recorded[pk])
            elif pk in facts:
                new_rows.append(CountedItem(pk=pk, keys=payload))
        CountedItem.objects.bulk_create(new_rows)
        CountedItem.objects.bulk_update(updated_rows, ["keys"])
        _apply(delta)
    return sum(1 for count in delta.values() if count)


def _apply(delta: Counter[CounterKey]) -> None:
    adapt = connection.ops.adapt_datetimefield_value
    rows = [
        [scope, dimension, adapt(datetime.fromisoformat(bucket)), value, sentiment, channel, n]
        for (scope, dimension, bucket, value, sentiment, channel), n in sorted(delta.items())
        if n
    ]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(_UPSERT, rows)


def _facts(ids: list[int]) -> dict[int, ItemFacts]:
    items = Item.objects.filter(pk__in=ids).values_list(
        "pk", "published_at", "fetched_at", "kind", "source_id"
    )
    analyses = {
        row["item_id"]: row
        for row in ItemAnalysis.objects.filter(item_id__in=ids).values(
            "item_id", "sentiment", "provinces", "keywords"
        )
    }
    topics: dict[int, list[int]] = {}
    for item_id, topic_id in ItemTopic.objects.filter(item_id__in=ids).values_list(
        "item_id", "topic_id"
    ):
        topics.setdefault(item_id, []).append(topic_id)
    facts = {}
    for pk, published, fetched, kind, source_id in items:
        analysis = analyses.get(pk)
        facts[pk] = ItemFacts(
            hour=published or fetched,
            channel=kind,
            source_id=source_id,
            sentiment=analysis["sentiment"] if analysis else "",
            provinces=tuple(sorted(set(analysis["provinces"] or []))) if analysis else (),
            keywords=tuple(analysis["keywords"] or []) if analysis else (),
            topics=tuple(sorted(topics.get(pk, []))),
        )
    return facts
