"""A site section or sitemap (kind ``site``): find article links, then fetch each article.

``spec.url`` is a listing page (a section such as /thoi-su) or a sitemap.xml (a sitemap index
is followed one level). Only links on the same host are kept. Options:

* ``include``: list of regular expressions; a link's path (with query) must match one
  (default: any path);
* ``exclude``: list of regular expressions that reject a link (applied after ``include``;
  tag, search, login and media-file links are always excluded);
* ``max_items`` (default 50): articles fetched per poll; the rest are counted as
  ``over_limit`` and picked up by the next poll.
"""

import re
from collections.abc import Callable, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.utils.translation import gettext as _
from lxml import etree

from lantoa.sources.connectors.articles import LinkScreen, fetch_entry, status_of_failed_fetch
from lantoa.sources.connectors.base import (
    Harvest,
    HarvestOutcome,
    Record,
    Rejection,
    RejectionReason,
    SourceSpec,
    SourceStatus,
    never_seen,
    no_records,
)
from lantoa.sources.connectors.registry import register
from lantoa.sources.fetching import Fetcher, FetchResult

__all__ = ["harvest_site", "links_in_page", "links_in_sitemap"]

DEFAULT_MAX_ITEMS = 50
MAX_CHILD_SITEMAPS = 5
_ALWAYS_EXCLUDED = re.compile(
    r"/(tag|tags|tim-kiem|search|login|dang-nhap|rss)(/|$)|\.(jpe?g|png|gif|webp|pdf|docx?|xlsx?|zip|mp4|mp3)$",
    re.IGNORECASE,
)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def links_in_page(html: str, base_url: str) -> list[str]:
    """Absolute ``<a href>`` targets of a page, in page order."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    return [urljoin(base_url, str(href).strip()) for href in tree.xpath("//a/@href")]


def links_in_sitemap(body: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, child sitemap URLs) listed in a sitemap or sitemap index."""
    try:
        root = etree.fromstring(
            body, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError:
        return [], []
    pages = [str(loc.text).strip() for loc in root.iter(f"{_SITEMAP_NS}loc", "loc") if loc.text]
    if root.tag.endswith("sitemapindex"):
        return [], pages
    return pages, []


def _is_sitemap(result: FetchResult) -> bool:
    head = result.body[:512].lstrip()
    return head.startswith(b"<?xml") or b"<urlset" in head or b"<sitemapindex" in head


def _candidate_links(result: FetchResult, fetcher: Fetcher) -> list[str]:
    if not _is_sitemap(result):
        return links_in_page(result.text, result.final_url)
    pages, children = links_in_sitemap(result.body)
    for child in children[:MAX_CHILD_SITEMAPS]:
        child_result = fetcher.fetch(child)
        if child_result.ok:
            pages.extend(links_in_sitemap(child_result.body)[0])
    return pages


class _PatternFilter:
    def __init__(self, spec: SourceSpec) -> None:
        self.host = urlsplit(spec.url).hostname
        self.include = [re.compile(p) for p in spec.options.get("include", [])]
        self.exclude = [re.compile(p) for p in spec.options.get("exclude", [])]

    def rejects(self, url: str) -> str | None:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.hostname != self.host:
            return _("Liên kết sang máy chủ khác (%(host)s)") % {"host": parts.hostname}
        if self.include and not any(p.search(target) for p in self.include):
            return _("Đường dẫn không khớp mẫu URL bài viết nào")
        if _ALWAYS_EXCLUDED.search(parts.path) or any(p.search(target) for p in self.exclude):
            return _("Đường dẫn khớp một mẫu bị loại trừ")
        return None


def _records(
    links: list[str], spec: SourceSpec, fetcher: Fetcher, is_known: Callable[[str], bool]
) -> Iterator[Record]:
    screen = LinkScreen(base_url=spec.url, is_known=is_known)
    patterns = _PatternFilter(spec)
    budget = int(spec.options.get("max_items", DEFAULT_MAX_ITEMS))
    for link in links:
        url = screen.screen(link)
        if isinstance(url, Rejection):
            yield url
        elif (reason := patterns.rejects(url)) is not None:
            yield Rejection(reason=RejectionReason.OFF_PATTERN, detail=reason, url=url)
        elif budget <= 0:
            detail = _("Vượt số tin bài tối đa mỗi lượt; để lại cho lượt quét sau")
            yield Rejection(reason=RejectionReason.OVER_LIMIT, detail=detail, url=url)
        else:
            budget -= 1
            yield fetch_entry(url, fetcher=fetcher)


def harvest_site(
    spec: SourceSpec, *, fetcher: Fetcher, is_known: Callable[[str], bool] = never_seen
) -> Harvest:
    """Read the listing page or sitemap at ``spec.url`` and yield its articles."""
    result = fetcher.fetch(spec.url, etag=spec.etag, last_modified=spec.last_modified)
    if (failed := status_of_failed_fetch(result)) is not None:
        return Harvest(status=failed, records=no_records())
    links = _candidate_links(result, fetcher)
    status = SourceStatus(
        outcome=HarvestOutcome.OK,
        message=_("Tìm thấy %(count)d liên kết trên %(url)s")
        % {"count": len(links), "url": result.final_url},
        fetch_outcome=result.outcome,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    return Harvest(status=status, records=_records(links, spec, fetcher, is_known))


register(
    "site",
    description="Section page or sitemap.xml; same-host article links filtered by URL patterns",
    harvest=harvest_site,
)
