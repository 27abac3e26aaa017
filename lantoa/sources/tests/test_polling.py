"""Polling end to end against a real local HTTP server: add a feed in the UI, poll, read items."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_httpserver import HTTPServer

from lantoa.content.models import Item
from lantoa.content.stories import reset_story_index
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.sources.connectors import HarvestOutcome
from lantoa.sources.fetching import Fetcher, FetchPolicy
from lantoa.sources.models import PollRun, RunOutcome, Source, SourceStatus
from lantoa.sources.polling import claim_source, due_source_ids, poll_source

CORPUS = Path(__file__).resolve().parents[2] / "content" / "tests" / "extraction_corpus"
ARTICLES = {
    "/tin/thu-tuc-truc-tuyen.html": "02-tre-ha-noi-thu-tuc-hanh-chinh-truc-tuyen",
    "/tin/phong-chong-bao.html": "01-express-quang-ninh-phong-chong-bao",
}


def feed(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Tin {n}</title><link>{base}{link}</link>"
        f"<pubDate>Fri, 20 Nov 2026 0{n}:30:00 +0700</pubDate></item>"
        for n, link in enumerate(links, start=1)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo thử</title>{items}</channel></rss>'


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(policy=FetchPolicy(min_host_delay_s=0, backoff_base_s=0, max_retries=1)) as f:
        yield f


@pytest.fixture(autouse=True)
def fresh_story_index() -> None:
    reset_story_index()


@pytest.fixture
def news_site(httpserver: HTTPServer) -> HTTPServer:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/rss.xml").respond_with_data(
        feed(base, list(ARTICLES)), content_type="application/rss+xml"
    )
    for path, page in ARTICLES.items():
        html = (CORPUS / f"{page}.html").read_bytes()
        httpserver.expect_request(path).respond_with_data(
            html, content_type="text/html; charset=utf-8"
        )
    return httpserver


def test_feed_added_in_the_ui_is_polled_into_clean_items_and_a_second_poll_adds_nothing(
    client: Client, personas: Personas, news_site: HTTPServer, fetcher: Fetcher
) -> None:
    client.force_login(personas.lan)
    response = client.post(
        reverse("sources:add"),
        {
            "kind": "rss",
            "url": news_site.url_for("/rss.xml"),
            "name": "Báo thử",
            "interval_minutes": 30,
        },
    )
    source = Source.objects.get(name="Báo thử")
    assert response.status_code == 302
    assert due_source_ids() == [source.pk]

    first = poll_source(source.pk, fetcher=fetcher)
    second_due = Source.objects.filter(pk=source.pk).update(next_poll_at=source.next_poll_at)
    second = poll_source(source.pk, fetcher=fetcher)

    assert first is not None and (first.stored, first.failed, first.rejected) == (2, 0, 0)
    assert second_due == 1 and second is not None and second.stored == 0
    assert Item.objects.filter(source=source).count() == 2
    page = client.get(reverse("content:item_list")).content.decode()
    assert "Hà Nội đưa 95% thủ tục hành chính lên môi trường trực tuyến" in page
    item = Item.objects.get(title="Hà Nội đưa 95% thủ tục hành chính lên môi trường trực tuyến")
    expected = (
        (CORPUS / f"{ARTICLES['/tin/thu-tuc-truc-tuyen.html']}.txt").read_text().split("\n\n")[0]
    )
    assert expected in item.text
    assert "Tin liên quan" not in item.text
    assert item.published_at is not None


def test_source_page_shows_each_runs_counted_outcomes(
    client: Client, personas: Personas, news_site: HTTPServer, fetcher: Fetcher
) -> None:
    source = make_source(owner=personas.hanoi, url=news_site.url_for("/rss.xml"))
    poll_source(source.pk, fetcher=fetcher)
    client.force_login(personas.lan)

    page = client.get(reverse("sources:detail", args=[source.pk])).content.decode()

    source.refresh_from_db()
    assert source.items_stored == 2
    assert source.last_success_at is not None
    assert "Các lượt quét gần đây" in page
    assert "<td>Thành công</td>" in page


def test_every_harvest_outcome_has_a_label_for_officers() -> None:
    assert {outcome.value for outcome in HarvestOutcome} == set(RunOutcome.values)


def test_a_broken_link_is_counted_as_failed_and_retried_next_time(
    personas: Personas, httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/rss.xml").respond_with_data(feed(base, ["/mat-tich.html"]))
    httpserver.expect_request("/mat-tich.html").respond_with_data("Không có", status=404)
    source = make_source(owner=personas.hanoi, url=httpserver.url_for("/rss.xml"))

    run = poll_source(source.pk, fetcher=fetcher)

    assert run is not None and (run.stored, run.failed) == (0, 1)
    assert run.samples == [
        f"{base}/mat-tich.html: Không tải được trang: máy chủ trả về HTTP 404 (không tìm thấy)"
    ]


def test_a_failing_source_backs_off_then_pauses_and_resume_clears_it(
    client: Client, personas: Personas, httpserver: HTTPServer, fetcher: Fetcher, settings: object
) -> None:
    httpserver.expect_request("/rss.xml").respond_with_data("lỗi máy chủ", status=500)
    source = make_source(owner=personas.hanoi, url=httpserver.url_for("/rss.xml"))
    settings.SOURCE_MAX_FAILURES = 2  # type: ignore[attr-defined]

    for _ in range(2):
        Source.objects.filter(pk=source.pk).update(next_poll_at=source.next_poll_at)
        poll_source(source.pk, fetcher=fetcher)

    source.refresh_from_db()
    assert source.status == SourceStatus.PAUSED
    assert source.consecutive_failures == 2
    assert source.last_error == (
        "Không tải được trang: máy chủ trả về HTTP 500 (lỗi nội bộ của máy chủ) sau 2 lần thử"
    )
    client.force_login(personas.lan)
    client.post(reverse("sources:set_status", args=[source.pk, "active"]))
    source.refresh_from_db()
    assert (source.status, source.consecutive_failures) == (SourceStatus.ACTIVE, 0)


def test_a_claimed_source_is_not_read_twice(personas: Personas) -> None:
    source = make_source(owner=personas.hanoi)

    first = claim_source(source.pk)
    second = claim_source(source.pk)

    assert first is not None
    assert second is None
    assert due_source_ids() == []


def test_invalid_feed_is_a_clear_failure_and_loses_nothing(
    personas: Personas, httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    httpserver.expect_request("/rss.xml").respond_with_data(
        "<html><body>Trang này không phải RSS</body></html>", content_type="text/html"
    )
    source = make_source(owner=personas.hanoi, url=httpserver.url_for("/rss.xml"))

    run = poll_source(source.pk, fetcher=fetcher)

    assert run is not None
    assert PollRun.objects.filter(source=source).count() == 1
    assert Item.objects.filter(source=source).count() == 0
    assert run.outcome == "invalid_feed"
    assert run.message.startswith("Nguồn RSS không phải XML RSS/Atom hợp lệ")
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert source.last_error == run.message


def test_officer_of_another_province_cannot_add_a_source_for_them(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.ha)

    response = client.post(
        reverse("sources:add"),
        {"kind": "rss", "url": "https://bao.lantoa.invalid/rss", "interval_minutes": 30},
    )

    assert response.status_code == 200
    assert "không có quyền" in response.content.decode()
    assert not Source.objects.exists()
