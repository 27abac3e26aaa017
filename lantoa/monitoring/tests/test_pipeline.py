"""process_new_items indexes, tags and counts items incrementally and idempotently."""

import pytest
from django.db.models import Sum

from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.counters import ALL_ITEMS
from lantoa.monitoring.models import CountedItem, ItemTopic, TrendCounter
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import at, make_analysed_item, make_topic

pytestmark = pytest.mark.django_db


def total(scope: int, **filters: str) -> int:
    rows = TrendCounter.objects.filter(scope=scope, dimension="total", **filters)
    return int(rows.aggregate(n=Sum("count"))["n"] or 0)


def test_new_items_are_tagged_with_matching_topics_and_counted(personas: Personas) -> None:
    # Given a Hà Nội topic on vaccination and a Hà Nội source
    topic = make_topic(owner=personas.hanoi, query='"tiêm chủng" OR vắc*')
    source = make_source(owner=personas.hanoi)
    hit = make_analysed_item(
        source=source,
        title="Tiêm chủng mở rộng",
        sentiment="negative",
        analysis={"provinces": ["Hà Nội"], "keywords": ["tiêm chủng"]},
        published_at=at(2026, 3, 2, 9),
    )
    miss = make_item(source=source, title="Giá điện", text="Giá điện tăng.")

    # When the ingestion hook runs
    process_new_items([hit.pk, miss.pk])

    # Then only the matching item is tagged, and counters see both items once
    assert list(ItemTopic.objects.values_list("item_id", "topic_id")) == [(hit.pk, topic.pk)]
    assert total(ALL_ITEMS) == 2
    assert total(topic.pk) == 1
    assert total(topic.pk, sentiment="negative") == 1
    assert TrendCounter.objects.get(scope=topic.pk, dimension="province").value == "Hà Nội"
    assert total(ALL_ITEMS, sentiment="") == 1  # the unanalysed item: volume only


def test_reprocessing_never_double_counts(personas: Personas) -> None:
    source = make_source(owner=personas.hanoi)
    item = make_analysed_item(source=source, title="Chuyển đổi số", sentiment="positive")
    process_new_items([item.pk])

    process_new_items([item.pk])
    process_new_items([item.pk, item.pk])

    assert total(ALL_ITEMS) == 1
    assert CountedItem.objects.count() == 1


def test_breakdown_counters_are_not_split_by_sentiment_or_channel(personas: Personas) -> None:
    # Given a negative and a positive Hà Nội article in the same hour
    source = make_source(owner=personas.hanoi)
    items = [
        make_analysed_item(
            source=source,
            title=f"Học phí {n}",
            sentiment=sentiment,
            analysis={"provinces": ["Hà Nội"], "keywords": ["học phí"]},
            published_at=at(2026, 3, 2, 9),
        )
        for n, sentiment in enumerate(("negative", "positive"))
    ]

    # When they are counted
    process_new_items([item.pk for item in items])

    # Then the totals keep the sentiment split, and each breakdown is one row counting both
    assert total(ALL_ITEMS, sentiment="negative") == 1
    breakdowns = TrendCounter.objects.filter(scope=ALL_ITEMS).exclude(dimension="total")
    assert sorted(
        breakdowns.values_list("dimension", "value", "sentiment", "channel", "count")
    ) == [
        ("keyword", "học phí", "", "", 2),
        ("province", "Hà Nội", "", "", 2),
        ("source", str(source.pk), "", "", 2),
    ]


def test_analysis_arriving_later_moves_the_item_to_its_sentiment(personas: Personas) -> None:
    from lantoa.monitoring.tests.factories import make_analysis

    source = make_source(owner=personas.hanoi)
    item = make_item(source=source)
    process_new_items([item.pk])
    assert total(ALL_ITEMS, sentiment="") == 1

    make_analysis(item, sentiment="negative")
    process_new_items([item.pk])

    assert total(ALL_ITEMS, sentiment="") == 0
    assert total(ALL_ITEMS, sentiment="negative") == 1
    assert total(ALL_ITEMS) == 1


def test_a_topic_never_tags_another_agencys_private_items(personas: Personas) -> None:
    # Given Lan's Hà Nội topic and a private Huế source saying the same words
    topic = make_topic(owner=personas.hanoi, query="lũ lụt")
    hue_private = make_source(owner=personas.hue)
    shared = make_source(owner=personas.hue, is_shared=True)
    private_item = make_item(source=hue_private, title="Lũ lụt ở Huế")
    shared_item = make_item(source=shared, title="Lũ lụt miền Trung")

    process_new_items([private_item.pk, shared_item.pk])

    assert list(ItemTopic.objects.filter(topic=topic).values_list("item_id", flat=True)) == [
        shared_item.pk
    ]
