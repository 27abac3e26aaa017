"""The one way Lantoa reads the web: bounded, polite, retried, and always ending in a result.

:meth:`Fetcher.fetch` never raises for anything the network or a server does; every call ends
in a :class:`FetchResult` whose outcome says what happened. Redirects are followed by hand so
that each hop is checked against robots.txt and loops are named as such.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

import httpx
from django.utils.translation import gettext as _

from lantoa.sources.fetching.backoff import RETRYABLE_STATUSES, parse_retry_after, retry_wait
from lantoa.sources.fetching.charset import decode_body
from lantoa.sources.fetching.messages import number, size, status_meaning, with_attempts
from lantoa.sources.fetching.policy import FetchPolicy
from lantoa.sources.fetching.politeness import HostGate
from lantoa.sources.fetching.result import FetchOutcome, FetchResult
from lantoa.sources.fetching.robots import RobotsCache, RobotsFile

__all__ = ["Fetcher"]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_MAX_ROBOTS_BYTES = 512 * 1024
_TEXT_SUFFIXES = ("xml", "json", "html", "javascript")
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True, kw_only=True)
class _Attempt:
    """One HTTP exchange, or the failure that stopped it (``failure`` set)."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    failure: FetchOutcome | None = None
    message: str = ""

    @property
    def retryable(self) -> bool:
        if self.failure in {FetchOutcome.TIMEOUT, FetchOutcome.NETWORK_ERROR}:
            return True
        return self.failure is None and self.status in RETRYABLE_STATUSES


class _BodyTooLargeError(Exception):
    pass


class _DeadlineError(Exception):
    pass


def _is_textual(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return not media_type or media_type.startswith("text/") or media_type.endswith(_TEXT_SUFFIXES)


class Fetcher:
    """HTTP GET with the limits of a :class:`FetchPolicy`; share one instance per process.

    ``transport``, ``sleep`` and ``clock`` exist so tests can run offline and instantly.
    """

    def __init__(
        self,
        *,
        policy: FetchPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        self._clock = clock
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                self.policy.read_timeout_s, connect=self.policy.connect_timeout_s
            ),
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent, "Accept-Language": "vi,en;q=0.7"},
            transport=transport,
        )
        self._gate = HostGate(
            min_delay_s=self.policy.min_host_delay_s,
            max_concurrency=self.policy.max_host_concurrency,
            clock=clock,
            sleep=sleep,
        )
        self._robots = RobotsCache(
            load=self._load_robots,
            user_agent=self.policy.user_agent,
            ttl_s=self.policy.robots_ttl_s,
            clock=clock,
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = _ACCEPT,
    ) -> FetchResult:
        """GET ``url`` (conditionally when validators are given) and say how it ended."""
        started = self._clock()
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = self._follow(url, headers)
        result = replace(result, elapsed_s=self._clock() - started)
        if result.outcome is FetchOutcome.NOT_MODIFIED:
            return replace(
                result,
                etag=result.etag or etag,
                last_modified=result.last_modified or last_modified,
            )
        return result

    def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        chain = [url]
        attempts = 0
        while True:
            current = chain[-1]
            if (refused := self._refusal(url, current)) is not None:
                return replace(refused, redirects=tuple(chain[1:]), attempts=max(attempts, 1))
            attempt, used = self._attempt_with_retries(current, headers)
            attempts += used
            location = attempt.headers.get("location")
            if attempt.failure or attempt.status not in _REDIRECT_STATUSES or not location:
                return self._result(url, chain, attempt, attempts)
            target = urljoin(current, location)
            if target in chain:
                loop = " → ".join([*chain, target])
                message = _("Vòng lặp chuyển hướng, không tới được nội dung: %(chain)s") % {
                    "chain": loop
                }
                return self._fail(url, FetchOutcome.REDIRECT_LOOP, message, chain, attempts)
            if len(chain) > self.policy.max_redirects:
                message = _("Quá %(max)d lần chuyển hướng, lần cuối tới %(url)s") % {
                    "max": self.policy.max_redirects,
                    "url": target,
                }
                return self._fail(url, FetchOutcome.TOO_MANY_REDIRECTS, message, chain, attempts)
            chain.append(target)

    def _refusal(self, url: str, current: str) -> FetchResult | None:
        parts = urlsplit(current)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            message = _("Địa chỉ không hợp lệ: %(url)s (cần http:// hoặc https://)") % {
                "url": current
            }
            return FetchResult(
                url=url, final_url=current, outcome=FetchOutcome.INVALID_URL, message=message
            )
        if self.policy.respect_robots and not self._robots.allows(current):
            path = parts.path or "/"
            message = _(
                "robots.txt của máy chủ %(host)s không cho phép LantoaBot thu thập %(path)s"
            ) % {"host": parts.hostname, "path": path}
            return FetchResult(
                url=url, final_url=current, outcome=FetchOutcome.ROBOTS_DISALLOWED, message=message
            )
        return None

    def _fail(
        self, url: str, outcome: FetchOutcome, message: str, chain: list[str], attempts: int
    ) -> FetchResult:
        return FetchResult(
            url=url,
            final_url=chain[-1],
            outcome=outcome,
            message=message,
            redirects=tuple(chain[1:]),
            attempts=attempts,
        )

    def _attempt_with_retries(self, url: str, headers: dict[str, str]) -> tuple[_Attempt, int]:
        host = urlsplit(url).hostname or ""
        extra_delay = self._robots.crawl_delay(url) if self.policy.respect_robots else 0.0
        attempt_number = 0
        while True:
            attempt_number += 1
            with self._gate.slot(host, extra_delay_s=extra_delay):
                attempt = self._attempt(url, headers)
            if not attempt.retryable or attempt_number > self.policy.max_retries:
                return attempt, attempt_number
            retry_after = parse_retry_after(attempt.headers.get("retry-after"))
            if retry_after is not None and retry_after > self.policy.max_retry_wait_s:
                message = _(
                    "Máy chủ yêu cầu chờ %(wait)s giây rồi mới thử lại, lâu hơn mức tối đa "
                    "%(limit)s giây; sẽ thử lại ở lượt quét sau"
                ) % {
                    "wait": number(round(retry_after)),
                    "limit": number(round(self.policy.max_retry_wait_s)),
                }
                return replace(attempt, message=message), attempt_number
            self._sleep(
                retry_wait(
                    attempt=attempt_number,
                    base_s=self.policy.backoff_base_s,
                    retry_after_s=retry_after,
                )
            )

    def _attempt(self, url: str, headers: dict[str, str]) -> _Attempt:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read(response)
        except _BodyTooLargeError as error:
            return _Attempt(failure=FetchOutcome.TOO_LARGE, message=str(error))
        except (_DeadlineError, httpx.TimeoutException) as error:
            return _Attempt(failure=FetchOutcome.TIMEOUT, message=self._timeout_message(error))
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
            message = _("Địa chỉ không hợp lệ: %(url)s (%(error)s)") % {"url": url, "error": error}
            return _Attempt(failure=FetchOutcome.INVALID_URL, message=message)
        except httpx.HTTPError as error:
            host = urlsplit(url).hostname
            message = _("Không nhận được phản hồi từ máy chủ %(host)s: %(error)s") % {
                "host": host,
                "error": error or type(error).__name__,
            }
            return _Attempt(failure=FetchOutcome.NETWORK_ERROR, message=message)

    def _timeout_message(self, error: Exception) -> str:
        if isinstance(error, _DeadlineError):
            return str(error)
        if isinstance(error, httpx.ConnectTimeout):
            message = _("Máy chủ không phản hồi trong %(seconds)s giây (hết thời gian chờ kết nối)")
            return message % {"seconds": number(self.policy.connect_timeout_s)}
        message = _("Máy chủ không phản hồi trong %(seconds)s giây (hết thời gian chờ đọc dữ liệu)")
        return message % {"seconds": number(self.policy.read_timeout_s)}

    def _read(self, response: httpx.Response) -> _Attempt:
        headers = {k.lower(): v for k, v in response.headers.items()}
        status = response.status_code
        if status in _REDIRECT_STATUSES or status == 304:
            return _Attempt(status=status, headers=headers)
        limit = self.policy.max_body_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _BodyTooLargeError(
                _("Phản hồi có dung lượng %(size)s, vượt giới hạn %(limit)s; không tải về")
                % {"size": size(int(declared)), "limit": size(limit)}
            )
        return _Attempt(status=status, headers=headers, body=self._body(response))

    def _body(self, response: httpx.Response) -> bytes:
        deadline = self._clock() + self.policy.total_timeout_s
        chunks: list[bytes] = []
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > self.policy.max_body_bytes:
                raise _BodyTooLargeError(
                    _("Phản hồi vượt giới hạn %(limit)s; đã ngừng đọc sau %(size)s")
                    % {"limit": size(self.policy.max_body_bytes), "size": size(received)}
                )
            if self._clock() > deadline:
                raise _DeadlineError(
                    _("Tải về mất hơn %(seconds)s giây; đã dừng tải")
                    % {"seconds": number(self.policy.total_timeout_s)}
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _result(self, url: str, chain: list[str], attempt: _Attempt, attempts: int) -> FetchResult:
        base = FetchResult(
            url=url,
            final_url=chain[-1],
            outcome=attempt.failure or FetchOutcome.OK,
            message=attempt.message,
            status_code=attempt.status,
            redirects=tuple(chain[1:]),
            attempts=attempts,
            headers=attempt.headers,
            etag=attempt.headers.get("etag"),
            last_modified=attempt.headers.get("last-modified"),
            content_type=attempt.headers.get("content-type", ""),
        )
        if attempt.failure:
            return base
        return self._classify(base, attempt)

    def _classify(self, base: FetchResult, attempt: _Attempt) -> FetchResult:
        status = attempt.status or 0
        if status == 304:
            return replace(
                base,
                outcome=FetchOutcome.NOT_MODIFIED,
                message=_("Không có thay đổi kể từ lần tải trước (HTTP 304)"),
            )
        if status == 429:
            limited = _("Máy chủ đang giới hạn tần suất truy cập (HTTP 429)")
            message = attempt.message or with_attempts(limited, base.attempts)
            return replace(base, outcome=FetchOutcome.RATE_LIMITED, message=message)
        if not 200 <= status < 300:
            failed = _("Không tải được trang: máy chủ trả về HTTP %(status)d (%(meaning)s)") % {
                "status": status,
                "meaning": status_meaning(status),
            }
            message = attempt.message or with_attempts(failed, base.attempts)
            return replace(base, outcome=FetchOutcome.HTTP_ERROR, message=message)
        done = _("Đã tải %(size)s (HTTP %(status)d)") % {
            "size": size(len(attempt.body)),
            "status": status,
        }
        fetched = replace(base, body=attempt.body, message=with_attempts(done, base.attempts))
        if not _is_textual(base.content_type):
            return fetched
        decoded = decode_body(attempt.body, content_type=base.content_type)
        return replace(
            fetched,
            text=decoded.text,
            encoding=decoded.encoding,
            legacy_encoding=decoded.legacy_encoding,
        )

    def _load_robots(self, url: str) -> RobotsFile:
        try:
            with self._client.stream("GET", url, follow_redirects=True) as response:
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > _MAX_ROBOTS_BYTES:
                        break
                return RobotsFile(status=response.status_code, text=body.decode("utf-8", "replace"))
        except httpx.HTTPError:
            return RobotsFile(status=None, text="")
