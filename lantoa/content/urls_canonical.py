"""One URL per article: the key that makes re-ingesting a page idempotent.

:func:`canonicalize_url` rules, applied in this order:

* resolved against ``base`` when relative; only http and https are accepted;
* scheme and host lowercased, internationalised hosts in IDNA (punycode) form, default ports
  (80 for http, 443 for https) and empty userinfo dropped;
* the fragment is dropped (it never selects a different article);
* tracking parameters (``utm_*``, ``fbclid``, ``gclid``, Zalo's ``zarsrc``/``gidzl`` ...) are
  removed, the remaining ones keep their values but are sorted, so parameter order is irrelevant;
* the path is percent-encoded (UTF-8) with upper-case escapes, an empty path becomes "/", and a
  trailing slash is removed everywhere except the root: "/tin-tuc/" and "/tin-tuc" are one page
  on every CMS we ingest.

:func:`resolve_canonical` prefers a page's ``<link rel="canonical">`` when it is a usable
http(s) URL, so syndicated copies that point at their origin share its key.
"""

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["InvalidUrlError", "canonicalize_url", "is_tracking_parameter", "resolve_canonical"]

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "zarsrc",
        "gidzl",
        "_ga",
        "_gl",
        "fb_action_ids",
        "fb_action_types",
        "fb_source",
        "fb_ref",
        "ref_src",
        "ref_url",
        "spm",
        "mkt_tok",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = "/:@!$'(),;-._~?"
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


class InvalidUrlError(ValueError):
    """The text is not an absolute http(s) URL, even after resolving against the base."""


def is_tracking_parameter(name: str) -> bool:
    """True for query parameters that only identify a campaign or click, never the content."""
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def _netloc(scheme: str, host: str, port: int | None) -> str:
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as error:
        raise InvalidUrlError(f"invalid host name {host!r}") from error
    ascii_host = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return ascii_host
    return f"{ascii_host}:{port}"


def _path(raw_path: str) -> str:
    path = _ESCAPE.sub(lambda m: m.group(0).upper(), quote(raw_path, safe=_PATH_SAFE))
    if not path:
        return "/"
    return path.rstrip("/") or "/"


def _query(raw_query: str) -> str:
    pairs = parse_qsl(raw_query, keep_blank_values=True)
    kept = sorted((k, v) for k, v in pairs if not is_tracking_parameter(k))
    return urlencode(kept, safe=_QUERY_SAFE, quote_via=quote)


def canonicalize_url(url: str, *, base: str | None = None) -> str:
    """Return the canonical form of ``url``; raise :class:`InvalidUrlError` when unusable."""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    try:
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError as error:
        raise InvalidUrlError(f"not a valid URL: {url!r}") from error
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        raise InvalidUrlError(f"not an absolute http(s) URL: {url!r}")
    return urlunsplit(
        (scheme, _netloc(scheme, host, port), _path(parts.path), _query(parts.query), "")
    )


def resolve_canonical(page_url: str, declared_canonical: str | None) -> str:
    """Canonical URL of a page: its declared ``rel=canonical`` if usable, else its own URL."""
    if declared_canonical:
        try:
            return canonicalize_url(declared_canonical, base=page_url)
        except InvalidUrlError:
            pass
    return canonicalize_url(page_url)
