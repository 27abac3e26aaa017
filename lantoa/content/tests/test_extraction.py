"""Extraction on the Vietnamese news corpus, plus the contract of :func:`extract_article`."""

import datetime as dt
import re
from statistics import mean

import pytest

from lantoa.content.extraction import VIETNAM_TZ, extract_article
from lantoa.content.tests.extraction_corpus.scoring import load_corpus, score_page
from lantoa.core.text import normalize_text

CORPUS = load_corpus()
SCORES = {page.name: score_page(page) for page in CORPUS}


def extracted(page):
    article = SCORES[page.name].extracted
    assert article is not None
    return article


BOILERPLATE = [
    "Tin liên quan",
    "Số lượt truy cập",
    "Đang truy cập",
    "Chia sẻ",
    "Ý kiến (",
    "Ý kiến của bạn",
    "Bình luận",
    "Bản quyền",
    "Các tin khác",
    "Tin cùng chuyên mục",
    "In bài viết",
    "Trang chủ",
    "Xem thêm",
]


def test_corpus_is_large_and_varied():
    layouts = {page.name.split("-")[1] for page in CORPUS}
    assert len(CORPUS) >= 20
    assert len(layouts) >= 8


def test_most_of_the_expected_text_is_recovered():
    recalls = [score.recall for score in SCORES.values()]
    assert mean(recalls) >= 0.95
    assert min(recalls) >= 0.75


def test_boilerplate_barely_leaks():
    leaks = [score.leak for score in SCORES.values()]
    assert mean(leaks) <= 0.02
    assert max(leaks) <= 0.05


@pytest.mark.parametrize("page", CORPUS, ids=lambda page: page.name)
def test_no_boilerplate_phrase_and_no_html_in_text(page):
    text = extracted(page).text
    assert [phrase for phrase in BOILERPLATE if phrase.lower() in text.lower()] == []
    assert not re.search(r"</?[a-z][^>]*>", text)


def test_titles_and_days_are_found_on_nearly_every_page():
    titles = [extracted(p).title == normalize_text(p.title) for p in CORPUS]
    days = [_day(extracted(p).published) == p.published_day for p in CORPUS]
    assert sum(titles) >= len(CORPUS) - 3
    assert all(days)


def _day(published):
    return (published.date() if isinstance(published, dt.datetime) else published).isoformat()


PAGE = """<html><head><title>Thông báo - Báo Tỉnh</title>
<link rel="canonical" href="/tin/thong-bao-1.html">
<meta property="article:published_time" content="2026-11-20T08:30:00"></head>
<body><h1>Thông báo lịch cắt điện</h1><div class="content">
<p>Điện lực tỉnh thông báo tạm ngừng cấp điện để bảo dưỡng đường dây 110 kV &lt;theo kế hoạch&gt;,
từ <b>7 giờ</b> đến <i>17 giờ</i> ngày 25/11 tại các phường trung tâm thành phố.</p>
<p>Khách hàng cần thêm thông tin có thể liên hệ tổng đài chăm sóc khách hàng của Điện lực tỉnh,
hoạt động liên tục tất cả các ngày trong tuần kể cả ngày nghỉ lễ.</p>
<p>Số lượt truy cập: 98.765</p></div></body></html>"""


def test_extract_article_contract():
    article = extract_article(PAGE, url="https://baotinh.vn/tin/thong-bao-1.html?utm_source=zalo")

    assert article is not None
    assert article.title == "Thông báo lịch cắt điện"
    assert article.text.startswith("Điện lực tỉnh thông báo tạm ngừng cấp điện")
    assert "<theo kế hoạch>" in article.text
    assert "7 giờ đến 17 giờ" in article.text
    assert "truy cập" not in article.text
    assert article.canonical_url == "/tin/thong-bao-1.html"
    assert article.published == dt.datetime(2026, 11, 20, 8, 30, tzinfo=VIETNAM_TZ)
    assert article.language == "vi"


@pytest.mark.parametrize(
    "html", ["", "<html><body></body></html>", "<html><body><nav>Trang chủ</nav></body></html>"]
)
def test_pages_without_main_text_give_none(html):
    assert extract_article(html) is None
