"""Diacritic folding for Vietnamese: the one definition search, topics and matching share.

"Trường Sa" and "truong sa" must meet: we lowercase, decompose (NFD), drop combining marks and
map the two letters that are not composed characters (đ/Đ) to d.
"""

import unicodedata

__all__ = ["fold"]

_NOT_DECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Return ``text`` lowercased with every Vietnamese diacritic removed."""
    decomposed = unicodedata.normalize("NFD", text.translate(_NOT_DECOMPOSABLE).lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)
