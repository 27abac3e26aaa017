"""A topic's emerging issues are read from its keyword counters: last 24 hours vs 28 days."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lantoa.content.models import Item
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.alerts import emerging_issues
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import make_analysed_item, make_topic
from lantoa.sources.models import Source

pytestmark = pytest.mark.django_db


def mentions(source: Source, keyword: str, hours_ago: float, count: int) -> list[Item]:
    published = timezone.now() - timedelta(hours=hours_ago)
    return [
        make_analysed_item(
            source=source,
            title=f"Học phí năm học mới: {keyword} {n}",
            published_at=published,
            analysis={"keywords": [keyword]},
        )
        for n in range(count)
    ]


def test_only_the_term_new_in_the_last_day_is_emerging(personas: Personas) -> None:
    # Given a topic where "miễn giảm" came up six times on each of the 28 days before yesterday,
    # and both "miễn giảm" and "phụ huynh phản đối" six times in the last 24 hours
    topic = make_topic(owner=personas.hanoi, query="học phí")
    source = make_source(owner=personas.hanoi)
    items = [
        item
        for days_ago in range(1, 29)
        for item in mentions(source, "miễn giảm", hours_ago=24 * days_ago + 3, count=6)
    ]
    items += mentions(source, "miễn giảm", hours_ago=2, count=6)
    items += mentions(source, "phụ huynh phản đối", hours_ago=2, count=6)
    process_new_items([item.pk for item in items])

    # When the topic's emerging issues are read
    issues = emerging_issues(topic.pk)

    # Then only the new term is unusual, with its six mentions
    assert [(issue.label_terms, issue.count) for issue in issues] == [(("phụ huynh phản đối",), 6)]


def test_a_term_seen_before_the_baseline_window_counts_as_new(personas: Personas) -> None:
    topic = make_topic(owner=personas.hanoi, query="học phí")
    source = make_source(owner=personas.hanoi)
    items = mentions(source, "miễn giảm", hours_ago=24 * 40, count=30)
    items += mentions(source, "miễn giảm", hours_ago=1, count=6)
    process_new_items([item.pk for item in items])

    issues = emerging_issues(topic.pk)

    assert [(issue.label_terms, issue.count) for issue in issues] == [(("miễn giảm",), 6)]
