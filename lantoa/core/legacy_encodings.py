"""Repair Vietnamese text written in the pre-Unicode TCVN3 (ABC) and VNI-Windows encodings.

Old provincial portals, Word documents and spreadsheet exports still carry these encodings.
Their bytes are usually decoded as windows-1252 or Latin-1, which produces the familiar
mojibake: TCVN3 "Céng hßa x· héi" or VNI "Coäng hoøa xaõ hoäi" for "Cộng hòa xã hội".

* TCVN3 is a single-byte encoding: each byte 0xA1-0xFE is one precomposed lowercase letter
  (uppercase letters with tone marks lived in a separate font and have no codes here).
* VNI-Windows writes the base vowel in ASCII followed by one byte carrying the diacritics
  (circumflex or breve and/or a tone), plus a few single-byte letters (ơ, ư, đ, ĩ, ị, ỉ, ỵ ...).

Detection never fires on Unicode Vietnamese (which contains letters outside Latin-1) nor on
English or other Latin-script text: a conversion is accepted only when it turns many
non-Vietnamese tokens into well-formed Vietnamese syllables.
"""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from lantoa.core.language import is_vietnamese_syllable

__all__ = [
    "LegacyEncoding",
    "LegacyRepair",
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy_encoding",
    "repair_legacy_text",
]


class LegacyEncoding(StrEnum):
    TCVN3 = "tcvn3"
    VNI = "vni"


@dataclass(frozen=True, kw_only=True)
class LegacyRepair:
    """The repaired text and the encoding it was written in (None: nothing to repair)."""

    text: str
    encoding: LegacyEncoding | None


_TCVN3_LETTERS = (
    "ĂÂÊÔƠƯĐăâêôơưđ"  # 0xA1-0xAE
    "àảãáạ"  # 0xB5-0xB9
    "ằẳẵắ"  # 0xBB-0xBE
    "ặầẩẫấậè"  # 0xC6-0xCC
    "ẻẽéẹềểễếệìỉ"  # 0xCE-0xD8
    "ĩíịò"  # 0xDC-0xDF
    "ỏõóọồổỗốộờởỡớợù"  # 0xE1-0xEF
    "ủũúụừửữứựỳỷỹýỵ"  # 0xF1-0xFE
)
_TCVN3_CODES = [
    *range(0xA1, 0xAF),
    *range(0xB5, 0xBA),
    *range(0xBB, 0xBF),
    *range(0xC6, 0xCD),
    *range(0xCE, 0xD9),
    *range(0xDC, 0xE0),
    *range(0xE1, 0xF0),
    *range(0xF1, 0xFF),
]
_TCVN3_TABLE = str.maketrans(dict(zip(map(chr, _TCVN3_CODES), _TCVN3_LETTERS, strict=True)))

_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
# VNI mark bytes (as Latin-1 characters), lowercase form; uppercase is the same letter upper().
_VNI_MARKS = {
    "ù": _ACUTE,
    "ø": _GRAVE,
    "û": _HOOK,
    "õ": _TILDE,
    "ï": _DOT,
    "â": _CIRCUMFLEX,
    "á": _CIRCUMFLEX + _ACUTE,
    "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK,
    "ã": _CIRCUMFLEX + _TILDE,
    "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE,
    "é": _BREVE + _ACUTE,
    "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ó": "ĩ", "ò": "ị", "æ": "ỉ", "î": "ỵ"}
_VNI_MARK_CHARS = "".join(_VNI_MARKS) + "".join(_VNI_MARKS).upper()
_VNI_LETTER_TABLE = str.maketrans(
    _VNI_LETTERS | {k.upper(): v.upper() for k, v in _VNI_LETTERS.items()}
)
_VNI_MARKED_VOWEL = re.compile(rf"([aeiouyAEIOUYơưƠƯ])([{_VNI_MARK_CHARS}])")

_TOKENS = re.compile(r"\S+")
_WORD_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_MIN_GAIN = 3
_MIN_VIETNAMESE_SHARE = 0.3


def decode_tcvn3(text: str) -> str:
    """Convert TCVN3 text that was decoded as Latin-1/windows-1252 to Unicode (NFC)."""
    return text.translate(_TCVN3_TABLE)


def _compose_vni(match: re.Match[str]) -> str:
    vowel, mark = match.group(1), match.group(2)
    return unicodedata.normalize("NFC", vowel + _VNI_MARKS[mark.lower()])


def decode_vni(text: str) -> str:
    """Convert VNI-Windows text that was decoded as Latin-1/windows-1252 to Unicode (NFC)."""
    return _VNI_MARKED_VOWEL.sub(_compose_vni, text.translate(_VNI_LETTER_TABLE))


def _has_unicode_vietnamese(text: str) -> bool:
    # Letters such as ă, đ, ơ, ư, ạ, ệ sit above U+00FF; legacy mojibake never produces them,
    # and converting text that has them would garble its Unicode part.
    letters = sum(1 for ch in text if ch.isalpha())
    vietnamese = sum(1 for ch in text if "\u0100" <= ch <= "\u1ef9" and ch.isalpha())
    return vietnamese >= max(1, letters // 100)


def _is_marked_word(word: str) -> bool:
    # A lone symbol (©, §) converts to a one-letter "syllable"; real words carry ASCII letters.
    return (
        len(word) >= 2
        and not word.isascii()
        and any(ch.isascii() for ch in word)
        and is_vietnamese_syllable(word)
    )


def _vietnamese_marked_syllables(text: str) -> tuple[int, int]:
    words = [_WORD_EDGES.sub("", token) for token in _TOKENS.findall(text)]
    words = [w for w in words if w]
    return sum(map(_is_marked_word, words)), len(words)


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """Return the legacy encoding ``text`` (decoded as Latin-1/cp1252) was written in, if any."""
    if text.isascii() or _has_unicode_vietnamese(text):
        return None
    before, _ = _vietnamese_marked_syllables(text)
    best: tuple[int, LegacyEncoding] | None = None
    for encoding, decode in (
        (LegacyEncoding.TCVN3, decode_tcvn3),
        (LegacyEncoding.VNI, decode_vni),
    ):
        after, words = _vietnamese_marked_syllables(decode(text))
        convincing = after - before >= _MIN_GAIN and after >= _MIN_VIETNAMESE_SHARE * words
        if convincing and (best is None or after > best[0]):
            best = (after, encoding)
    return best[1] if best else None


def repair_legacy_text(text: str) -> LegacyRepair:
    """Detect a legacy encoding in ``text`` and return the Unicode text (unchanged if none)."""
    encoding = detect_legacy_encoding(text)
    if encoding is LegacyEncoding.TCVN3:
        return LegacyRepair(text=decode_tcvn3(text), encoding=encoding)
    if encoding is LegacyEncoding.VNI:
        return LegacyRepair(text=decode_vni(text), encoding=encoding)
    return LegacyRepair(text=text, encoding=None)
