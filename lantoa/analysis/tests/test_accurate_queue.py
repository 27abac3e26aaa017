"""The accurate path: which stored items get the accurate models, in what order, within a budget."""

import json
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from lantoa.analysis import accurate_queue
from lantoa.analysis.models import AccurateReason, AccurateRequest, AnalysisPath, ItemAnalysis
from lantoa.analysis.storing import reload_models
from lantoa.analysis.training import model_path, save_model, train_classifier
from lantoa.content.models import Item
from lantoa.content.pipeline import process_accurate_queue, process_stored_items
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.factcheck.tests.factories import make_claim
from lantoa.monitoring.models import TopicBackfill
from lantoa.monitoring.pipeline import backfill_topic
from lantoa.monitoring.tests.factories import make_topic

GOOD = ["dự án vượt kế hoạch", "người dân hài lòng", "thu ngân sách tăng trưởng tốt"] * 4
BAD = ["sai phạm nghiêm trọng", "ùn tắc kéo dài", "tham nhũng tại dự án"] * 4
LABELS = ["positive"] * 12 + ["negative"] * 12


def _save(data_dir: Path, mode: str) -> None:
    model = train_classifier(task="sentiment", texts=GOOD + BAD, labels=LABELS, version=mode)
    save_model(model, model_path(data_dir, "sentiment", mode), card={"mode": mode})


@pytest.fixture
def trained(tmp_path: Path) -> Iterator[Path]:
    """A data directory with a fast and an accurate sentiment model, versioned by mode."""
    _save(tmp_path, "fast")
    _save(tmp_path, "accurate")
    with override_settings(LANTOA_DATA_DIR=tmp_path):
        reload_models()
        yield tmp_path
    reload_models()


@pytest.fixture
def fast_only(tmp_path: Path) -> Iterator[Path]:
    """A data directory with a fast sentiment model only."""
    _save(tmp_path, "fast")
    with override_settings(LANTOA_DATA_DIR=tmp_path):
        reload_models()
        yield tmp_path
    reload_models()


def _path_of(item: Item) -> tuple[str, str]:
    analysis = ItemAnalysis.objects.get(item=item)
    return analysis.path, analysis.model_versions["sentiment"]


def test_items_matching_a_topic_or_a_claim_are_queued_then_given_the_accurate_path(
    trained: Path, personas: Personas
) -> None:
    # given an active topic, a known claim, and three stored items: one for each, one for none
    source = make_source(owner=personas.hanoi)
    make_topic(owner=personas.hanoi, query='"ùn tắc"')
    claim = make_claim(owner=personas.hanoi)
    on_topic = make_item(source=source, text="Ùn tắc kéo dài trên cầu Thăng Long")
    repeats = make_item(source=source, title="", text=claim.statement)
    other = make_item(source=source, text="Thời tiết Hà Nội hôm nay nắng nhẹ")
    # when ingestion hands them to the pipeline
    process_stored_items([on_topic.pk, repeats.pk, other.pk])
    # then all three have the fast path, and the two that matter wait, the claim first
    assert {_path_of(i) for i in (on_topic, repeats, other)} == {("fast", "sentiment/fast")}
    assert accurate_queue.next_batch(10) == [repeats.pk, on_topic.pk]
    assert AccurateRequest.objects.get(item=on_topic).reason == AccurateReason.TOPIC
    # when the periodic task runs with a budget of one, then only the claim's item is served
    assert process_accurate_queue(1) == 1
    assert _path_of(repeats) == ("accurate", "sentiment/accurate")
    assert _path_of(on_topic) == ("fast", "sentiment/fast")
    # and the next run serves the topic's item and empties the queue; nothing else changed
    assert process_accurate_queue(1) == 1
    assert _path_of(on_topic) == ("accurate", "sentiment/accurate")
    assert _path_of(other) == ("fast", "sentiment/fast")
    assert accurate_queue.waiting() == 0
    assert process_accurate_queue() == 0


def test_an_opened_item_jumps_the_queue_and_is_not_queued_again_once_accurate(
    trained: Path, personas: Personas
) -> None:
    source = make_source(owner=personas.hanoi)
    topical, opened = make_item(source=source), make_item(source=source)
    process_stored_items([topical.pk, opened.pk])
    accurate_queue.request_accurate([topical.pk, opened.pk], AccurateReason.TOPIC)
    # when an officer opens one of them
    assert accurate_queue.request_accurate([opened.pk], AccurateReason.OPENED) == 1
    # then it moves up to the officer's reason, ahead of the other
    assert accurate_queue.next_batch(5) == [opened.pk, topical.pk]
    assert AccurateRequest.objects.get(item=opened).reason == AccurateReason.OPENED
    # and once it has the accurate path, a later reason does not queue it again
    process_accurate_queue(1)
    assert accurate_queue.request_accurate([opened.pk], AccurateReason.CLAIM) == 0
    assert accurate_queue.next_batch(5) == [topical.pk]


def test_nothing_is_queued_or_called_accurate_without_an_accurate_model(
    fast_only: Path, personas: Personas
) -> None:
    # given only a fast model
    item = make_item(source=make_source(owner=personas.hanoi))
    process_stored_items([item.pk])
    # then an opened item is not queued, and an explicit accurate run keeps saying "fast"
    assert accurate_queue.request_accurate([item.pk], AccurateReason.OPENED) == 0
    AccurateRequest.objects.create(item=item, reason=AccurateReason.OPENED, priority=0)
    assert process_accurate_queue() == 1
    assert _path_of(item) == ("fast", "sentiment/fast")
    assert accurate_queue.waiting() == 0


def test_item_page_queues_the_item_and_offers_the_accurate_path_now(
    client: Client, trained: Path, personas: Personas
) -> None:
    item = make_item(source=make_source(owner=personas.hanoi), text="Người dân hài lòng")
    process_stored_items([item.pk])
    client.force_login(personas.lan)
    # when Lan opens the item, then it waits for the accurate path and the page says so
    page = client.get(reverse("content:item_detail", args=[item.pk])).content.decode()
    assert AccurateRequest.objects.filter(item=item, reason=AccurateReason.OPENED).exists()
    assert "Đang chờ luồng phân tích chính xác." in page
    assert "(Nhanh)" in page
    # when she asks for it now, then the item is analysed at once and leaves the queue
    url = reverse("analysis:accurate", args=[item.pk])
    panel = client.post(url, HTTP_HX_REQUEST="true").content.decode()
    assert "(Chính xác)" in panel
    assert "sentiment/accurate" in panel
    assert "Phân tích chính xác ngay" not in panel
    assert _path_of(item) == (AnalysisPath.ACCURATE, "sentiment/accurate")
    assert accurate_queue.waiting() == 0


def test_accurate_path_now_is_refused_for_an_item_the_officer_cannot_see(
    client: Client, trained: Path, personas: Personas
) -> None:
    # given an item from another agency's private source
    item = make_item(source=make_source(owner=personas.hanoi, is_shared=False))
    process_stored_items([item.pk])
    client.force_login(personas.binh)
    response = client.post(reverse("analysis:accurate", args=[item.pk]))
    assert response.status_code == 404
    assert _path_of(item) == ("fast", "sentiment/fast")


def test_analyze_queue_command_works_the_queue_and_reports_json(
    trained: Path, personas: Personas
) -> None:
    source = make_source(owner=personas.hanoi)
    items = [make_item(source=source) for _ in range(3)]
    process_stored_items([i.pk for i in items])
    accurate_queue.request_accurate([i.pk for i in items], AccurateReason.TOPIC)
    out = StringIO()
    call_command("analyze_queue", "--budget", "2", "--json", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert (result["analyzed"], result["waiting"]) == (2, 1)
    out = StringIO()
    call_command("analyze_queue", "--budget", "1", "--all", "--json", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert (result["analyzed"], result["waiting"]) == (1, 0)
    assert {_path_of(i)[0] for i in items} == {"accurate"}


def test_labelling_queue_marks_the_items_waiting_for_the_accurate_path(
    client: Client, trained: Path, personas: Personas
) -> None:
    source = make_source(owner=personas.hanoi)
    waiting, other = make_item(source=source), make_item(source=source)
    process_stored_items([waiting.pk, other.pk])
    accurate_queue.request_accurate([waiting.pk], AccurateReason.OPENED)
    client.force_login(personas.lan)
    page = client.get(reverse("analysis:queue")).content.decode()
    assert page.count("Đang chờ luồng phân tích chính xác.") == 1
    assert page.count("Phân tích chính xác ngay") == 2


def test_old_items_a_new_topic_matches_are_queued_by_its_backfill(
    trained: Path, personas: Personas
) -> None:
    # given two stored items and no topic yet: nothing waits
    source = make_source(owner=personas.hanoi)
    jam = make_item(source=source, text="Ùn tắc kéo dài trên cầu Thăng Long")
    weather = make_item(source=source, text="Thời tiết Hà Nội hôm nay nắng nhẹ")
    process_stored_items([jam.pk, weather.pk])
    assert accurate_queue.waiting() == 0
    # when a topic is created and its backfill tags the old items
    topic = make_topic(owner=personas.hanoi, query='"ùn tắc"')
    backfill_topic(TopicBackfill.objects.create(topic=topic, query=topic.query).pk)
    # then the item it matched waits for the accurate path, for the topic's sake
    assert accurate_queue.next_batch(10) == [jam.pk]
    assert AccurateRequest.objects.get(item=jam).reason == AccurateReason.TOPIC
