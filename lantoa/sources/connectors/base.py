"""The plain values every connector speaks: what to read, what came out, how it went."""

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeAlias

from lantoa.sources.fetching import Fetcher, FetchOutcome

__all__ = [
    "Engagement",
    "Entry",
    "Harvest",
    "HarvestFunction",
    "HarvestOutcome",
    "Record",
    "Rejection",
    "RejectionReason",
    "SourceSpec",
    "SourceStatus",
    "never_seen",
    "no_records",
]


@dataclass(frozen=True, kw_only=True)
class SourceSpec:
    """A source as connectors see it: no ORM, just what is needed to read it.

    ``url`` is the feed, page, site or sitemap URL, or the path of an uploaded file.
    ``options`` are connector-specific (documented on each connector); ``etag`` and
    ``last_modified`` are the validators stored from the previous successful poll.
    """

    kind: str
    url: str
    options: Mapping[str, Any] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, kw_only=True)
class Engagement:
    likes: int | None = None
    shares: int | None = None
    comments: int | None = None


@dataclass(frozen=True, kw_only=True)
class Entry:
    """One ingested item, ready to be stored.

    ``url`` is canonical (lantoa.content.urls_canonical) when known. ``published`` is an
    aware datetime, or a date when the source gives no time of day. Social posts carry
    ``platform``/``platform_id`` (and ``parent_id`` for comments) and ``engagement``.
    ``metadata`` keeps what the source said that has no field of its own.
    """

    url: str | None
    title: str
    text: str
    author: str | None
    published: dt.datetime | dt.date | None
    language: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    platform: str | None = None
    platform_id: str | None = None
    parent_id: str | None = None
    engagement: Engagement | None = None


class RejectionReason(StrEnum):
    """Why a candidate item was not turned into an :class:`Entry`; each is counted."""

    ALREADY_SEEN = "already_seen"
    DUPLICATE_IN_RUN = "duplicate_in_run"
    INVALID_URL = "invalid_url"
    OFF_PATTERN = "off_pattern"
    FETCH_FAILED = "fetch_failed"
    NO_MAIN_TEXT = "no_main_text"
    INVALID_ROW = "invalid_row"
    OVER_LIMIT = "over_limit"


@dataclass(frozen=True, kw_only=True)
class Rejection:
    """A counted refusal with a message for the operator (and the line for files).

    ``detail`` does not repeat ``url`` or ``line``: reports put them in front of it.
    """

    reason: RejectionReason
    detail: str
    url: str | None = None
    line: int | None = None


Record: TypeAlias = Entry | Rejection


class HarvestOutcome(StrEnum):
    """How reading the source itself went (items are accounted for separately)."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    FETCH_FAILED = "fetch_failed"
    INVALID_FEED = "invalid_feed"
    FILE_ERROR = "file_error"
    INVALID_PAYLOAD = "invalid_payload"


@dataclass(frozen=True, kw_only=True)
class SourceStatus:
    """The source-level result: store ``etag``/``last_modified`` for the next poll."""

    outcome: HarvestOutcome
    message: str
    fetch_outcome: FetchOutcome | None = None
    etag: str | None = None
    last_modified: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome in {HarvestOutcome.OK, HarvestOutcome.NOT_MODIFIED}


@dataclass(frozen=True, kw_only=True)
class Harvest:
    """A source's status plus its records, produced lazily (files may be huge)."""

    status: SourceStatus
    records: Iterator[Record]


def never_seen(_url: str) -> bool:
    return False


class HarvestFunction(Protocol):
    def __call__(
        self, spec: SourceSpec, *, fetcher: Fetcher, is_known: Callable[[str], bool] = never_seen
    ) -> Harvest: ...


def no_records() -> Iterator[Record]:
    yield from ()
