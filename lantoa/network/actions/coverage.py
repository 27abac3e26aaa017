"""Coverage follow-up: ingested items that carried or cited a release are linked to it.

Two matches: the item's text or raw metadata contains the release's public address (link),
or its text is a near-duplicate of the release (``lantoa.content.dedup`` MinHash similarity).
"""

from datetime import timedelta

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse

from lantoa.content.dedup import StoryIndex
from lantoa.content.models import Item
from lantoa.network.models import Coverage, CoverageMethod, Release

__all__ = ["WINDOW_DAYS", "find_coverage"]

WINDOW_DAYS = 30


def _candidates(release: Release) -> "Q":
    start = release.approved_at or release.created_at
    if release.embargo_until and release.embargo_until > start:
        start = release.embargo_until - timedelta(days=1)  # outlets may break it slightly early
    return Q(published_at__gte=start, published_at__lte=start + timedelta(days=WINDOW_DAYS)) | Q(
        published_at__isnull=True, fetched_at__gte=start
    )


def find_coverage(release: Release) -> int:
    """Link the items that carried ``release``; idempotent, returns how many new links."""
    path = reverse("network:public_release", args=[release.slug])
    items = Item.objects.filter(_candidates(release)).annotate(raw_text=Cast("raw", TextField()))
    linked = set(
        items.filter(Q(text__contains=path) | Q(raw_text__contains=path)).values_list(
            "pk", flat=True
        )
    )
    index = StoryIndex()
    index.add(item_key="release", text=f"{release.title}\n{release.summary}\n{release.body}")
    similar: dict[int, float] = {}
    for pk, title, text in items.exclude(pk__in=linked).values_list("pk", "title", "text"):
        match = index.add(item_key=f"item:{pk}", text=f"{title}\n{text}")
        if match.story_key == "release":
            similar[pk] = match.similarity
    found = [Coverage(release=release, item_id=pk, method=CoverageMethod.LINK) for pk in linked]
    found += [
        Coverage(release=release, item_id=pk, method=CoverageMethod.NEAR_DUPLICATE, similarity=s)
        for pk, s in similar.items()
    ]
    before = release.coverage.count()
    Coverage.objects.bulk_create(found, ignore_conflicts=True)
    return release.coverage.count() - before
