"""Serialise items for export: one stable record shape shared by every format."""

import csv
import json
from collections.abc import Generator, Iterable
from typing import Any, Protocol

from django.utils import timezone

from lantoa.content.models import Item


class TextSink(Protocol):
    def write(self, text: str, /) -> object: ...


__all__ = ["EXPORT_FIELDS", "export_record", "iterate", "write_csv", "write_jsonl"]

EXPORT_FIELDS = (
    "id",
    "url",
    "canonical_url",
    "title",
    "published",
    "fetched",
    "text",
    "language",
    "source_id",
    "story_id",
    "kind",
    "author",
    "parent_id",
)


def _published(item: Item) -> str | None:
    """ISO 8601 with offset in Asia/Ho_Chi_Minh, or the date alone when the source gave no time."""
    if item.published_at is None:
        return None
    local = timezone.localtime(item.published_at)
    return local.date().isoformat() if item.published_date_only else local.isoformat()


def export_record(item: Item) -> dict[str, Any]:
    return {
        "id": item.pk,
        "url": item.url,
        "canonical_url": item.canonical_url,
        "title": item.title,
        "published": _published(item),
        "fetched": timezone.localtime(item.fetched_at).isoformat(),
        "text": item.text,
        "language": item.language,
        "source_id": item.source_id,
        "story_id": item.story_id,
        "kind": item.kind,
        "author": item.author,
        "parent_id": item.parent_id,
    }


def write_jsonl(items: Iterable[Item], out: TextSink) -> int:
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007
        out.write(json.dumps(export_record(item), ensure_ascii=False) + "\n")
    return count


def write_csv(items: Iterable[Item], out: TextSink) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007
        writer.writerow(export_record(item))
    return count


def iterate(queryset: Any) -> Generator[Item]:
    """Stream ``queryset`` by id; a generator, so callers can close it while the database is open."""
    yield from queryset.order_by("id").iterator(chunk_size=2000)
