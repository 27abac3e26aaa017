"""The rss, site and url connectors against a local HTTP server."""

import datetime as dt
from collections import Counter

import pytest

from lantoa.sources.connectors import (
    Entry,
    HarvestOutcome,
    Rejection,
    RejectionReason,
    SourceSpec,
    get_connector,
)
from lantoa.sources.fetching import Fetcher, FetchOutcome, FetchPolicy

PARAGRAPHS = [
    "Uỷ ban nhân dân tỉnh vừa ban hành kế hoạch hỗ trợ người dân sửa chữa nhà ở sau bão, "
    "mỗi hộ có nhà bị tốc mái được hỗ trợ tối đa mười triệu đồng.",
    "Các xã phải lập danh sách hộ bị thiệt hại, niêm yết công khai trong ba ngày và gửi về "
    "huyện trước ngày 30 tháng 11 để được cấp kinh phí kịp thời.",
]


def article_page(title: str, canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title>{link}</head><body><nav>Trang chủ | Thời sự</nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<div class='related'><h3>Tin liên quan</h3><a href='/x'>Bài khác</a></div></body></html>"
    )


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Báo Tỉnh</title>{items}</channel></rss>"
    )


def rss_item(link: str, title: str, summary: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f"<description>{summary}</description>"
        "<pubDate>Fri, 20 Nov 2026 01:30:00 GMT</pubDate></item>"
    )


@pytest.fixture
def fetcher():
    policy = FetchPolicy(min_host_delay_s=0.0, respect_robots=False, max_retries=0)
    with Fetcher(policy=policy, sleep=lambda _s: None) as instance:
        yield instance


def harvest(kind, url, fetcher, **spec):
    result = get_connector(kind).harvest(SourceSpec(kind=kind, url=url, **spec), fetcher=fetcher)
    return result.status, list(result.records)


def test_rss_entries_are_followed_to_the_full_article(httpserver, fetcher):
    link = httpserver.url_for("/tin/ho-tro-sua-nha.html")
    httpserver.expect_request("/rss").respond_with_data(
        rss(rss_item(f"{link}?utm_source=rss", "Hỗ trợ sửa nhà sau bão", "Tóm tắt ngắn")),
        content_type="application/rss+xml",
        headers={"ETag": '"f1"'},
    )
    httpserver.expect_request("/tin/ho-tro-sua-nha.html").respond_with_data(
        article_page("Hỗ trợ sửa nhà sau bão"), content_type="text/html; charset=utf-8"
    )

    status, records = harvest("rss", httpserver.url_for("/rss"), fetcher)

    assert (status.outcome, status.etag, status.warnings) == (HarvestOutcome.OK, '"f1"', ())
    [entry] = records
    assert isinstance(entry, Entry)
    assert entry.url == link
    assert entry.title == "Hỗ trợ sửa nhà sau bão"
    assert entry.text == "\n".join(PARAGRAPHS)
    assert entry.published == dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.UTC)
    assert entry.language == "vi"


def test_rss_keeps_the_feed_text_when_the_article_cannot_be_fetched(httpserver, fetcher):
    httpserver.expect_request("/rss").respond_with_data(
        rss(
            rss_item(
                httpserver.url_for("/mat.html"),
                "Tin mất",
                "&lt;p&gt;Nội dung tóm tắt của tin&lt;/p&gt;",
            )
        )
    )
    httpserver.expect_request("/mat.html").respond_with_data("", status=404)

    _, [entry] = harvest("rss", httpserver.url_for("/rss"), fetcher)

    assert isinstance(entry, Entry)
    assert (entry.text, entry.metadata["text_from"]) == ("Nội dung tóm tắt của tin", "feed")


def test_malformed_feed_still_yields_what_is_recoverable(httpserver, fetcher):
    broken = rss(rss_item(httpserver.url_for("/a.html"), "Tin A", "Tóm tắt A")).replace(
        "</channel></rss>", "<item><title>Tin B & C</title>"
    )
    httpserver.expect_request("/rss").respond_with_data(broken, content_type="application/rss+xml")
    httpserver.expect_request("/a.html").respond_with_data(article_page("Tin A"))

    status, records = harvest("rss", httpserver.url_for("/rss"), fetcher)

    assert status.outcome is HarvestOutcome.OK
    assert len(status.warnings) == 1
    assert status.warnings[0].startswith("Nguồn RSS có lỗi XML (")
    assert [r.title for r in records if isinstance(r, Entry)] == ["Tin A"]


def test_feed_that_is_not_xml_is_an_invalid_feed(httpserver, fetcher):
    httpserver.expect_request("/rss").respond_with_data(
        "<html><body>Lỗi máy chủ<p>", content_type="text/html"
    )

    status, records = harvest("rss", httpserver.url_for("/rss"), fetcher)

    assert status.outcome is HarvestOutcome.INVALID_FEED
    assert status.message.startswith(
        "Nguồn RSS không phải XML RSS/Atom hợp lệ, không đọc được tin bài nào: "
    )
    assert records == []


def test_unchanged_feed_is_not_modified_and_yields_nothing(httpserver, fetcher):
    httpserver.expect_request("/rss", headers={"If-None-Match": '"f1"'}).respond_with_data(
        "", status=304
    )

    status, records = harvest("rss", httpserver.url_for("/rss"), fetcher, etag='"f1"')

    assert (status.outcome, status.fetch_outcome, status.etag) == (
        HarvestOutcome.NOT_MODIFIED,
        FetchOutcome.NOT_MODIFIED,
        '"f1"',
    )
    assert records == []


def test_failed_feed_fetch_is_reported_with_the_fetch_message(httpserver, fetcher):
    httpserver.expect_request("/rss").respond_with_data("", status=503)

    status, _ = harvest("rss", httpserver.url_for("/rss"), fetcher)

    assert (status.outcome, status.fetch_outcome) == (
        HarvestOutcome.FETCH_FAILED,
        FetchOutcome.HTTP_ERROR,
    )
    assert status.message == (
        "Không tải được trang: máy chủ trả về HTTP 503 (máy chủ tạm ngừng phục vụ)"
    )


def test_known_and_repeated_links_are_counted_not_fetched(httpserver, fetcher):
    known = httpserver.url_for("/cu.html")
    items = (
        rss_item(known, "Cũ")
        + rss_item(known + "#binh-luan", "Cũ lặp")
        + rss_item("mailto:a@b.vn", "Sai")
    )
    httpserver.expect_request("/rss").respond_with_data(rss(items))

    spec = SourceSpec(kind="rss", url=httpserver.url_for("/rss"))
    records = list(
        get_connector("rss").harvest(spec, fetcher=fetcher, is_known={known}.__contains__).records
    )

    assert Counter(r.reason for r in records if isinstance(r, Rejection)) == {
        RejectionReason.ALREADY_SEEN: 1,
        RejectionReason.DUPLICATE_IN_RUN: 1,
        RejectionReason.INVALID_URL: 1,
    }
    assert not [r for r, _ in httpserver.log if r.path == "/cu.html"]


def test_site_listing_keeps_same_host_links_matching_the_patterns(httpserver, fetcher):
    listing = (
        "<html><body><a href='/thoi-su/bai-1.html'>1</a><a href='/thoi-su/bai-2.html?utm_medium=x'>2</a>"
        "<a href='/video/clip.html'>v</a><a href='https://khac.vn/thoi-su/bai-3.html'>3</a>"
        "<a href='/tag/bao'>t</a><a href='/thoi-su/bai-1.html'>1 lần nữa</a></body></html>"
    )
    httpserver.expect_request("/thoi-su").respond_with_data(listing)
    for n in (1, 2):
        httpserver.expect_request(f"/thoi-su/bai-{n}.html").respond_with_data(
            article_page(f"Bài số {n} về hỗ trợ")
        )

    status, records = harvest(
        "site",
        httpserver.url_for("/thoi-su"),
        fetcher,
        options={"include": [r"^/thoi-su/.+\.html$"]},
    )

    assert status.message == f"Tìm thấy 6 liên kết trên {httpserver.url_for('/thoi-su')}"
    assert [r.title for r in records if isinstance(r, Entry)] == [
        "Bài số 1 về hỗ trợ",
        "Bài số 2 về hỗ trợ",
    ]
    assert Counter(r.reason for r in records if isinstance(r, Rejection)) == {
        RejectionReason.OFF_PATTERN: 3,
        RejectionReason.DUPLICATE_IN_RUN: 1,
    }


def test_site_sitemap_index_is_followed_and_the_limit_leaves_the_rest(httpserver, fetcher):
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    index = f'<?xml version="1.0"?><sitemapindex {ns}><sitemap><loc>{httpserver.url_for("/sm-1.xml")}</loc></sitemap></sitemapindex>'
    urls = "".join(
        f"<url><loc>{httpserver.url_for(f'/tin/{n}.html')}</loc></url>" for n in range(3)
    )
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        index, content_type="application/xml"
    )
    httpserver.expect_request("/sm-1.xml").respond_with_data(
        f'<?xml version="1.0"?><urlset {ns}>{urls}</urlset>'
    )
    httpserver.expect_request("/tin/0.html").respond_with_data(
        article_page("Tin số không về hỗ trợ")
    )

    _, records = harvest(
        "site", httpserver.url_for("/sitemap.xml"), fetcher, options={"max_items": 1}
    )

    assert [type(r).__name__ for r in records] == ["Entry", "Rejection", "Rejection"]
    assert {r.reason for r in records if isinstance(r, Rejection)} == {RejectionReason.OVER_LIMIT}


def test_url_connector_reads_one_page_and_honours_its_canonical(httpserver, fetcher):
    httpserver.expect_request("/m/bai.html").respond_with_data(
        article_page("Thông báo hỗ trợ", canonical="/tin/bai.html"),
        headers={"Last-Modified": "Fri, 20 Nov 2026 01:30:00 GMT"},
    )

    status, [entry] = harvest("url", httpserver.url_for("/m/bai.html"), fetcher)

    assert status.last_modified == "Fri, 20 Nov 2026 01:30:00 GMT"
    assert isinstance(entry, Entry)
    assert entry.url == httpserver.url_for("/tin/bai.html")


def test_url_connector_repairs_a_tcvn3_page(httpserver, fetcher):
    tcvn3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. " * 4
    page = f"<html><body><article><h1>Th«ng b¸o</h1><p>{tcvn3}</p><p>{tcvn3}</p></article></body></html>"
    httpserver.expect_request("/cu.html").respond_with_data(
        page.encode("cp1252"), content_type="text/html"
    )

    _, [entry] = harvest("url", httpserver.url_for("/cu.html"), fetcher)

    assert isinstance(entry, Entry)
    assert entry.text.startswith("Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.")
    assert entry.metadata["legacy_encoding"] == "tcvn3"
