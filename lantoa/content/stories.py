"""Assign stored items to stories with the process's near-duplicate index.

The index (``lantoa.content.dedup.StoryIndex``) lives in memory. Before each assignment it
catches up with every item stored since it last looked, by any process, from the signatures
saved on the items — so several workers agree on stories without a shared server. A story's
key in the index is the id of its first item. The index holds a rolling window of recent items.
"""

import threading
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from lantoa.content.dedup import StoryIndex, TextSignature
from lantoa.content.models import Item, Story

__all__ = ["WINDOW", "assign_story", "reset_story_index"]

WINDOW = timedelta(days=30)
_lock = threading.Lock()
_state: dict[str, object] = {}


def reset_story_index() -> None:
    """Forget the in-memory index (tests, and after a bulk delete)."""
    with _lock:
        _state.clear()


def _index() -> tuple[StoryIndex, int]:
    if "index" not in _state:
        _state["index"], _state["last_id"] = StoryIndex(), 0
    return _state["index"], _state["last_id"]  # type: ignore[return-value]


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
        index, last_id = _index()
        _state["last_id"] = last_id = _catch_up(index, last_id)
        match = index.add(item_key=str(item.pk), signature=signature)
        story = None if match.is_new_story else _story(int(match.story_key))
        if story is None:
            story = Story.objects.create(first_item=item)
        else:
            Story.objects.filter(pk=story.pk).update(item_count=F("item_count") + 1)
        Item.objects.filter(pk=item.pk).update(story=story)
        return story


def _story(first_item_id: int) -> Story | None:
    return Story.objects.filter(first_item_id=first_item_id).first()
