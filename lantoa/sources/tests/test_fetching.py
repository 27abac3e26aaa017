"""The fetcher against a real local HTTP server: every way a fetch can end, with its message."""

import re
import time

import pytest
from werkzeug import Response

from lantoa.sources.fetching import Fetcher, FetchOutcome, FetchPolicy
from lantoa.sources.fetching.messages import size, status_meaning

VIETNAMESE = "Uỷ ban nhân dân tỉnh thông báo lịch tiếp công dân tháng 11"
FAST: dict[str, object] = {"min_host_delay_s": 0.0, "backoff_base_s": 0.0, "respect_robots": False}


@pytest.fixture
def waits():
    return []


@pytest.fixture
def fetcher(waits):
    with make_fetcher(waits) as instance:
        yield instance


def make_fetcher(waits=None, **policy):
    sleep = waits.append if waits is not None else (lambda _s: None)
    return Fetcher(policy=FetchPolicy(**(FAST | policy)), sleep=sleep)  # type: ignore[arg-type]


def test_ok_page_is_decoded_and_described(httpserver, fetcher):
    page = f"<html><body><p>{VIETNAMESE}</p></body></html>"
    httpserver.expect_request("/tin").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )

    result = fetcher.fetch(httpserver.url_for("/tin"))

    assert result.outcome is FetchOutcome.OK
    assert result.status_code == 200
    assert VIETNAMESE in result.text
    assert result.encoding == "utf-8"
    assert result.message == f"Đã tải {len(page.encode())} byte (HTTP 200)"


def test_user_agent_identifies_the_bot(httpserver, fetcher):
    httpserver.expect_request(
        "/ua", headers={"User-Agent": FetchPolicy().user_agent}
    ).respond_with_data("ok")
    assert fetcher.fetch(httpserver.url_for("/ua")).ok
    assert FetchPolicy().user_agent.startswith("LantoaBot/0.1 (+")


def test_utf8_declared_as_windows_1252_is_read_as_utf8(httpserver, fetcher):
    body = f'<html><head><meta charset="windows-1252"></head><p>{VIETNAMESE}</p></html>'
    httpserver.expect_request("/sai-charset").respond_with_data(
        body.encode("utf-8"), content_type="text/html; charset=windows-1252"
    )

    result = fetcher.fetch(httpserver.url_for("/sai-charset"))

    assert result.ok
    assert result.encoding == "utf-8"
    assert VIETNAMESE in result.text


def test_declared_single_byte_charset_is_honoured(httpserver, fetcher):
    httpserver.expect_request("/latin").respond_with_data(
        "Café crème".encode("cp1252"), content_type="text/plain; charset=iso-8859-1"
    )
    result = fetcher.fetch(httpserver.url_for("/latin"))
    assert (result.text, result.encoding) == ("Café crème", "cp1252")


@pytest.mark.parametrize(
    ("legacy_text", "encoding"),
    [
        ("Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc", "tcvn3"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc", "vni"),
    ],
)
def test_legacy_vietnamese_pages_are_repaired(httpserver, fetcher, legacy_text, encoding):
    body = f"<html><body><p>{legacy_text}</p></body></html>".encode("cp1252")
    httpserver.expect_request("/cu").respond_with_data(body, content_type="text/html")

    result = fetcher.fetch(httpserver.url_for("/cu"))

    assert result.legacy_encoding == encoding
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc" in result.text


def test_404_is_an_http_error_without_retry(httpserver, fetcher, waits):
    httpserver.expect_request("/mat").respond_with_data("không có", status=404)

    result = fetcher.fetch(httpserver.url_for("/mat"))

    assert result.outcome is FetchOutcome.HTTP_ERROR
    assert result.status_code == 404
    assert result.message == "Không tải được trang: máy chủ trả về HTTP 404 (không tìm thấy)"
    assert (result.attempts, waits) == (1, [])


def test_500_is_retried_with_exponential_backoff_then_reported(httpserver, waits):
    httpserver.expect_request("/loi").respond_with_data("lỗi", status=500)

    with make_fetcher(waits, max_retries=3, backoff_base_s=0.5) as fetcher:
        result = fetcher.fetch(httpserver.url_for("/loi"))

    assert result.outcome is FetchOutcome.HTTP_ERROR
    assert result.message == (
        "Không tải được trang: máy chủ trả về HTTP 500 (lỗi nội bộ của máy chủ) sau 4 lần thử"
    )
    assert waits == [0.5, 1.0, 2.0]


def test_429_with_retry_after_is_retried_and_succeeds(httpserver, waits):
    httpserver.expect_ordered_request("/rss").respond_with_data(
        "chậm lại", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/rss").respond_with_data(
        "<rss/>", content_type="application/rss+xml"
    )

    with make_fetcher(waits) as fetcher:
        result = fetcher.fetch(httpserver.url_for("/rss"))

    assert result.outcome is FetchOutcome.OK
    assert result.attempts == 2
    assert waits == [7.0]
    assert result.message == "Đã tải 6 byte (HTTP 200) sau 2 lần thử"


def test_429_asking_too_long_a_wait_ends_as_rate_limited(httpserver, waits):
    httpserver.expect_request("/rss").respond_with_data(
        "", status=429, headers={"Retry-After": "3600"}
    )

    with make_fetcher(waits, max_retry_wait_s=60) as fetcher:
        result = fetcher.fetch(httpserver.url_for("/rss"))

    assert result.outcome is FetchOutcome.RATE_LIMITED
    assert result.message == (
        "Máy chủ yêu cầu chờ 3600 giây rồi mới thử lại, lâu hơn mức tối đa 60 giây; "
        "sẽ thử lại ở lượt quét sau"
    )
    assert waits == []


def test_slow_response_times_out(httpserver, waits):
    def slow(_request):
        time.sleep(1.0)
        return Response("muộn")

    httpserver.expect_request("/cham").respond_with_handler(slow)

    with make_fetcher(waits, read_timeout_s=0.2, max_retries=0) as fetcher:
        result = fetcher.fetch(httpserver.url_for("/cham"))

    assert result.outcome is FetchOutcome.TIMEOUT
    assert result.message == (
        "Máy chủ không phản hồi trong 0,2 giây (hết thời gian chờ đọc dữ liệu)"
    )
    assert result.elapsed_s < 0.9


def test_redirect_loop_is_named(httpserver, fetcher):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=301, headers={"Location": "/a"})

    result = fetcher.fetch(httpserver.url_for("/a"))

    assert result.outcome is FetchOutcome.REDIRECT_LOOP
    a, b = httpserver.url_for("/a"), httpserver.url_for("/b")
    assert result.message == f"Vòng lặp chuyển hướng, không tới được nội dung: {a} → {b} → {a}"


def test_redirects_are_followed_up_to_the_limit(httpserver):
    for hop in range(4):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/r4").respond_with_data("đích")

    with make_fetcher(max_redirects=4) as fetcher:
        followed = fetcher.fetch(httpserver.url_for("/r0"))
    with make_fetcher(max_redirects=2) as fetcher:
        stopped = fetcher.fetch(httpserver.url_for("/r0"))

    assert (followed.outcome, followed.text, len(followed.redirects)) == (
        FetchOutcome.OK,
        "đích",
        4,
    )
    assert stopped.outcome is FetchOutcome.TOO_MANY_REDIRECTS
    assert stopped.message == f"Quá 2 lần chuyển hướng, lần cuối tới {httpserver.url_for('/r3')}"


def _fifty_megabytes(sent):
    chunk = b"x" * 65536
    for _ in range(50 * 16):
        sent.append(len(chunk))
        yield chunk


def test_50_mb_body_is_rejected_at_the_limit_without_reading_it_all(httpserver):
    sent: list[int] = []
    httpserver.expect_request("/lon").respond_with_response(
        Response(_fifty_megabytes(sent), content_type="application/octet-stream")
    )

    with make_fetcher(max_body_bytes=1024 * 1024) as fetcher:
        result = fetcher.fetch(httpserver.url_for("/lon"))

    assert result.outcome is FetchOutcome.TOO_LARGE
    assert re.fullmatch(r"Phản hồi vượt giới hạn 1,0 MB; đã ngừng đọc sau 1,\d MB", result.message)
    assert sum(sent) < 20 * 1024 * 1024


def test_declared_content_length_over_the_limit_is_not_downloaded(httpserver, fetcher):
    httpserver.expect_request("/khai-bao").respond_with_data(
        b"x" * 2048, headers={"Content-Length": "2048"}
    )
    with make_fetcher(max_body_bytes=1000) as small:
        result = small.fetch(httpserver.url_for("/khai-bao"))
    assert result.outcome is FetchOutcome.TOO_LARGE
    assert result.message == ("Phản hồi có dung lượng 2 KB, vượt giới hạn 1000 byte; không tải về")


def test_robots_txt_disallow_is_respected_and_cached(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: LantoaBot\nDisallow: /noi-bo/\n\nUser-agent: *\nDisallow:\n"
    )
    httpserver.expect_request("/cong-khai").respond_with_data("công khai")

    with make_fetcher(respect_robots=True) as fetcher:
        refused = fetcher.fetch(httpserver.url_for("/noi-bo/ho-so"))
        allowed = fetcher.fetch(httpserver.url_for("/cong-khai"))

    assert refused.outcome is FetchOutcome.ROBOTS_DISALLOWED
    assert refused.message == (
        "robots.txt của máy chủ localhost không cho phép LantoaBot thu thập /noi-bo/ho-so"
    )
    assert allowed.ok
    robots_requests = [r for r, _ in httpserver.log if r.path == "/robots.txt"]
    assert len(robots_requests) == 1
    assert not [r for r, _ in httpserver.log if r.path.startswith("/noi-bo/")]


def test_missing_robots_txt_allows_everything(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/tin").respond_with_data("tin")
    with make_fetcher(respect_robots=True) as fetcher:
        assert fetcher.fetch(httpserver.url_for("/tin")).ok


def test_conditional_get_ends_not_modified(httpserver, fetcher):
    httpserver.expect_request(
        "/feed",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 23 Nov 2026 08:00:00 GMT"},
    ).respond_with_data("", status=304)

    result = fetcher.fetch(
        httpserver.url_for("/feed"), etag='"v1"', last_modified="Mon, 23 Nov 2026 08:00:00 GMT"
    )

    assert result.outcome is FetchOutcome.NOT_MODIFIED
    assert result.message == "Không có thay đổi kể từ lần tải trước (HTTP 304)"
    assert (result.etag, result.last_modified) == ('"v1"', "Mon, 23 Nov 2026 08:00:00 GMT")


def test_validators_of_a_fresh_response_are_returned(httpserver, fetcher):
    httpserver.expect_request("/feed").respond_with_data(
        "<rss/>", headers={"ETag": '"v2"', "Last-Modified": "Tue, 24 Nov 2026 08:00:00 GMT"}
    )
    result = fetcher.fetch(httpserver.url_for("/feed"))
    assert (result.etag, result.last_modified) == ('"v2"', "Tue, 24 Nov 2026 08:00:00 GMT")


def test_connection_refused_is_a_network_error(waits):
    with make_fetcher(waits, max_retries=1) as fetcher:
        result = fetcher.fetch("http://127.0.0.1:9/khong-co")
    assert result.outcome is FetchOutcome.NETWORK_ERROR
    assert result.message.startswith("Không nhận được phản hồi từ máy chủ 127.0.0.1: ")
    assert result.attempts == 2


def test_non_http_url_is_invalid(fetcher):
    result = fetcher.fetch("ftp://example.vn/tep.txt")
    assert result.outcome is FetchOutcome.INVALID_URL
    assert result.message == (
        "Địa chỉ không hợp lệ: ftp://example.vn/tep.txt (cần http:// hoặc https://)"
    )


def test_requests_to_one_host_are_spaced_by_the_minimum_delay(httpserver, waits):
    httpserver.expect_request("/p").respond_with_data("ok")
    with Fetcher(
        policy=FetchPolicy(min_host_delay_s=5.0, respect_robots=False),
        sleep=waits.append,
        clock=lambda: 100.0,  # frozen time: the second request must wait the full delay
    ) as fetcher:
        fetcher.fetch(httpserver.url_for("/p"))
        fetcher.fetch(httpserver.url_for("/p"))
    assert waits == [5.0]


@pytest.mark.parametrize(
    ("status", "meaning"),
    [
        (403, "bị từ chối truy cập"),
        (410, "đã bị gỡ bỏ"),
        (418, "yêu cầu bị từ chối"),
        (599, "lỗi phía máy chủ"),
        (301, "chuyển hướng nhưng không có địa chỉ đích"),
        (101, "phản hồi không dùng được"),
    ],
)
def test_every_failing_status_is_explained_in_words(status, meaning):
    assert status_meaning(status) == meaning


@pytest.mark.parametrize(
    ("n_bytes", "text"),
    [
        (0, "0 byte"),
        (1023, "1023 byte"),
        (12 * 1024 + 300, "12 KB"),
        (3 * 1024 * 1024 // 2, "1,5 MB"),
    ],
)
def test_sizes_are_written_the_vietnamese_way(n_bytes, text):
    assert size(n_bytes) == text
