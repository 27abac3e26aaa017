"""Tokenisation shared by the parser, the matcher and both full-text indexes.

A token is a Vietnamese syllable (or any other run of letters and digits): Unicode categories
L* and N*, in NFC. Punctuation, spaces and underscores separate tokens. This coincides with
SQLite's ``unicode61`` token characters, so a column filled with our tokens joined by spaces is
tokenised by FTS5 exactly as we tokenised it, and the PostgreSQL tsvector is built from the same
list — the three evaluators can therefore never disagree about where words start and end.

Each field is cut at a fixed number of tokens (:data:`MAX_FIELD_TOKENS`) so every position fits
PostgreSQL's 16,383-position limit; the matcher applies the same cut.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lantoa.core.folding import fold

__all__ = [
    "MAX_FIELD_TOKENS",
    "MAX_TOKEN_LENGTH",
    "FieldTokens",
    "Span",
    "field_tokens",
    "token_spans",
]

MAX_FIELD_TOKENS = {"source": 64, "title": 128, "body": 15_000}
# PostgreSQL refuses lexemes over 2 KB; such "words" are data noise (base64, URLs) anyway.
MAX_TOKEN_LENGTH = 100

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """Character offsets ``[start, end)`` into the NFC-normalised text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldTokens:
    """The tokens of one field, twice: position ``i`` of ``exact`` and ``folded`` is one word."""

    exact: tuple[str, ...]
    folded: tuple[str, ...]


def token_spans(text: str) -> list[tuple[str, Span]]:
    """Return each token of ``text`` (as written) with its offsets in ``NFC(text)``."""
    normal = unicodedata.normalize("NFC", text)
    return [
        (match.group(), Span(start=match.start(), end=match.end()))
        for match in _WORD.finditer(normal)
        if len(match.group()) <= MAX_TOKEN_LENGTH
    ]


def field_tokens(text: str, *, limit: int | None = None) -> FieldTokens:
    """Tokenise ``text`` into lowercase exact tokens and their folded twins (first ``limit``)."""
    words = [
        word
        for word in _WORD.findall(unicodedata.normalize("NFC", text).lower())
        if len(word) <= MAX_TOKEN_LENGTH
    ][:limit]
    return FieldTokens(exact=tuple(words), folded=tuple(_fold_token(word) for word in words))


# Vietnamese has about 7,000 syllables in use: a cache turns folding into a dict lookup.
@lru_cache(maxsize=65_536)
def _fold_token(word: str) -> str:
    folded = fold(word)
    # Folding could in theory turn an exotic letter into a separator; a token stays one token.
    return folded if _WORD.fullmatch(folded) else word
