"""`lantoa seed-demo`: realistic, labelled, deterministic, and safe to run twice."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from lantoa.accounts.models import Organization, OrganizationType
from lantoa.analysis.models import ItemAnalysis
from lantoa.content.models import Item, ItemKind
from lantoa.content.seeding import seed_demo
from lantoa.monitoring.models import CountedItem, ItemTopic, Topic, TopicBackfill
from lantoa.sources.models import Source, SourceStatus

END = date(2026, 11, 22)


@pytest.mark.django_db
def test_seeding_twice_creates_nothing_the_second_time() -> None:
    first = seed_demo(items=600, seed=11, end=END)
    second = seed_demo(items=600, seed=11, end=END)

    assert first.created == 600
    assert second.created == 0
    assert Item.objects.count() == 600
    assert Source.objects.count() == first.sources


@pytest.mark.django_db
def test_seeding_loads_the_current_administrative_units() -> None:
    seed_demo(items=0, seed=1, end=END)

    provinces = Organization.objects.filter(type=OrganizationType.PROVINCE)
    assert provinces.count() == 34
    assert provinces.filter(name="Thành phố Hồ Chí Minh").exists()
    assert not provinces.filter(name__contains="Bình Dương").exists()
    assert Organization.objects.filter(type=OrganizationType.MINISTRY).count() == 18


@pytest.mark.django_db
def test_demo_items_are_labelled_shared_and_their_sources_never_fetched() -> None:
    seed_demo(items=300, seed=5, end=END)

    assert all(title.startswith("[Mẫu]") for title in Item.objects.values_list("title", flat=True))
    assert set(Source.objects.values_list("status", "is_shared")) == {(SourceStatus.PAUSED, True)}


@pytest.mark.django_db
def test_comments_are_linked_to_their_posts() -> None:
    seed_demo(items=2000, seed=5, end=END)

    comments = Item.objects.filter(kind=ItemKind.COMMENT)
    assert comments.exists()
    assert not comments.filter(parent__isnull=True).exists()
    assert set(comments.values_list("parent__kind", flat=True)) == {ItemKind.POST}


@pytest.mark.django_db
def test_seed_demo_command_reports_json() -> None:
    out = StringIO()

    call_command("seed_demo", items=50, seed=2, end="2026-11-22", json=True, stdout=out)

    report = json.loads(out.getvalue())
    assert report["items_created"] == 50
    assert report["items_total"] == 50


@pytest.mark.django_db
def test_demo_items_go_through_analysis_and_monitoring() -> None:
    seed_demo(items=300, seed=5, end=END)

    assert ItemAnalysis.objects.count() == 300
    assert CountedItem.objects.count() == 300
    assert seed_demo(items=300, seed=5, end=END).created == 0


@pytest.mark.django_db
def test_each_demo_policy_is_a_topic_that_follows_its_own_items() -> None:
    # when the demo corpus is seeded into an empty database
    seed_demo(items=1000, seed=5, end=END)
    # then each of the seven demo policies is a Government topic, tagged on its own items only
    topics = Topic.objects.filter(owner__code="chinh-phu")
    assert topics.count() == 7
    for topic in topics:
        policies = set(
            ItemTopic.objects.filter(topic=topic).values_list("item__raw__policy", flat=True)
        )
        assert len(policies) == 1, (topic.name, policies)
    assert not TopicBackfill.objects.exists()  # tagged while processing, nothing to backfill


@pytest.mark.django_db
def test_topics_added_to_an_already_seeded_database_are_backfilled() -> None:
    # given a database seeded before demo topics existed
    seed_demo(items=50, seed=5, end=END)
    Topic.objects.all().delete()
    # when seed-demo runs again
    seed_demo(items=50, seed=5, end=END)
    # then the topics are back, each with a backfill queued for the items already there
    assert TopicBackfill.objects.count() == Topic.objects.count() == 7


@pytest.mark.django_db
def test_no_process_only_stores_the_items() -> None:
    call_command(
        "seed_demo", items=40, seed=3, end="2026-11-22", no_process=True, stdout=StringIO()
    )

    assert Item.objects.count() == 40
    assert not ItemAnalysis.objects.exists()
