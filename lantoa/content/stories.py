"""Assign stored items to stories with the process's near-duplicate index.

The index (``lantoa.content.dedup.StoryIndex``) lives in memory. This process's own items go
into it directly; every ``CATCH_UP_EVERY`` it also catches up with items stored since it last
looked by any process, from the signatures saved on the items — so several workers agree on
stories without a shared server (an item another worker stored in the last moments may start
its own story). A story's key in the index is the id of its first item. The index holds a
rolling window of recent items, and the database id of each story it has seen, so a reprint
costs one counting update rather than a lookup and an update.
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
    story_ids: dict[str, int] = field(default_factory=dict)  # story key -> Story.pk


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
        _catch_up(_state)
        _state.caught_up_at = time.monotonic()
    return _state.index


def _catch_up(state: _IndexState) -> None:
    """Add items stored since ``state.last_id`` (within the window) under their stored stories."""
    recent = (
        Item.objects.filter(pk__gt=state.last_id, signature__isnull=False, story__isnull=False)
        .filter(fetched_at__gte=timezone.now() - WINDOW)
        .order_by("pk")
        .values_list("pk", "signature", "story_id", "story__first_item_id")
    )
    for pk, signature, story_id, first_item_id in recent.iterator(chunk_size=2000):
        if signature is not None and state.index.story_of(str(pk)) is None:
            state.index.add(
                item_key=str(pk),
                signature=TextSignature.from_bytes(bytes(signature)),
                story_key=str(first_item_id),
            )
            state.story_ids[str(first_item_id)] = story_id
        state.last_id = pk


def assign_story(item: Item, signature: TextSignature) -> int:
    """File ``item`` (already saved, with its signature) under an existing or a new story;
    returns the story's id."""
    with _lock:
        match = _index().add(item_key=str(item.pk), signature=signature)
        story_id = None if match.is_new_story else _counted_reprint(match.story_key)
        if story_id is None:
            story_id = Story.objects.create(first_item=item).pk
            _state.story_ids[str(item.pk)] = story_id
        Item.objects.filter(pk=item.pk).update(story_id=story_id)
        return story_id


def _counted_reprint(story_key: str) -> int | None:
    """Add one item to the story filed under ``story_key``; None if that story is gone.

    Every key in the index has its story's id here: catch-up and new stories record both.
    """
    story_id = _state.story_ids.get(story_key)
    if story_id is None:
        return None
    updated = Story.objects.filter(pk=story_id).update(item_count=F("item_count") + 1)
    return story_id if updated else None
