"""Find what a query matched in a text, for display: spans and escape-ready segments.

Only words that count positively are highlighted (nothing under NOT); for NEAR, every
occurrence of either operand. Segments carry plain text and a flag; the template escapes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lantoa.core.folding import fold
from lantoa.monitoring.query.ast import And, Leaf, Near, Node, Not, Or, Query
from lantoa.monitoring.query.matching import PreparedDocument, leaf_spans
from lantoa.monitoring.query.tokens import MAX_FIELD_TOKENS, FieldTokens, Span, token_spans

__all__ = ["Segment", "highlight", "segments", "snippet"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A piece of text to display; ``matched`` pieces are shown highlighted."""

    text: str
    matched: bool


def highlight(query: Query, text: str, *, field: str = "body") -> list[Span]:
    """Sorted, non-overlapping spans of ``NFC(text)`` matched by the query's positive words."""
    words = token_spans(text)[: MAX_FIELD_TOKENS[field]]
    tokens = FieldTokens(
        exact=tuple(word.lower() for word, _ in words),
        folded=tuple(fold(word) for word, _ in words),
    )
    document = PreparedDocument({field: tokens})
    hits = sorted(
        {
            (words[first][1].start, words[last][1].end)
            for leaf in _positive_leaves(query.root)
            if field in leaf.fields
            for first, last in leaf_spans(leaf, document, field)
        }
    )
    return _merged(hits)


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """Cut ``NFC(text)`` into alternating plain and matched segments (empty ones omitted)."""
    normal = unicodedata.normalize("NFC", text)
    result: list[Segment] = []
    cursor = 0
    for span in spans:
        if span.start > cursor:
            result.append(Segment(text=normal[cursor : span.start], matched=False))
        result.append(Segment(text=normal[span.start : span.end], matched=True))
        cursor = span.end
    if cursor < len(normal):
        result.append(Segment(text=normal[cursor:], matched=False))
    return result


def snippet(query: Query, text: str, *, field: str = "body", width: int = 200) -> list[Segment]:
    """About ``width`` characters around the first match (the start when none), as segments.

    An ellipsis segment "…" marks text cut on either side.
    """
    normal = unicodedata.normalize("NFC", text)
    spans = highlight(query, normal, field=field)
    start = max(0, spans[0].start - width // 4) if spans else 0
    end = min(len(normal), start + width)
    inside = [
        Span(start=max(s.start, start) - start, end=min(s.end, end) - start)
        for s in spans
        if s.start < end and s.end > start
    ]
    pieces = segments(normal[start:end], inside)
    before = [Segment(text="…", matched=False)] if start > 0 else []
    after = [Segment(text="…", matched=False)] if end < len(normal) else []
    return before + pieces + after


def _positive_leaves(node: Node) -> list[Leaf]:
    if isinstance(node, Not):
        return []
    if isinstance(node, Near):
        return [node.left, node.right]
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in _positive_leaves(child)]
    return [node]


def _merged(hits: list[tuple[int, int]]) -> list[Span]:
    merged: list[Span] = []
    for start, end in hits:
        if merged and start <= merged[-1].end:
            merged[-1] = Span(start=merged[-1].start, end=max(end, merged[-1].end))
        else:
            merged.append(Span(start=start, end=end))
    return merged
