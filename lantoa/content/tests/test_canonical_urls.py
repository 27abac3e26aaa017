import pytest

from lantoa.content.urls_canonical import InvalidUrlError, canonicalize_url, resolve_canonical


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        (
            "HTTPS://VnExpress.NET:443/thoi-su/bai-viet-123.html?utm_source=fb&utm_medium=social",
            "https://vnexpress.net/thoi-su/bai-viet-123.html",
        ),
        (
            "https://baochinhphu.vn/tin.htm?fbclid=IwAR0x&zarsrc=31&gidzl=abc&gclid=1#binh-luan",
            "https://baochinhphu.vn/tin.htm",
        ),
        ("http://example.vn:80", "http://example.vn/"),
        ("http://example.vn:8080/a/", "http://example.vn:8080/a"),
        ("https://example.vn/tin-tuc/", "https://example.vn/tin-tuc"),
        ("https://example.vn/?", "https://example.vn/"),
        ("https://example.vn/search?q=b&page=2&a=1", "https://example.vn/search?a=1&page=2&q=b"),
        ("https://example.vn/tìm kiếm", "https://example.vn/t%C3%ACm%20ki%E1%BA%BFm"),
        ("https://example.vn/a%c3%a0", "https://example.vn/a%C3%A0"),
        ("https://bộ.vn/trang", "https://xn--b-8xm.vn/trang"),
        ("https://example.vn/x?q=a%2Bb", "https://example.vn/x?q=a%2Bb"),
    ],
)
def test_canonicalize_url(given, canonical):
    assert canonicalize_url(given) == canonical


def test_canonicalization_is_idempotent():
    once = canonicalize_url("https://Example.vn/Tin%20t%E1%BB%A9c/?b=2&a=1&utm_id=3")
    assert canonicalize_url(once) == once


def test_relative_links_resolve_against_the_base():
    url = canonicalize_url("../chinh-tri/bai-2.html?utm_campaign=x", base="https://a.vn/tin/x/")
    assert url == "https://a.vn/tin/chinh-tri/bai-2.html"


@pytest.mark.parametrize("given", ["mailto:ban@a.vn", "javascript:void(0)", "/relative", "http://"])
def test_unusable_urls_are_rejected(given):
    with pytest.raises(InvalidUrlError):
        canonicalize_url(given)


def test_declared_canonical_wins_when_usable():
    page = "https://m.baotinh.vn/bai-1.html?utm_source=zalo"
    assert resolve_canonical(page, "/tin/bai-1.html") == "https://m.baotinh.vn/tin/bai-1.html"
    assert resolve_canonical(page, "javascript:;") == "https://m.baotinh.vn/bai-1.html"
    assert resolve_canonical(page, None) == "https://m.baotinh.vn/bai-1.html"
