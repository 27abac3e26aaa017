"""Compile a query into an SQLite FTS5 MATCH expression over the table of :mod:`.indexing`.

FTS5 expresses terms, prefixes, phrases and column filters exactly. It cannot express:

* ONEAR (FTS5's NEAR is unordered) — compiled to NEAR, a superset;
* NEAR whose occurrences could overlap (same word on both sides, prefixes), which FTS5
  accepts and our semantics do not — kept, a superset;
* NEAR between an exact and a folded operand (different columns) — compiled to AND, a superset;
* NOT outside an AND with a positive operand (FTS5's NOT is binary) — dropped, a superset.

``post_filter`` then says the rows must be checked with :func:`.matching.matches`, and ``sure``
(the same query compiled as a subset: ONEAR as the adjacent phrase, the rest dropped) which of
them need no check: at a million items a common ``bệnh ONEAR/2 án`` has tens of thousands of
candidates, nearly all of them containing "bệnh án".
"""

from __future__ import annotations

from dataclasses import dataclass

from lantoa.monitoring.query.approximation import (
    Constant,
    Expression,
    combine_and,
    combine_or,
    negate,
    unexpressible,
)
from lantoa.monitoring.query.ast import And, Leaf, Near, Node, Not, Or, Phrase, Query, Term
from lantoa.monitoring.query.indexing import fts5_column

__all__ = ["Fts5Query", "compile_fts5"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Fts5Query:
    """``match`` is bound as the parameter of ``WHERE item_search MATCH ?``."""

    match: str
    post_filter: bool
    sure: str | None = None  # with post_filter: a MATCH whose rows all match, or None


def compile_fts5(query: Query) -> Fts5Query:
    """Compile ``query``; the MATCH result equals the matcher's unless ``post_filter``."""
    compiler = _Compiler()
    match = compiler.compile(query.root, positive=True)
    # Anchored queries compile to a real expression: a positive word never becomes a constant.
    assert isinstance(match, str), f"anchored query compiled to {match}"
    if compiler.exact:
        return Fts5Query(match=match, post_filter=False)
    # Compiled with the polarity flipped, every approximation errs the other way: a subset.
    sure = _Compiler().compile(query.root, positive=False)
    return Fts5Query(match=match, post_filter=True, sure=sure if isinstance(sure, str) else None)


class _Compiler:
    """One compilation; ``exact`` turns False as soon as something is approximated."""

    def __init__(self) -> None:
        self.exact = True

    def compile(self, node: Node, *, positive: bool) -> Expression:
        if isinstance(node, Term | Phrase):
            return _leaf(node, node.fields)
        if isinstance(node, Near):
            return self._near(node, positive)
        if isinstance(node, Or):
            parts = [self.compile(child, positive=positive) for child in node.children]
            return combine_or(parts, lambda texts: "(" + " OR ".join(texts) + ")")
        if isinstance(node, And):
            return self._and(node, positive)
        return self._lone_not(node, positive)

    def _and(self, node: And, positive: bool) -> Expression:
        negated = [child.child for child in node.children if isinstance(child, Not)]
        kept = [child for child in node.children if not isinstance(child, Not)]
        included = combine_and(
            [self.compile(child, positive=positive) for child in kept],
            lambda texts: "(" + " AND ".join(texts) + ")",
        )
        excluded = combine_or(
            [self.compile(child, positive=not positive) for child in negated],
            lambda texts: "(" + " OR ".join(texts) + ")",
        )
        if included is Constant.FALSE or excluded is Constant.TRUE:
            return Constant.FALSE
        if excluded is Constant.FALSE:
            return included
        if included is Constant.TRUE:
            self.exact = False  # "NOT x" alone: FTS5 needs a left operand
            return unexpressible(positive)
        return f"({included} NOT {excluded})"

    def _lone_not(self, node: Not, positive: bool) -> Expression:
        inner = self.compile(node.child, positive=not positive)
        if isinstance(inner, Constant):
            return negate(inner)
        self.exact = False
        return unexpressible(positive)

    def _near(self, node: Near, positive: bool) -> Expression:
        left, right, fields = node.left, node.right, node.fields
        if left.exact != right.exact:
            self.exact = False
            if not positive:
                return Constant.FALSE
            return f"({_leaf(left, fields)} AND {_leaf(right, fields)})"
        if node.ordered or _may_overlap(left, right):
            self.exact = False
            if not positive:
                return _adjacent(node, fields)
        columns = _columns(fields, left.exact)
        return f"{columns} : NEAR({_phrase(left)} {_phrase(right)}, {node.distance})"


def _adjacent(node: Near, fields: frozenset[str]) -> Expression:
    """A subset of an ordered NEAR: its operands as one phrase, right after each other."""
    if not node.ordered or any(
        isinstance(leaf, Term) and leaf.prefix for leaf in (node.left, node.right)
    ):
        return Constant.FALSE
    words = [*_words_in_order(node.left), *_words_in_order(node.right)]
    return f"{_columns(fields, node.left.exact)} : " + '"' + " ".join(words) + '"'


def _words_in_order(leaf: Leaf) -> list[str]:
    return list(leaf.words) if isinstance(leaf, Phrase) else [leaf.text]


def _leaf(leaf: Leaf, fields: frozenset[str]) -> str:
    return f"{_columns(fields, leaf.exact)} : {_phrase(leaf)}"


def _phrase(leaf: Leaf) -> str:
    # Tokens are letters and digits only, so they never need escaping inside the quotes.
    if isinstance(leaf, Phrase):
        return '"' + " ".join(leaf.words) + '"'
    return f'"{leaf.text}"' + ("*" if leaf.prefix else "")


def _columns(fields: frozenset[str], exact: bool) -> str:
    return "{" + " ".join(fts5_column(field, exact) for field in sorted(fields)) + "}"


def _may_overlap(left: Leaf, right: Leaf) -> bool:
    """Whether one token could belong to both operands (FTS5 would then accept overlap)."""
    if any(isinstance(leaf, Term) and leaf.prefix for leaf in (left, right)):
        return True
    return bool(_words(left) & _words(right))


def _words(leaf: Leaf) -> set[str]:
    return set(leaf.words) if isinstance(leaf, Phrase) else {leaf.text}
