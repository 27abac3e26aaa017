"""Top stories of a topic: the near-duplicate clusters (``Item.story``) with most items in a period.

A story's items are counted only when they carry the topic's tag and were published in the
period, so a story that ran last month and is reprinted once today ranks by today's reprint.
The title shown is the story's first item's; ``reprints`` is the story's whole item count
minus one (reprints anywhere, any time), ``outlets`` the distinct sources of its tagged items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone

from lantoa.content.models import Item, Story
from lantoa.monitoring.models import ItemTopic

__all__ = ["TopStory", "top_stories"]

MAX_OUTLETS = 6


@dataclass(frozen=True, slots=True, kw_only=True)
class TopStory:
    story_id: int
    title: str
    url: str
    items: int
    reprints: int
    outlets: tuple[str, ...]
    outlet_count: int


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def top_stories(
    topic_id: int, *, since: date, until: date | None = None, limit: int = 5
) -> list[TopStory]:
    """The ``limit`` stories with most tagged items published from ``since`` to ``until``."""
    tagged = ItemTopic.objects.filter(
        topic_id=topic_id, item__published_at__gte=_aware(since), item__story__isnull=False
    )
    if until is not None:
        tagged = tagged.filter(item__published_at__lt=_aware(until + timedelta(days=1)))
    ranked = list(
        tagged.values_list("item__story_id")
        .annotate(n=Count("item_id"))
        .order_by("-n", "item__story_id")
        .values_list("item__story_id", "n")[:limit]
    )
    if not ranked:
        return []
    story_ids = [story_id for story_id, _ in ranked]
    stories = Story.objects.in_bulk(story_ids)
    first_rows = {
        pk: (title, text, url)
        for pk, title, text, url in Item.objects.filter(
            pk__in=[s.first_item_id for s in stories.values() if s.first_item_id]
        ).values_list("pk", "title", "text", "url")
    }
    outlets = _outlets(topic_id, story_ids)
    result = []
    for story_id, n in ranked:
        story = stories[story_id]
        title, text, url = first_rows.get(story.first_item_id or 0, ("", "", ""))
        names = outlets.get(story_id, [])
        result.append(
            TopStory(
                story_id=story_id,
                title=title or text[:160],
                url=url,
                items=int(n),
                reprints=max(0, story.item_count - 1),
                outlets=tuple(names[:MAX_OUTLETS]),
                outlet_count=len(names),
            )
        )
    return result


def _outlets(topic_id: int, story_ids: list[int]) -> dict[int, list[str]]:
    rows = (
        Item.objects.filter(story_id__in=story_ids, topic_tags__topic_id=topic_id)
        .values_list("story_id", "source__name")
        .distinct()
        .order_by("story_id", "source__name")
    )
    names: dict[int, list[str]] = {}
    for story_id, name in rows:
        names.setdefault(story_id, []).append(name)
    return names
