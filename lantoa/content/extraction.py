"""Article extraction from a fetched HTML page: title, main text, author, date, canonical URL.

trafilatura finds the main text; around it we handle what it does not know about Vietnamese
outlets and provincial portals:

* before extraction, blocks whose class or id names boilerplate (share bars, related lists,
  comment boxes, visitor counters, menus) are dropped, and so is everything that follows a
  heading such as "Tin liên quan" or "Ý kiến bạn đọc" inside its container;
* after extraction, lines that are boilerplate ("Số lượt truy cập: 1.234", "Chia sẻ", "Bản
  quyền ...") are dropped and the text is cut at a "Tin liên quan" line;
* the date comes from machine-readable metadata with its time when the page has one
  (``article:published_time``, ``datePublished``, ``<time datetime>``), else the visible
  "08:30 23/11/2026" pattern of Vietnamese outlets, else trafilatura/htmldate's day only.

The result never contains HTML: it is plain, normalised text (see lantoa.core.text).
"""

import datetime as dt
import re
from dataclasses import dataclass

import htmldate
import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from lantoa.core.folding import fold
from lantoa.core.language import detect_language
from lantoa.core.text import normalize_text

__all__ = ["ExtractedArticle", "extract_article"]

VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")

_BOILERPLATE_ATTR = re.compile(
    r"(^|[\s_-])(share|sharing|social|related|relate|lienquan|tin-?khac|comment|binh-?luan|"
    r"counter|visitor|truy-?cap|thong-?ke|breadcrumb|menu|navbar|sidebar|footer|banner|"
    r"advert|ads|quang-?cao|tags?|print|rating|poll|subscribe)([\s_-]|$)",
    re.IGNORECASE,
)
# Folded (no diacritics, lowercase) headings that open a non-article block.
_CLOSING_HEADINGS = (
    "tin lien quan",
    "bai viet lien quan",
    "tin cung chuyen muc",
    "tin khac",
    "cac tin khac",
    "tin moi nhat",
    "tin doc nhieu",
    "xem them",
    "doc them",
    "y kien ban doc",
    "binh luan",
    "gui binh luan",
    "thong ke truy cap",
)
_BOILERPLATE_LINE = re.compile(
    r"^(so luot truy cap|luot truy cap|dang truy cap|dang truc tuyen|tong luot|luot xem|"
    r"chia se|share|theo doi .{0,30}(tren|qua)|ban quyen|copyright|©|in bai|gui bai|"
    r"tags?\s*:|tu khoa\s*:|facebook|zalo|twitter|quay lai|len dau trang|trang chu|"
    r"xem them|doc them|y kien ban doc|gui binh luan|binh luan)",
)
_MAX_BOILERPLATE_LINE_WORDS = 14
_DATE_LINE = re.compile(
    r"^(ngay dang|dang ngay|dang luc|cap nhat|thoi gian|ngay|thu \w+|chu nhat)?[\s:,]*"
    r"\d{1,2}[/-]\d{1,2}[/-]\d{4}"
)
_MAX_DATE_LINE_WORDS = 12
_BYLINE_PREFIX = re.compile(r"^(bởi|by|tác giả|theo|bài và ảnh|bài, ảnh)\s*:?\s+", re.IGNORECASE)
_SAPO_CLASS = re.compile(r"sapo|summary|description|chapeau|lead|tom-?tat|desc", re.IGNORECASE)
_SAPO_SOURCE_PREFIX = re.compile(r"^\([\w.]+\)\s*-\s*")
_SAPO_MIN_CHARS, _SAPO_MAX_CHARS = 40, 1200
_TITLE_MIN_CHARS, _TITLE_MAX_CHARS = 15, 250
_DATE_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publishdate']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//time[@datetime]/@datetime",
)
_VISIBLE_DATETIME = (
    re.compile(r"(\d{1,2}):(\d{2})\D{0,12}?(\d{1,2})/(\d{1,2})/(\d{4})"),
    re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\D{0,12}?(\d{1,2}):(\d{2})"),
)


@dataclass(frozen=True, kw_only=True)
class ExtractedArticle:
    """What a page says: plain text fields; ``published`` has a time zone or is a bare date."""

    title: str
    text: str
    author: str | None
    published: dt.datetime | dt.date | None
    canonical_url: str | None
    site_name: str | None
    language: str


def _is_closing_heading(element: etree._Element) -> bool:
    text = " ".join(element.itertext()).strip()
    return 0 < len(text) <= 40 and fold(text).strip(" :.»>") in _CLOSING_HEADINGS


def _drop_after_closing_headings(tree: lxml.html.HtmlElement) -> None:
    for heading in tree.xpath("//h2|//h3|//h4|//h5|//h6|//div|//span|//p|//strong"):
        if heading.getparent() is None or len(heading) > 1 or not _is_closing_heading(heading):
            continue
        for sibling in list(heading.itersiblings()):
            sibling.drop_tree()
        heading.drop_tree()


def _paragraph_chars(element: etree._Element) -> int:
    return sum(len(" ".join(p.itertext())) for p in element.iter("p"))


def _drop_boilerplate_blocks(tree: lxml.html.HtmlElement) -> None:
    """Drop blocks named like boilerplate, unless they hold the article (some outlets put the
    main column in a "sidebar-1"): a block with the h1 or a fifth of the paragraphs stays."""
    for element in tree.xpath("//nav|//aside|//footer|//form|//script|//style|//iframe"):
        if element.getparent() is not None:
            element.drop_tree()
    total = max(1, _paragraph_chars(tree))
    for element in tree.xpath("//*[@class or @id]"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if element.getparent() is None or not _BOILERPLATE_ATTR.search(names):
            continue
        if not element.xpath(".//h1") and _paragraph_chars(element) < total / 5:
            element.drop_tree()


def _unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """Old portals lay pages out with tables; read as tables their paragraphs would merge."""
    for table in tree.xpath("//table[.//p or .//div or .//table or .//br]"):
        for element in [table, *table.iter("tbody", "thead", "tr", "td", "th")]:
            element.tag = "div"


def _sapo(tree: lxml.html.HtmlElement) -> str | None:
    for element in tree.xpath("//body//*[@class]"):
        if _SAPO_CLASS.search(element.get("class", "")):
            text = normalize_text(" ".join(element.itertext()))
            if _SAPO_MIN_CHARS <= len(text) <= _SAPO_MAX_CHARS:
                return _SAPO_SOURCE_PREFIX.sub("", text)
    return None


def _title_candidates(tree: lxml.html.HtmlElement) -> list[str]:
    elements = tree.xpath("//h1|//body//*[contains(@class, 'title')]")
    texts = [normalize_text(" ".join(e.itertext())) for e in elements]
    return [t for t in texts if _TITLE_MIN_CHARS <= len(t) <= _TITLE_MAX_CHARS]


def _choose_title(extracted_title: str, first_line: str, candidates: list[str]) -> str:
    if extracted_title in candidates or not candidates:
        return extracted_title
    return first_line if first_line in candidates else candidates[0]


def _is_boilerplate_line(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_BOILERPLATE_LINE_WORDS:
        return False
    folded = fold(line)
    if len(words) <= _MAX_DATE_LINE_WORDS and _DATE_LINE.match(folded):
        return True
    return _BOILERPLATE_LINE.match(folded) is not None


def _is_byline(line: str, author: str | None) -> bool:
    """A closing line that only names the writer: "Trần Minh Đức", "NGUYỄN VĂN A"."""
    words = _BYLINE_PREFIX.sub("", line).split()
    if author and fold(" ".join(words)) == fold(author):
        return True
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words)


def _clean_text(text: str, *, title_candidates: list[str], author: str | None) -> str:
    lines: list[str] = []
    for line in normalize_text(text).split("\n"):
        if fold(line).strip(" :.»>") in _CLOSING_HEADINGS:
            break
        if not _is_boilerplate_line(line) and not (not lines and line in title_candidates):
            lines.append(line)
    while lines and _is_byline(lines[-1], author):
        lines.pop()
    return "\n".join(lines).strip()


def _clean_author(author: str | None) -> str | None:
    cleaned = _BYLINE_PREFIX.sub("", normalize_text(author or "")).strip()
    return cleaned or None


def _with_sapo(text: str, sapo: str | None) -> str:
    if not sapo or fold(sapo)[:80] in fold(text):
        return text
    return f"{sapo}\n{text}"


def _parse_iso(value: str) -> dt.datetime | dt.date | None:
    value = value.strip().replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if len(value) <= 10:
        return moment.date()
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM_TZ)


def _visible_datetimes(text: str) -> list[dt.datetime]:
    found: list[dt.datetime] = []
    for index, pattern in enumerate(_VISIBLE_DATETIME):
        for match in pattern.finditer(text):
            numbers = [int(n) for n in match.groups()]
            hour, minute, day, month, year = numbers if index == 0 else [*numbers[3:], *numbers[:3]]
            try:
                found.append(dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ))
            except ValueError:
                continue
    return found


def _metadata_datetime(tree: lxml.html.HtmlElement) -> dt.datetime | dt.date | None:
    for xpath in _DATE_META:
        for value in tree.xpath(xpath):
            if parsed := _parse_iso(str(value)):
                return parsed
    return None


def _headline_datetimes(tree: lxml.html.HtmlElement) -> list[dt.datetime]:
    """Visible dates with a time of day in the block around the h1, where outlets print them."""
    headline = tree.find(".//h1")
    block = headline.getparent() if headline is not None else None
    return _visible_datetimes(" ".join(block.itertext())) if block is not None else []


def _published(
    html: str, day: str | None, visible: list[dt.datetime]
) -> dt.datetime | dt.date | None:
    """The day trafilatura (else htmldate) found, with a visible time of day only when the
    visible date agrees: portal headers show today's date and time, not the article's."""
    found_day = day or htmldate.find_date(html, extensive_search=True)
    if found_day is None:
        return visible[0] if visible else None
    article_day = dt.date.fromisoformat(found_day)
    return next((moment for moment in visible if moment.date() == article_day), article_day)


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    hrefs = tree.xpath("//link[@rel='canonical']/@href")
    return str(hrefs[0]).strip() or None if hrefs else None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def extract_article(html: str, *, url: str | None = None) -> ExtractedArticle | None:
    """Extract the article in ``html``; None when the page has no main text at all.

    ``canonical_url`` is the page's declared ``<link rel="canonical">`` as written (resolve it
    with lantoa.content.urls_canonical.resolve_canonical).
    """
    tree = _parse(html)
    if tree is None:
        return None
    canonical_url = _canonical(tree)
    metadata_published = _metadata_datetime(tree) or next(iter(_headline_datetimes(tree)), None)
    visible_datetimes = _visible_datetimes(" ".join(tree.xpath("//body//text()")))
    _drop_boilerplate_blocks(tree)
    _drop_after_closing_headings(tree)
    _unwrap_layout_tables(tree)
    sapo, title_candidates = _sapo(tree), _title_candidates(tree)
    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if not isinstance(document, Document) or not document.text:
        return None
    first_line = normalize_text(document.text).split("\n", 1)[0]
    title = _choose_title(normalize_text(document.title or ""), first_line, title_candidates)
    author = _clean_author(document.author)
    text = _clean_text(document.text, title_candidates=[title, *title_candidates], author=author)
    text = _with_sapo(text, sapo)
    if not text:
        return None
    return ExtractedArticle(
        title=title,
        text=text,
        author=author,
        published=metadata_published or _published(html, document.date, visible_datetimes),
        canonical_url=canonical_url,
        site_name=document.sitename or None,
        language=detect_language(text).code,
    )
