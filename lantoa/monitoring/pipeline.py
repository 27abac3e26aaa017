"""What monitoring does with items: index them, tag them with topics, count them.

:func:`process_new_items` is the ingestion hook (call it after storing items, and again after
analysing them: it is idempotent). It touches only the given items — never a rescan.
:func:`backfill_topic` is the retroactive scan run when a topic is created or edited, in id
batches with its progress recorded on a :class:`~lantoa.monitoring.models.TopicBackfill`; the
items it newly tags are queued for the accurate path, as new items matching a topic are.

A topic tags only items its owner may read (shared sources, or sources owned by the owner or
an organisation below it), so a topic's counts never reveal another agency's private items.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from lantoa.analysis import accurate_queue
from lantoa.analysis.models import AccurateReason
from lantoa.content.models import Item
from lantoa.monitoring import counters, search_index
from lantoa.monitoring.models import BackfillStatus, ItemTopic, Topic, TopicBackfill
from lantoa.monitoring.query import Query, QueryError, Tagger, parse, prepare

__all__ = ["BACKFILL_BATCH", "backfill_topic", "process_new_items", "topic_items"]

BACKFILL_BATCH = 2000


def process_new_items(item_ids: list[int]) -> None:
    """Index, tag and count the given items (idempotent; safe to call again for the same ids)."""
    ids = sorted(set(item_ids))
    for start in range(0, len(ids), 500):
        _process_chunk(ids[start : start + 500])


def _process_chunk(ids: list[int]) -> None:
    items = list(Item.objects.filter(pk__in=ids).select_related("source", "source__owner"))
    topics = _active_topics()
    tagger = Tagger({topic.pk: query for topic, query in topics}) if topics else None
    owner_paths = {topic.pk: topic.owner.path for topic, _ in topics}
    prepared = [(item, prepare(search_index.document_of(item))) for item in items]
    with transaction.atomic():
        search_index.index_documents([(item.pk, document) for item, document in prepared])
        wanted: list[ItemTopic] = []
        for item, document in prepared:
            found = tagger.tag(document) if tagger else set()
            wanted += [
                ItemTopic(item=item, topic_id=topic_id)
                for topic_id in found
                if _readable(owner_paths[topic_id], item)
            ]
        keep = {(tag.item_id, tag.topic_id) for tag in wanted}
        stale = ItemTopic.objects.filter(item_id__in=ids, topic_id__in=owner_paths).values_list(
            "pk", "item_id", "topic_id"
        )
        ItemTopic.objects.filter(
            pk__in=[pk for pk, item_id, topic_id in stale if (item_id, topic_id) not in keep]
        ).delete()
        ItemTopic.objects.bulk_create(wanted, ignore_conflicts=True)
        counters.recount(ids)


def _active_topics() -> list[tuple[Topic, Query]]:
    found = []
    for topic in Topic.objects.filter(active=True).select_related("owner"):
        try:
            found.append((topic, parse(topic.query, exact=topic.exact)))
        except QueryError:
            continue  # saved before a stricter parser; the topic page shows the error
    return found


def _readable(owner_path: str, item: Item) -> bool:
    return item.source.is_shared or item.source.owner.path.startswith(owner_path)


def topic_items(topic: Topic) -> QuerySet[Item]:
    """Items the topic's owner may read (the universe a topic tags)."""
    return Item.objects.filter(
        Q(source__is_shared=True) | Q(source__owner__path__startswith=topic.owner.path)
    )


def backfill_topic(backfill_id: int) -> TopicBackfill:
    """Re-tag every readable item for the backfill's topic, in batches; resumable, idempotent."""
    backfill = TopicBackfill.objects.select_related("topic", "topic__owner").get(pk=backfill_id)
    if backfill.status == BackfillStatus.DONE:
        return backfill
    topic = backfill.topic
    universe = topic_items(topic).order_by("pk")
    backfill.status = BackfillStatus.RUNNING
    backfill.total = universe.count()
    backfill.save(update_fields=["status", "total"])
    try:
        query = parse(topic.query, exact=topic.exact) if topic.active else None
    except QueryError as error:
        return _finish(backfill, BackfillStatus.FAILED, error.message)
    while True:
        batch = list(
            universe.filter(pk__gt=backfill.last_item_id).values_list("pk", flat=True)[
                :BACKFILL_BATCH
            ]
        )
        if not batch:
            return _finish(backfill, BackfillStatus.DONE, "")
        matched = _retag_batch(topic, query, batch)
        backfill.processed += len(batch)
        backfill.matched += matched
        backfill.last_item_id = batch[-1]
        backfill.save(update_fields=["processed", "matched", "last_item_id"])


def _retag_batch(topic: Topic, query: Query | None, batch: list[int]) -> int:
    candidates = topic_items(topic).filter(pk__gte=batch[0], pk__lte=batch[-1])
    found = (
        set(search_index.matching(candidates, query).values_list("pk", flat=True))
        if query
        else set()
    )
    with transaction.atomic():
        existing = set(
            ItemTopic.objects.filter(topic=topic, item_id__in=batch).values_list(
                "item_id", flat=True
            )
        )
        removed, added = existing - found, found - existing
        ItemTopic.objects.filter(topic=topic, item_id__in=removed).delete()
        ItemTopic.objects.bulk_create(
            [ItemTopic(item_id=pk, topic=topic) for pk in added], ignore_conflicts=True
        )
        counters.recount(removed | added)
    # what a topic newly matches feeds its dashboard and alerts, as new items matching it do
    accurate_queue.request_accurate(added, AccurateReason.TOPIC)
    return len(found)


def _finish(backfill: TopicBackfill, status: str, error: str) -> TopicBackfill:
    backfill.status = status
    backfill.error = error
    backfill.finished_at = timezone.now()
    backfill.save(update_fields=["status", "error", "finished_at"])
    return backfill


def reindex_items(item_ids: Iterable[int]) -> int:
    """Rewrite only the search index rows of the given items; returns how many."""
    ids = list(item_ids)
    written = 0
    for start in range(0, len(ids), 1000):
        chunk = Item.objects.filter(pk__in=ids[start : start + 1000]).select_related("source")
        with transaction.atomic():
            written += search_index.index_items(chunk)
    return written
