"""Edge checks for the public tip form: rate limits, spam screening and attachment sniffing.

Pure except for the rate limiter, which counts in Django's cache (the embedded default is a
per-process LocMemCache; a multi-process deployment should configure a shared cache such as
Redis in ``CACHES`` so the limits hold across workers).
"""

import re

from django.core.cache import cache

__all__ = [
    "ALLOWED_TYPES",
    "MAX_ATTACHMENT_BYTES",
    "AttachmentRejected",
    "allow_submission",
    "looks_like_spam",
    "sniff_attachment",
]

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
TIPS_PER_WINDOW = 5
WINDOW_SECONDS = 3600
MAX_LINKS_IN_TEXT = 3
ALLOWED_TYPES = ("png", "jpeg", "webp", "pdf")
_URL = re.compile(r"https?://", re.IGNORECASE)


class AttachmentRejected(ValueError):
    """The uploaded file is too big or is not one of the allowed types (by its content)."""


def _count(key: str) -> int:
    if cache.add(key, 1, WINDOW_SECONDS):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return 1


def allow_submission(*, ip: str, device: str) -> bool:
    """Count one submission for ``ip`` and ``device``; False once either passed the limit.

    Both counters move on every attempt, so rotating the device cookie does not escape the IP
    limit and sharing an address (a ward office) does not block a device that has its own.
    """
    by_ip = _count(f"factcheck:tip:ip:{ip}")
    by_device = _count(f"factcheck:tip:device:{device}") if device else 0
    return by_ip <= TIPS_PER_WINDOW and by_device <= TIPS_PER_WINDOW


def looks_like_spam(*, text: str, honeypot: str) -> bool:
    """A filled hidden field (bots fill every field) or a text that is mostly links."""
    return bool(honeypot.strip()) or len(_URL.findall(text)) > MAX_LINKS_IN_TEXT


def sniff_attachment(head: bytes, size: int) -> str:
    """The file's real type from its first bytes; raises AttachmentRejected otherwise."""
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentRejected("too_big")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    raise AttachmentRejected("type")
