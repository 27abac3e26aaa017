"""Load the generated demo corpus into the database, idempotently and in large batches.

Demo sources belong to the Government node and are shared with every agency; they point at
``.invalid`` hosts, so they are created paused: nothing will try to fetch them. Each demo
policy is also a monitoring topic of the Government node, created before the items so that
processing tags them (a topic added to an already seeded database is backfilled instead).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from django.db import connection, transaction
from django.db.models import QuerySet

from lantoa.accounts.models import Organization
from lantoa.accounts.setup import GOVERNMENT_CODE, load_reference_data
from lantoa.content.demo import DemoItem, demo_policies, demo_sources, generate_items
from lantoa.content.models import Item, ItemKind
from lantoa.content.pipeline import process_stored_items
from lantoa.core.text import content_hash
from lantoa.monitoring.actions import start_backfill
from lantoa.monitoring.models import Topic
from lantoa.sources.models import Source, SourceKind, SourceStatus

__all__ = ["SeedReport", "seed_demo"]

BATCH_SIZE = 5000
_ITEM_KINDS = {"article": ItemKind.ARTICLE, "post": ItemKind.POST, "comment": ItemKind.COMMENT}


@dataclass(frozen=True, slots=True)
class SeedReport:
    sources: int
    items_before: int
    items_after: int

    @property
    def created(self) -> int:
        return self.items_after - self.items_before


def _ensure_demo_sources() -> dict[str, Source]:
    owner = Organization.objects.get(code=GOVERNMENT_CODE)
    sources = {}
    for demo in demo_sources():
        source, _ = Source.objects.update_or_create(
            owner=owner,
            kind=SourceKind(demo.kind),
            url=demo.url,
            defaults={
                "name": demo.name,
                "is_shared": True,
                "status": SourceStatus.PAUSED,
                "options": {"demo": True, "demo_key": demo.key, "platform": demo.platform},
            },
        )
        sources[demo.key] = source
    return sources


def _batches(items: Iterable[DemoItem]) -> Iterator[list[DemoItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def _ensure_demo_topics(*, backfill: bool) -> None:
    owner = Organization.objects.get(code=GOVERNMENT_CODE)
    for policy in demo_policies():
        topic, created = Topic.objects.get_or_create(
            owner=owner, name=f"[Mẫu] {policy.name}", defaults={"query": policy.query}
        )
        if created and backfill:
            start_backfill(topic)


def _to_row(demo: DemoItem, source: Source, post_ids: dict[str, int]) -> Item:
    return Item(
        source=source,
        external_id=demo.key,
        kind=_ITEM_KINDS[demo.kind],
        url=demo.url,
        canonical_url=demo.url,
        title=demo.title,
        text=demo.text,
        author=demo.author,
        published_at=demo.published,
        language="vi",
        content_hash=content_hash(demo.text),
        parent_id=post_ids.get(demo.parent_key) if demo.parent_key else None,
        raw={
            "demo": True,
            "policy": demo.policy_slug,
            "province": demo.province,
            "sentiment": demo.sentiment,
            "engagement": demo.engagement,
            "reprint_of": demo.reprint_of,
        },
    )


def _insert(batch: list[DemoItem], sources: dict[str, Source], post_ids: dict[str, int]) -> None:
    """Insert one batch; comments whose post is in the same batch go in after their posts."""
    first = [d for d in batch if not (d.parent_key and d.parent_key not in post_ids)]
    later = [d for d in batch if d.parent_key and d.parent_key not in post_ids]
    for part in (first, later):
        with transaction.atomic():
            Item.objects.bulk_create(
                [_to_row(d, sources[d.source_key], post_ids) for d in part], ignore_conflicts=True
            )
        post_keys = [d.key for d in part if d.kind == "post"]
        if post_keys:
            post_ids.update(
                Item.objects.filter(
                    source_id__in=[s.pk for s in sources.values()], external_id__in=post_keys
                ).values_list("external_id", "id")
            )


def _process_unanalysed(demo_items: QuerySet[Item]) -> None:
    """Run the after-store pipeline on demo items that have not been through it yet."""
    pending = demo_items.filter(analysis__isnull=True).order_by("pk").values_list("pk", flat=True)
    ids = list(pending)
    for start in range(0, len(ids), BATCH_SIZE):
        process_stored_items(ids[start : start + BATCH_SIZE])


def _refresh_planner_statistics() -> None:
    """Let the query planner see the bulk load now rather than at the next autovacuum.

    Without statistics PostgreSQL takes a common search word for a rare one and sorts a
    hundred thousand matches instead of walking the date index.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "PRAGMA optimize")


def seed_demo(
    *, items: int, seed: int, end: date, days: int = 90, process: bool = True
) -> SeedReport:
    """Create reference data, demo sources and ``items`` demo items; re-running adds nothing.

    With ``process`` the items are analysed and handed to monitoring like ingested ones.
    """
    load_reference_data()
    sources = _ensure_demo_sources()
    demo_items = Item.objects.filter(source__in=sources.values())
    before = demo_items.count()
    _ensure_demo_topics(backfill=before > 0)
    post_ids: dict[str, int] = {}
    for batch in _batches(generate_items(seed=seed, count=items, end=end, days=days)):
        _insert(batch, sources, post_ids)
    if process:
        _process_unanalysed(demo_items)
    _refresh_planner_statistics()
    return SeedReport(sources=len(sources), items_before=before, items_after=demo_items.count())
