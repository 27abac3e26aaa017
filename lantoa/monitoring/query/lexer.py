"""Split a query into lexemes: words, "phrases", parentheses, operators and field prefixes.

Operators are recognised only in capitals (AND, OR, NOT, NEAR/n, ONEAR/n and the Vietnamese
VÀ, HOẶC, KHÔNG) because "và" and "không" are everyday words: "ô nhiễm không khí" must stay a
search for air pollution, not "ô nhiễm NOT khí".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lantoa.monitoring.query.errors import QueryError

__all__ = ["DEFAULT_NEAR_DISTANCE", "MODIFIERS", "Lexeme", "lex"]

DEFAULT_NEAR_DISTANCE = 10
MODIFIERS = ("title", "source", "exact")

_KEYWORDS = {
    "AND": "AND",
    "VÀ": "AND",
    "OR": "OR",
    "HOẶC": "OR",
    "NOT": "NOT",
    "KHÔNG": "NOT",
}
_NEAR = re.compile(r"(O?)NEAR(?:/(\d+))?")
_WORD_END = re.compile(r'[\s()"]')
_MODIFIER = re.compile(r"(title|source|exact):", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexeme:
    """``kind`` is one of WORD, PHRASE, LPAREN, RPAREN, AND, OR, NOT, NEAR, MODIFIER."""

    kind: str
    text: str
    position: int
    distance: int = 0
    ordered: bool = False


def lex(query: str) -> list[Lexeme]:
    """Return the lexemes of ``query`` (already NFC) in order; raise on an unclosed quote."""
    lexemes: list[Lexeme] = []
    index = 0
    while index < len(query):
        char = query[index]
        if char.isspace():
            index += 1
        elif char in "()":
            kind = "LPAREN" if char == "(" else "RPAREN"
            lexemes.append(Lexeme(kind=kind, text=char, position=index))
            index += 1
        elif char == '"':
            index = _lex_phrase(query, index, lexemes)
        else:
            index = _lex_word(query, index, lexemes)
    return lexemes


def _lex_phrase(query: str, start: int, out: list[Lexeme]) -> int:
    end = query.find('"', start + 1)
    if end < 0:
        raise QueryError(
            f"Thiếu dấu ngoặc kép đóng cho cụm từ mở ở vị trí {start + 1}.", position=start
        )
    out.append(Lexeme(kind="PHRASE", text=query[start + 1 : end], position=start))
    return end + 1


def _lex_word(query: str, start: int, out: list[Lexeme]) -> int:
    found = _WORD_END.search(query, start)
    end = found.start() if found else len(query)
    position = start
    # Field prefixes stack ("title:exact:Trường") and may stand before a phrase or a group.
    while modifier := _MODIFIER.match(query, position, end):
        out.append(Lexeme(kind="MODIFIER", text=modifier.group(1).lower(), position=position))
        position = modifier.end()
    if position < end:
        out.append(_classify(query[position:end], position))
    return end


def _classify(word: str, position: int) -> Lexeme:
    if word in _KEYWORDS:
        return Lexeme(kind=_KEYWORDS[word], text=word, position=position)
    near = _NEAR.fullmatch(word)
    if near:
        distance = int(near.group(2)) if near.group(2) else DEFAULT_NEAR_DISTANCE
        ordered = bool(near.group(1))
        return Lexeme(kind="NEAR", text=word, position=position, distance=distance, ordered=ordered)
    return Lexeme(kind="WORD", text=word, position=position)
