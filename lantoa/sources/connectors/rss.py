"""RSS and Atom feeds (kind ``rss``), parsed by feedparser.

Options: ``follow_links`` (default true): fetch each entry's page and extract the full
article; when that fails the feed's own summary is kept (``metadata["text_from"] ==
"feed"``) so nothing is lost. A feed with XML errors still yields the entries feedparser
could recover, with a warning; one that yields nothing is an ``invalid_feed``.
"""

import calendar
import datetime as dt
import time
from collections.abc import Callable, Iterator
from typing import Any

import feedparser
import lxml.html
from django.utils.translation import gettext as _
from lxml import etree

from lantoa.core.language import detect_language
from lantoa.core.text import normalize_text
from lantoa.sources.connectors.articles import (
    LinkScreen,
    PageHints,
    fetch_entry,
    status_of_failed_fetch,
)
from lantoa.sources.connectors.base import (
    Entry,
    Harvest,
    HarvestOutcome,
    Record,
    Rejection,
    SourceSpec,
    SourceStatus,
    never_seen,
    no_records,
)
from lantoa.sources.connectors.registry import register
from lantoa.sources.fetching import Fetcher

__all__ = ["harvest_feed"]

FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8"


def _published(entry: Any) -> dt.datetime | None:
    moment: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if moment is None:
        return None
    # feedparser gives UTC struct_time.
    return dt.datetime.fromtimestamp(calendar.timegm(moment), tz=dt.UTC)


def _plain(html: str) -> str:
    if not html.strip():
        return ""
    try:
        return normalize_text(lxml.html.fromstring(html).text_content())
    except (etree.ParserError, ValueError):
        return normalize_text(html)


def _feed_text(entry: Any) -> str:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    return _plain(body)


def _hints(entry: Any) -> PageHints:
    return PageHints(
        title=normalize_text(entry.get("title", "")),
        author=entry.get("author") or None,
        published=_published(entry),
        metadata={
            "feed_id": entry.get("id"),
            "tags": [t.get("term") for t in entry.get("tags", [])],
        },
    )


def _entry_from_feed(url: str, entry: Any, hints: PageHints) -> Entry:
    text = _feed_text(entry)
    return Entry(
        url=url,
        title=hints.title,
        text=text,
        author=hints.author,
        published=hints.published,
        language=detect_language(text).code,
        metadata={**(hints.metadata or {}), "text_from": "feed"},
    )


def _records(
    entries: list[Any], spec: SourceSpec, fetcher: Fetcher, is_known: Callable[[str], bool]
) -> Iterator[Record]:
    screen = LinkScreen(base_url=spec.url, is_known=is_known)
    follow = bool(spec.options.get("follow_links", True))
    for entry in entries:
        url = screen.screen(entry.get("link"))
        if isinstance(url, Rejection):
            yield url
            continue
        hints = _hints(entry)
        record = fetch_entry(url, fetcher=fetcher, hints=hints) if follow else None
        if isinstance(record, Entry):
            yield record
        elif _feed_text(entry):
            yield _entry_from_feed(url, entry, hints)
        elif record is not None:
            yield record


def harvest_feed(
    spec: SourceSpec, *, fetcher: Fetcher, is_known: Callable[[str], bool] = never_seen
) -> Harvest:
    """Poll the feed at ``spec.url`` (conditionally) and yield its entries."""
    result = fetcher.fetch(
        spec.url, etag=spec.etag, last_modified=spec.last_modified, accept=FEED_ACCEPT
    )
    if (failed := status_of_failed_fetch(result)) is not None:
        return Harvest(status=failed, records=no_records())
    feed = feedparser.parse(result.body, response_headers={"content-type": result.content_type})
    problem = f"{feed.get('bozo_exception')}" if feed.get("bozo") else ""
    if problem and not feed.entries:
        message = _(
            "Nguồn RSS không phải XML RSS/Atom hợp lệ, không đọc được tin bài nào: %(problem)s"
        ) % {"problem": problem}
        status = SourceStatus(
            outcome=HarvestOutcome.INVALID_FEED, message=message, fetch_outcome=result.outcome
        )
        return Harvest(status=status, records=no_records())
    warnings = (
        (
            _("Nguồn RSS có lỗi XML (%(problem)s); vẫn đọc được %(count)d tin bài")
            % {"problem": problem, "count": len(feed.entries)},
        )
        if problem
        else ()
    )
    status = SourceStatus(
        outcome=HarvestOutcome.OK,
        message=_("Nguồn RSS có %(count)d tin bài") % {"count": len(feed.entries)},
        fetch_outcome=result.outcome,
        etag=result.etag,
        last_modified=result.last_modified,
        warnings=warnings,
    )
    return Harvest(status=status, records=_records(list(feed.entries), spec, fetcher, is_known))


register(
    "rss",
    description="RSS or Atom feed; follows entry links for the full article",
    harvest=harvest_feed,
)
