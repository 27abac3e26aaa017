"""Store one connector entry as an item, in its own transaction, and say what happened.

Outcomes: ``stored`` (a new item), ``duplicate`` (this source already has it, by id, URL or
identical text). The unique constraint ``(source, external_id)`` is the final judge, so a
retried push or a re-imported file never creates a second row.
"""

import datetime as dt
from dataclasses import asdict
from enum import StrEnum
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from lantoa.content.dedup import compute_signature
from lantoa.content.models import Item, ItemKind
from lantoa.content.stories import assign_story
from lantoa.core.text import normalize_text
from lantoa.sources.connectors import Entry
from lantoa.sources.models import Source

__all__ = ["StoreOutcome", "external_id_of", "store_entry"]


class StoreOutcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"


def external_id_of(entry: Entry, text_hash: str) -> str:
    """The platform's id for social items, else the canonical URL, else the text's hash."""
    if entry.platform_id:
        return f"{entry.platform or 'post'}:{entry.platform_id}"
    return entry.url or f"sha256:{text_hash}"


def _published(value: dt.datetime | dt.date | None) -> tuple[dt.datetime | None, bool]:
    if value is None:
        return None, False
    if isinstance(value, dt.datetime):
        return (value if timezone.is_aware(value) else timezone.make_aware(value)), False
    return timezone.make_aware(dt.datetime.combine(value, dt.time(0, 0))), True


def _kind(entry: Entry) -> ItemKind:
    if entry.parent_id:
        return ItemKind.COMMENT
    return ItemKind.POST if entry.platform_id else ItemKind.ARTICLE


def _raw(entry: Entry) -> dict[str, Any]:
    raw: dict[str, Any] = dict(entry.metadata)
    if entry.platform:
        raw["platform"] = entry.platform
    if entry.engagement is not None:
        raw["engagement"] = {k: v for k, v in asdict(entry.engagement).items() if v is not None}
    if entry.parent_id:
        raw["parent_platform_id"] = entry.parent_id
    return raw


def _parent(source: Source, entry: Entry) -> Item | None:
    if not entry.parent_id:
        return None
    external_id = f"{entry.platform or 'post'}:{entry.parent_id}"
    return Item.objects.filter(source=source, external_id=external_id).first()


def store_entry(source: Source, entry: Entry) -> tuple[StoreOutcome, Item | None]:
    """Store ``entry`` for ``source`` unless it is already there; commit on its own."""
    text = normalize_text(entry.text)
    signature = compute_signature(text)
    external_id = external_id_of(entry, signature.content_hash)
    # An article seen under a second URL is a duplicate; two people posting the same words
    # are two posts, told apart by their platform ids.
    same_text = Item.objects.filter(source=source, content_hash=signature.content_hash)
    if not entry.platform_id and same_text.exists():
        return StoreOutcome.DUPLICATE, None
    published_at, date_only = _published(entry.published)
    try:
        with transaction.atomic():
            item = Item.objects.create(
                source=source,
                external_id=external_id[:512],
                kind=_kind(entry),
                url=entry.url or "",
                canonical_url=entry.url or "",
                title=normalize_text(entry.title)[:1000],
                text=text,
                author=(entry.author or "")[:255],
                published_at=published_at,
                published_date_only=date_only,
                language=entry.language,
                content_hash=signature.content_hash,
                parent=_parent(source, entry),
                raw=_raw(entry),
                signature=signature.to_bytes(),
            )
            assign_story(item, signature)
    except IntegrityError:
        return StoreOutcome.DUPLICATE, None
    return StoreOutcome.STORED, item
