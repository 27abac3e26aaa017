"""What one fetch ended in: an explicit outcome and a message an operator can act on."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["FetchOutcome", "FetchResult"]


class FetchOutcome(StrEnum):
    """Every way a fetch can end; sources count these to show their health."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    HTTP_ERROR = "http_error"
    RATE_LIMITED = "rate_limited"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    ROBOTS_DISALLOWED = "robots_disallowed"
    REDIRECT_LOOP = "redirect_loop"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NETWORK_ERROR = "network_error"
    INVALID_URL = "invalid_url"


@dataclass(frozen=True, kw_only=True)
class FetchResult:
    """The end of one fetch (after redirects and retries).

    ``text`` is the body decoded to Unicode (declared charset checked, legacy Vietnamese
    encodings repaired) and is only set for ``OK``; ``body`` keeps the raw bytes for parsers
    that do their own decoding (feeds, sitemaps). ``etag``/``last_modified`` are the
    validators to send next time; on ``NOT_MODIFIED`` they are the ones that were sent.
    """

    url: str
    outcome: FetchOutcome
    message: str
    final_url: str = ""
    status_code: int | None = None
    body: bytes = b""
    text: str = ""
    content_type: str = ""
    encoding: str = ""
    legacy_encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    elapsed_s: float = 0.0
    redirects: tuple[str, ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.outcome is FetchOutcome.OK
