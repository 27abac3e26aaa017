"""Evaluate a parsed query against one item: the reference semantics every backend must equal.

Semantics, per field (title, body, source), over the tokens of :mod:`.tokens`:

* a term matches a token equal to it (folded, or exact when ``exact``); a prefix term matches a
  token that starts with it;
* a phrase matches consecutive tokens within one field;
* ``A NEAR/n B`` matches when an occurrence of A and a non-overlapping occurrence of B lie in
  the same field with at most ``n`` tokens between them, in either order (ONEAR: A first);
* AND, OR and NOT are the boolean operators over the whole item.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from lantoa.monitoring.query.ast import (
    ALL_FIELDS,
    And,
    Leaf,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Query,
    Term,
)
from lantoa.monitoring.query.tokens import MAX_FIELD_TOKENS, FieldTokens, field_tokens

__all__ = ["Document", "PreparedDocument", "evaluate", "leaf_spans", "matches", "prepare"]

_Key = tuple[str, bool]  # (field, exact)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The searchable text of one item."""

    title: str = ""
    text: str = ""
    source: str = ""


class PreparedDocument:
    """A document tokenised once, to be evaluated against many queries.

    Immutable from the outside; vocabularies and position lists are computed on first use so a
    document checked against one simple topic pays only for tokenisation.
    """

    def __init__(self, fields: Mapping[str, FieldTokens]) -> None:
        empty = FieldTokens(exact=(), folded=())
        self.fields = {name: fields.get(name, empty) for name in ALL_FIELDS}
        self._vocabularies: dict[_Key, frozenset[str]] = {}
        self._positions: dict[tuple[str, bool, str], list[int]] = {}
        self._prefixes: dict[tuple[str, bool, str], list[int]] = {}

    @cached_property
    def folded_vocabulary(self) -> frozenset[str]:
        """Every folded token of every field (what the tagger's index is keyed by)."""
        return frozenset().union(*(tokens.folded for tokens in self.fields.values()))

    def tokens(self, field: str, exact: bool) -> tuple[str, ...]:
        field_value = self.fields[field]
        return field_value.exact if exact else field_value.folded

    def vocabulary(self, field: str, exact: bool) -> frozenset[str]:
        key = (field, exact)
        if key not in self._vocabularies:
            self._vocabularies[key] = frozenset(self.tokens(field, exact))
        return self._vocabularies[key]

    def positions(self, field: str, exact: bool, token: str) -> list[int]:
        """Sorted positions of ``token`` in ``field``."""
        # One scan per asked token: topics ask for a handful, never for the whole vocabulary.
        key = (field, exact, token)
        if key not in self._positions:
            self._positions[key] = [
                position for position, each in enumerate(self.tokens(field, exact)) if each == token
            ]
        return self._positions[key]

    def prefix_positions(self, field: str, exact: bool, prefix: str) -> list[int]:
        """Sorted positions of every token of ``field`` starting with ``prefix``."""
        key = (field, exact, prefix)
        if key not in self._prefixes:
            self._prefixes[key] = [
                position
                for position, token in enumerate(self.tokens(field, exact))
                if token.startswith(prefix)
            ]
        return self._prefixes[key]


def prepare(document: Document | PreparedDocument) -> PreparedDocument:
    """Tokenise ``document`` (each field cut at :data:`.tokens.MAX_FIELD_TOKENS`)."""
    if isinstance(document, PreparedDocument):
        return document
    texts = {"title": document.title, "body": document.text, "source": document.source}
    return PreparedDocument(
        {name: field_tokens(text, limit=MAX_FIELD_TOKENS[name]) for name, text in texts.items()}
    )


def matches(query: Query, document: Document | PreparedDocument) -> bool:
    """Whether ``document`` satisfies ``query``."""
    return evaluate(query.root, prepare(document))


def evaluate(node: Node, document: PreparedDocument) -> bool:
    """Whether ``document`` satisfies the (sub)query ``node``."""
    if isinstance(node, And):
        return all(evaluate(child, document) for child in node.children)
    if isinstance(node, Or):
        return any(evaluate(child, document) for child in node.children)
    if isinstance(node, Not):
        return not evaluate(node.child, document)
    if isinstance(node, Term) and not node.prefix:
        return any(node.text in document.vocabulary(field, node.exact) for field in node.fields)
    if isinstance(node, Near):
        return any(_near_in_field(node, document, field) for field in node.fields)
    return any(leaf_spans(node, document, field) for field in node.fields)


def leaf_spans(leaf: Leaf, document: PreparedDocument, field: str) -> list[tuple[int, int]]:
    """Occurrences of ``leaf`` in ``field`` as sorted ``(first, last)`` token positions."""
    if not _may_occur(leaf, document, field):
        return []
    if isinstance(leaf, Term):
        if leaf.prefix:
            found = document.prefix_positions(field, leaf.exact, leaf.text)
        else:
            found = document.positions(field, leaf.exact, leaf.text)
        return [(position, position) for position in found]
    return _phrase_spans(leaf, document, field)


def _may_occur(leaf: Leaf, document: PreparedDocument, field: str) -> bool:
    """A set lookup that spares building position lists for words the field lacks."""
    vocabulary = document.vocabulary(field, leaf.exact)
    if isinstance(leaf, Phrase):
        return all(word in vocabulary for word in leaf.words)
    return leaf.prefix or leaf.text in vocabulary


def _phrase_spans(phrase: Phrase, document: PreparedDocument, field: str) -> list[tuple[int, int]]:
    tokens = document.tokens(field, phrase.exact)
    length = len(phrase.words)
    return [
        (start, start + length - 1)
        for start in document.positions(field, phrase.exact, phrase.words[0])
        if tokens[start : start + length] == phrase.words
    ]


def _near_in_field(near: Near, document: PreparedDocument, field: str) -> bool:
    left = leaf_spans(near.left, document, field)
    right = leaf_spans(near.right, document, field) if left else []
    if not right:
        return False
    if _follows_within(left, right, near.distance):
        return True
    return not near.ordered and _follows_within(right, left, near.distance)


def _follows_within(first: list[tuple[int, int]], then: list[tuple[int, int]], gap: int) -> bool:
    """Whether some span of ``then`` starts 0..``gap`` tokens after a span of ``first`` ends."""
    starts = [start for start, _ in then]
    for _, end in first:
        low = bisect_left(starts, end + 1)
        if low < len(starts) and starts[low] <= end + 1 + gap:
            return True
    return False
