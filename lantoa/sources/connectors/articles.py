"""Shared by the web connectors: turn a fetched page into an :class:`Entry` or a rejection."""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from lantoa.content.extraction import extract_article
from lantoa.content.urls_canonical import InvalidUrlError, canonicalize_url, resolve_canonical
from lantoa.sources.connectors.base import (
    Entry,
    HarvestOutcome,
    Record,
    Rejection,
    RejectionReason,
    SourceStatus,
)
from lantoa.sources.fetching import Fetcher, FetchOutcome, FetchResult

__all__ = ["LinkScreen", "PageHints", "entry_from_page", "fetch_entry", "status_of_failed_fetch"]


@dataclass(frozen=True, kw_only=True)
class PageHints:
    """What a feed or sitemap already said about the page; used where the page is silent."""

    title: str = ""
    author: str | None = None
    published: dt.datetime | dt.date | None = None
    metadata: Mapping[str, Any] | None = None


def entry_from_page(result: FetchResult, hints: PageHints | None = None) -> Record:
    """Extract the article from a successful fetch, or say why there is none."""
    hints = hints or PageHints()
    article = extract_article(result.text, url=result.final_url)
    if article is None:
        return Rejection(
            reason=RejectionReason.NO_MAIN_TEXT,
            detail=_("Không tìm thấy nội dung tin bài trên trang"),
            url=result.final_url,
        )
    try:
        url = resolve_canonical(result.final_url, article.canonical_url)
    except InvalidUrlError:
        return Rejection(
            reason=RejectionReason.INVALID_URL,
            detail=_("Địa chỉ trang không hợp lệ (cần http:// hoặc https://)"),
            url=result.url,
        )
    return Entry(
        url=url,
        title=article.title or hints.title,
        text=article.text,
        author=article.author or hints.author,
        published=hints.published or article.published,
        language=article.language,
        metadata={
            **(hints.metadata or {}),
            "fetched_url": result.final_url,
            "site_name": article.site_name,
            "encoding": result.encoding,
            "legacy_encoding": result.legacy_encoding,
        },
    )


def fetch_entry(url: str, *, fetcher: Fetcher, hints: PageHints | None = None) -> Record:
    """Fetch ``url`` and extract its article."""
    result = fetcher.fetch(url)
    if not result.ok:
        return Rejection(
            reason=RejectionReason.FETCH_FAILED,
            detail=result.message,
            url=url,
        )
    return entry_from_page(result, hints)


def status_of_failed_fetch(result: FetchResult) -> SourceStatus | None:
    """The source status when fetching the source's own URL did not give content, else None."""
    if result.outcome is FetchOutcome.NOT_MODIFIED:
        return SourceStatus(
            outcome=HarvestOutcome.NOT_MODIFIED,
            message=result.message,
            fetch_outcome=result.outcome,
            etag=result.etag,
            last_modified=result.last_modified,
        )
    if not result.ok:
        return SourceStatus(
            outcome=HarvestOutcome.FETCH_FAILED,
            message=result.message,
            fetch_outcome=result.outcome,
        )
    return None


class LinkScreen:
    """Turns raw links into canonical URLs worth fetching, rejecting the rest with a reason.

    A link is rejected when it is not a usable URL, was already seen in this run, or is
    already stored (``is_known``, asked of the database by the caller).
    """

    def __init__(self, *, base_url: str, is_known: Callable[[str], bool]) -> None:
        self._base_url = base_url
        self._is_known = is_known
        self._seen: set[str] = set()

    def screen(self, link: str | None) -> str | Rejection:
        if not link:
            return Rejection(
                reason=RejectionReason.INVALID_URL, detail=_("Tin bài không có liên kết")
            )
        try:
            url = canonicalize_url(link, base=self._base_url)
        except InvalidUrlError:
            detail = _("Liên kết không hợp lệ (cần http:// hoặc https://)")
            return Rejection(reason=RejectionReason.INVALID_URL, detail=detail, url=link)
        if url in self._seen:
            detail = _("Liên kết xuất hiện hai lần trong nguồn")
            return Rejection(reason=RejectionReason.DUPLICATE_IN_RUN, detail=detail, url=url)
        self._seen.add(url)
        if self._is_known(url):
            detail = _("Tin bài đã được lưu từ trước")
            return Rejection(reason=RejectionReason.ALREADY_SEEN, detail=detail, url=url)
        return url
