"""Canonical form of Vietnamese text: the one spelling that hashing, dedup and search agree on.

Contract of :func:`normalize_text`:

* Unicode NFC, so a decomposed "a" + U+0301 and the precomposed "á" are the same string.
* One tone-mark placement. Vietnamese has two accepted conventions for the open syllables
  whose nucleus is *oa*, *oe* or *uy*: the old style marks the first vowel ("hòa", "khỏe",
  "thủy") and the new style (kiểu mới, the Unikey "new style" option and the convention of
  the 1980s orthography rules) marks the main, second vowel ("hoà", "khoẻ", "thuỷ"). We keep
  the **new style**: it is the rule-based one (the mark sits on the main vowel, as it already
  does in closed syllables such as "hoàng", "khuyến"), so the mapping is unambiguous.
  Syllables after "q" are untouched: in "quý" the u belongs to the initial consonant.
* Zero-width, format and control characters are removed, except newline and tab.
* Whitespace: every horizontal space (including NBSP) becomes one ASCII space, runs collapse,
  lines are trimmed, three or more line breaks become one blank line, the ends are trimmed.
"""

import hashlib
import re
import unicodedata
from functools import lru_cache

__all__ = ["content_hash", "normalize_text", "normalize_tone_placement"]

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# An open syllable: initial consonants, then o+tone+a/e or u+tone+y, then the end of the word.
_OLD_STYLE_SYLLABLE = re.compile(
    rf"^([bcdđghklmnprstvx]*?)(?:(o)([{_TONE_MARKS}])([ae])|(?<!q)(u)([{_TONE_MARKS}])(y))$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_OLD_STYLE_HINT = re.compile(r"[òóỏõọÒÓỎÕỌ][aeAE]\b|[ùúủũụÙÚỦŨỤ][yY]\b")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n\t]+")
_SPACES_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")


@lru_cache(maxsize=65536)
def _new_style_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    match = _OLD_STYLE_SYLLABLE.match(decomposed)
    if match is None:
        return word
    initial = match.group(1)
    first, tone, second = (
        match.group(2, 3, 4) if match.group(2) is not None else match.group(5, 6, 7)
    )
    return unicodedata.normalize("NFC", f"{initial}{first}{second}{tone}")


def normalize_tone_placement(text: str) -> str:
    """Return NFC ``text`` with old-style tone marks moved to the new style ("hòa" -> "hoà")."""
    if not _OLD_STYLE_HINT.search(text):
        return text
    return _WORD.sub(lambda m: _new_style_word(m.group(0)), text)


def _invisible_characters() -> re.Pattern[str]:
    # Cc: control characters; Cf: zero-width spaces/joiners, BOM, soft hyphen, bidi marks.
    # Scanning the Basic Multilingual Plane plus the tag block covers what web text carries.
    candidates = [*map(chr, range(0x10000)), *map(chr, range(0xE0000, 0xE0080))]
    dropped = [ch for ch in candidates if unicodedata.category(ch) in {"Cc", "Cf"}]
    return re.compile("[" + re.escape("".join(ch for ch in dropped if ch not in "\n\t")) + "]")


_INVISIBLE = _invisible_characters()


def _collapse_whitespace(text: str) -> str:
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = _SPACES_AROUND_NEWLINE.sub("\n", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def normalize_text(text: str) -> str:
    """Return the canonical form of ``text`` described in the module docstring."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _collapse_whitespace(_INVISIBLE.sub("", text))
    return normalize_tone_placement(text)


def content_hash(text: str, *, normalized: bool = False) -> str:
    """SHA-256 hex digest of ``text`` normalised, with all layout whitespace made single spaces.

    Two copies of an article that differ only in encoding form, tone-mark style, invisible
    characters or paragraph layout get the same hash; any change of words changes it. Pass
    ``normalized=True`` when ``text`` already went through :func:`normalize_text`.
    """
    canonical = " ".join((text if normalized else normalize_text(text)).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
