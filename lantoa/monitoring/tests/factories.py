"""Factories for monitoring tests: topics, analyses and processed items."""

from datetime import datetime
from typing import Any

from django.utils import timezone

from lantoa.accounts.models import Organization
from lantoa.analysis.models import ItemAnalysis
from lantoa.content.models import Item
from lantoa.core.testing.factories import make_item
from lantoa.monitoring.models import Topic
from lantoa.sources.models import Source


def make_topic(*, owner: Organization, query: str, **fields: Any) -> Topic:
    defaults: dict[str, Any] = {"name": f"Chủ đề {query[:40]}"}
    return Topic.objects.create(owner=owner, query=query, **{**defaults, **fields})


def make_analysis(item: Item, **fields: Any) -> ItemAnalysis:
    defaults: dict[str, Any] = {
        "sentiment": "neutral",
        "sentiment_score": 0.9,
        "toxicity": "clean",
        "toxicity_score": 0.9,
        "field": "y-te",
        "field_score": 0.9,
        "path": "fast",
        "model_versions": {"test": "1"},
    }
    return ItemAnalysis.objects.create(item=item, **{**defaults, **fields})


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, 0))


def make_analysed_item(
    *,
    source: Source,
    sentiment: str | None = "neutral",
    analysis: dict[str, Any] | None = None,
    **fields: Any,
) -> Item:
    """An item, with an analysis unless ``sentiment`` is None."""
    item = make_item(source=source, **fields)
    if sentiment is not None:
        make_analysis(item, sentiment=sentiment, **(analysis or {}))
    return item
