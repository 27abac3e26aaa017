"""Turn fetched bytes into the right Unicode text, whatever the server claimed.

Order of evidence: a byte-order mark; then valid UTF-8 (multi-byte UTF-8 that happens to be
valid windows-1252 is vanishingly rare, while servers declaring windows-1252 or ISO-8859-1 for
UTF-8 pages are common); then the declared charset (HTTP header, then ``<meta>`` or XML
declaration); then windows-1252, which decodes every byte. Finally text written in the legacy
Vietnamese encodings TCVN3 or VNI is repaired to Unicode.
"""

import codecs
import re
from dataclasses import dataclass

from lantoa.core.legacy_encodings import repair_legacy_text

__all__ = ["DecodedBody", "declared_charset", "decode_body"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_IN_DOCUMENT_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([\w.:-]+)""",
    re.IGNORECASE,
)
# As browsers do (WHATWG Encoding): these labels mean windows-1252 in practice.
_LATIN1_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"})
_SNIFF_BYTES = 4096


@dataclass(frozen=True, kw_only=True)
class DecodedBody:
    """Decoded text, the codec used, and the legacy encoding repaired (None if none)."""

    text: str
    encoding: str
    legacy_encoding: str | None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type: str | None) -> str | None:
    """The codec the server or the document declares, if it names a known one."""
    from_header = _HEADER_CHARSET.search(content_type or "")
    if from_header and (codec := _codec_name(from_header.group(1))):
        return codec
    in_document = _IN_DOCUMENT_CHARSET.search(body[:_SNIFF_BYTES])
    return _codec_name(in_document.group(1).decode("ascii")) if in_document else None


def _strict_utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode(body: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), codec
    if (as_utf8 := _strict_utf8(body)) is not None and (not body.isascii() or declared is None):
        return as_utf8, "utf-8"
    if declared and declared != "utf-8":
        return body.decode(declared, errors="replace"), declared
    return body.decode("cp1252", errors="replace"), "cp1252"


def decode_body(body: bytes, *, content_type: str | None = None) -> DecodedBody:
    """Decode ``body`` using the evidence order in the module docstring."""
    text, encoding = _decode(body, declared_charset(body, content_type))
    repair = repair_legacy_text(text)
    legacy = repair.encoding.value if repair.encoding else None
    return DecodedBody(text=repair.text, encoding=encoding, legacy_encoding=legacy)
