"""Monitoring pages: topics (create with query validation, edit, scoping), dashboard, search, export."""

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lantoa.content.models import Item
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring import trends, views
from lantoa.monitoring.models import BackfillStatus, ItemTopic, Topic, TopicBackfill
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import make_analysed_item, make_topic

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_creating_a_topic_tags_existing_items_and_records_progress(
    personas: Personas, django_capture_on_commit_callbacks: object
) -> None:
    # Given an existing, indexed item about school fees
    item = make_item(source=make_source(owner=personas.hanoi), title="Học phí tăng mạnh")
    process_new_items([item.pk])

    # When Lan creates a topic through the page
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client_for(personas.lan).post(
            reverse("monitoring:topic_create"),
            {"name": "Học phí", "query": "học phí", "active": "on"},
        )

    # Then the topic exists for Hà Nội, the backfill ran to completion and tagged the item
    topic = Topic.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:topic_dashboard", args=[topic.pk])
    assert topic.owner == personas.hanoi
    backfill = TopicBackfill.objects.get(topic=topic)
    assert (backfill.status, backfill.processed, backfill.matched) == (BackfillStatus.DONE, 1, 1)
    assert ItemTopic.objects.filter(topic=topic, item=item).exists()
    progress = client_for(personas.lan).get(reverse("monitoring:topic_backfill", args=[topic.pk]))
    assert "1 tin thuộc chủ đề" in progress.content.decode()


def test_a_bad_query_is_refused_with_the_parsers_vietnamese_message(personas: Personas) -> None:
    response = client_for(personas.lan).post(
        reverse("monitoring:topic_create"), {"name": "Sai", "query": "(học phí"}
    )

    assert response.status_code == 200
    assert (
        "Thiếu dấu ngoặc đóng &#x27;)&#x27; cho dấu ngoặc mở ở vị trí 1."
        in response.content.decode()
    )
    assert Topic.objects.count() == 0


def test_a_too_expensive_query_is_refused_with_a_reason(personas: Personas) -> None:
    response = client_for(personas.lan).post(
        reverse("monitoring:topic_create"), {"name": "Rộng", "query": "NOT covid"}
    )

    assert "phải quét toàn bộ dữ liệu nên không được chấp nhận" in response.content.decode()
    assert Topic.objects.count() == 0


def test_an_analyst_cannot_create_topics(personas: Personas) -> None:
    response = client_for(personas.ha).post(
        reverse("monitoring:topic_create"), {"name": "X", "query": "học phí"}
    )
    assert response.status_code == 403
    assert Topic.objects.count() == 0


def test_binh_cannot_open_or_edit_lans_topic(personas: Personas) -> None:
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí")
    binh = client_for(personas.binh)

    assert binh.get(reverse("monitoring:topic_dashboard", args=[topic.pk])).status_code == 404
    edit = binh.post(
        reverse("monitoring:topic_edit", args=[topic.pk]), {"name": "Đổi", "query": "x y"}
    )
    assert edit.status_code == 404
    topic.refresh_from_db()
    assert (topic.name, topic.query) == ("Học phí", "học phí")


def test_dashboard_shows_counts_from_the_counters(personas: Personas) -> None:
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí")
    source = make_source(owner=personas.hanoi, name="Báo Thủ đô")
    today = timezone.now() - timedelta(minutes=5)
    items = [
        make_analysed_item(
            source=source,
            title=f"Học phí {n}",
            sentiment="negative",
            analysis={"provinces": ["Hà Nội"], "keywords": ["học phí"]},
            published_at=today,
        )
        for n in range(3)
    ]
    process_new_items([item.pk for item in items])

    response = client_for(personas.lan).get(reverse("monitoring:topic_dashboard", args=[topic.pk]))

    chart = response.context["chart"]
    assert chart["volume"][-1] == 3
    assert chart["sentiment"]["negative"][-1] == 3
    assert chart["share"][-1] == 100.0
    assert chart["sources"] == [("Báo Thủ đô", 3)]
    assert chart["provinces"] == [("Hà Nội", 3)]
    assert chart["keywords"] == [("học phí", 3)]
    assert "forecast" in chart and len(chart["forecast"]["point"]) == 14
    overview = client_for(personas.lan).get(reverse("monitoring:overview"))
    assert overview.context["rows"][0]["today"] == 3


def test_search_page_highlights_escaped_snippets(personas: Personas) -> None:
    item = make_item(
        source=make_source(owner=personas.hanoi),
        title="<b>Học phí</b> năm nay",
        text="Phụ huynh lo lắng về học phí <script>alert(1)</script> tăng.",
    )
    process_new_items([item.pk])

    response = client_for(personas.lan).get(reverse("monitoring:search"), {"q": "hoc phi"})

    html = response.content.decode()
    assert "&lt;b&gt;<mark>Học</mark> <mark>phí</mark>&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert response.context["page"].paginator.count == 1


def test_search_page_stops_counting_past_the_cap_and_says_so(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given five matching items and a count cap of three
    monkeypatch.setattr(views, "COUNT_CAP", 3)
    source = make_source(owner=personas.hanoi)
    items = [make_item(source=source, title=f"Học phí kỳ {n}") for n in range(5)]
    process_new_items([item.pk for item in items])

    # When Lan searches with pages of two
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    response = client_for(personas.lan).get(reverse("monitoring:search"), {"q": "học phí"})

    # Then she is told there are more than three, and offered pages over the first three
    assert "Hơn 3 kết quả" in response.content.decode()
    page = response.context["page"]
    assert (page.paginator.count, page.paginator.num_pages) == (3, 2)
    assert [item.pk for item in page.object_list] == [items[4].pk, items[3].pk]
    # and the facets count those first three
    assert "Đếm trong 3 kết quả đầu." in response.content.decode()
    sources = next(facet for facet in response.context["facets"] if facet.name == "source")
    assert sources.counts == [(str(source.pk), source.name, 3)]


def test_search_page_shows_a_bad_query_error(personas: Personas) -> None:
    response = client_for(personas.lan).get(reverse("monitoring:search"), {"q": "tiêm AND"})
    assert "Toán tử AND ở vị trí 6 thiếu vế phải." in response.content.decode()


def test_csv_and_xlsx_exports_hold_every_result(personas: Personas) -> None:
    source = make_source(owner=personas.hanoi, name="Báo A")
    items = [
        make_item(source=source, title=f"Học phí số {n}", text="=1+1 học phí") for n in range(3)
    ]
    process_new_items([item.pk for item in items])
    client = client_for(personas.lan)

    csv_response = client.get(reverse("monitoring:search_export", args=["csv"]), {"q": "học phí"})
    xlsx_response = client.get(reverse("monitoring:search_export", args=["xlsx"]), {"q": "học phí"})

    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    lines = text.strip().splitlines()
    assert lines[0].startswith("id,published,title,source")
    assert len(lines) == 4
    assert "'=1+1 học phí" in text
    workbook = load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content)))  # type: ignore[attr-defined]
    sheet = workbook.active
    assert sheet is not None
    titles = sorted(row[2] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert titles == ["Học phí số 0", "Học phí số 1", "Học phí số 2"]


def test_plotly_is_served_from_the_wheel_with_long_cache(personas: Personas) -> None:
    response = Client().get(reverse("monitoring:plotly_js", kwargs={"version": "x"}))
    assert response.status_code == 200
    assert "max-age=31536000" in response["Cache-Control"]
    assert b"plotly" in response.content[:2000].lower()


def test_dashboard_breaks_items_down_by_source_kind_and_file_platform(
    personas: Personas,
) -> None:
    # Given 2 RSS items, 1 push item, 3 Facebook-file items and 1 file item with no platform
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí")
    now = timezone.now() - timedelta(minutes=5)
    sources = {
        "rss": (make_source(owner=personas.hanoi, kind="rss"), 2),
        "push": (make_source(owner=personas.hanoi, kind="push"), 1),
        "facebook": (
            make_source(owner=personas.hanoi, kind="file", options={"platform": "facebook"}),
            3,
        ),
        "file": (make_source(owner=personas.hanoi, kind="file"), 1),
    }
    items = [
        make_analysed_item(source=source, title=f"Học phí {key} {n}", published_at=now)
        for key, (source, count) in sources.items()
        for n in range(count)
    ]
    outside = make_source(owner=personas.hanoi, kind="site")
    old = make_analysed_item(
        source=outside, title="Học phí năm ngoái", published_at=now - timedelta(days=200)
    )
    process_new_items([item.pk for item in [*items, old]])

    # When Lan opens the 90-day dashboard
    response = client_for(personas.lan).get(reverse("monitoring:topic_dashboard", args=[topic.pk]))

    # Then the breakdown comes from the counters, most first; the 200-day-old item is outside
    assert response.context["chart"]["source_kinds"] == [
        ("Tệp dữ liệu mạng xã hội (facebook)", 3),
        ("Nguồn RSS/Atom", 2),
        ("Tệp dữ liệu mạng xã hội", 1),
        ("Đối tác gửi qua API", 1),
    ]
    assert "Theo loại nguồn" in response.content.decode()


def test_source_kinds_reads_counters_not_items(personas: Personas) -> None:
    # Given an item counted, then deleted straight from the table without recounting
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí")
    source = make_source(owner=personas.hanoi, kind="rss")
    item = make_analysed_item(source=source, title="Học phí", published_at=timezone.now())
    process_new_items([item.pk])
    Item.objects.filter(pk=item.pk).delete()

    # When the breakdown is read
    since = trends.local_today() - timedelta(days=6)
    found = trends.source_kinds(topic.pk, since=since)

    # Then it still reflects the counters (no item scan)
    assert found == [("Nguồn RSS/Atom", 1)]
