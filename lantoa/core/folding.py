"""Diacritic folding for Vietnamese: the one definition search, topics and matching share.

"Trường Sa" and "truong sa" must meet: we lowercase and map every precomposed Latin letter to
its base letter (its Unicode decomposition without combining marks), map đ/Đ (which do not
decompose) to d, and drop any stray combining mark. The table is built once, so folding is a
single ``str.translate``.
"""

import unicodedata

__all__ = ["fold"]


def _folding_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code_point in range(0x00C0, 0x1F00):  # Latin-1 Supplement … Latin Extended Additional
        char = chr(code_point)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if base and base != char:
            table[code_point] = base.lower()
    for code_point in range(0x0300, 0x0370):  # combining diacritical marks
        table[code_point] = None
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_TABLE = _folding_table()


def fold(text: str) -> str:
    """Return ``text`` lowercased with every Vietnamese diacritic removed."""
    return text.lower().translate(_TABLE)
