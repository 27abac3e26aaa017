"""Assign stored items to stories with the process's near-duplicate index.

The index (``lantoa.content.dedup.StoryIndex``) lives in memory. This process's own items go
into it directly; every ``CATCH_UP_EVERY`` it also catches up with items stored since it last
looked by any process, from the signatures saved on the items — so several workers agree on
stories without a shared server (an item another worker stored in the last moments may start
its own story). A story's key in the index is the id of its first item. The index holds a
rolling window of recent items.
"""

import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from lantoa.content.dedup import StoryIndex, TextSignature
from lantoa.content.models import Item, Story

__all__ = ["WINDOW", "assign_story", "reset_story_index"]

WINDOW = timedelta(days=30)
CATCH_UP_EVERY = 2.0  # seconds


@dataclass
class _IndexState:
    index: StoryIndex = field(default_factory=StoryIndex)
    last_id: int = 0
    caught_up_at: float = float("-inf")


_lock = threading.Lock()
_state = _IndexState()


def reset_story_index() -> None:
    """Forget the in-memory index (tests, and after a bulk delete)."""
    global _state
    with _lock:
        _state = _IndexState()


def _index() -> StoryIndex:
    """The process's index, caught up with other processes' items when it is time."""
    if time.monotonic() - _state.caught_up_at >= CATCH_UP_EVERY:
        _state.last_id = _catch_up(_state.index, _state.last_id)
        _state.caught_up_at = time.monotonic()
    return _state.index


def _catch_up(index: StoryIndex, last_id: int) -> int:
    """Add items stored since ``last_id`` (within the window) under their stored stories."""
    recent = (
        Item.objects.filter(pk__gt=last_id, signature__isnull=False, story__isnull=False)
        .filter(fetched_at__gte=timezone.now() - WINDOW)
        .order_by("pk")
        .values_list("pk", "signature", "story__first_item_id")
    )
    for pk, signature, first_item_id in recent.iterator(chunk_size=2000):
        if signature is not None and index.story_of(str(pk)) is None:
            index.add(
                item_key=str(pk),
                signature=TextSignature.from_bytes(bytes(signature)),
                story_key=str(first_item_id),
            )
        last_id = pk
    return last_id


def assign_story(item: Item, signature: TextSignature) -> Story:
    """File ``item`` (already saved, with its signature) under an existing or a new story."""
    with _lock:
        match = _index().add(item_key=str(item.pk), signature=signature)
        story = None if match.is_new_story else _story(int(match.story_key))
        if story is None:
            story = Story.objects.create(first_item=item)
        else:
            Story.objects.filter(pk=story.pk).update(item_count=F("item_count") + 1)
        Item.objects.filter(pk=item.pk).update(story=story)
        return story


def _story(first_item_id: int) -> Story | None:
    return Story.objects.filter(first_item_id=first_item_id).first()
