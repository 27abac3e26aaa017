"""Compile a query into PostgreSQL tsqueries over the ``search_vector`` of :mod:`.indexing`.

Mapping: a term is ``'lexeme':W`` with ``W`` the weights of its fields (title A, source B,
body D), exact terms use ``'=lexeme'``, a prefix adds ``:*``, a phrase joins words with
``<->``. tsquery has no NEAR: ``A NEAR/n B`` becomes the 2(n+1) alternatives ``A <d> B`` and
``B <d> A`` for d = 1..n+1 (``<d>`` counts from the end of A to the start of B, so occurrences
never overlap), and ONEAR keeps only ``A <d> B`` — both exact.

Positions are exact only while no lexeme of the item passed 256 positions (PostgreSQL drops the
rest). For items flagged ``search_positions_complete = false`` the predicate falls back to
``loose``, where phrases and NEARs are replaced by their words (a superset, checked afterwards
with :func:`.matching.matches`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lantoa.monitoring.query.approximation import (
    Expression,
    combine_and,
    combine_or,
    negate,
    unexpressible,
)
from lantoa.monitoring.query.ast import And, Leaf, Near, Node, Not, Phrase, Query, Term
from lantoa.monitoring.query.indexing import PG_FIELD_WEIGHT, pg_exact_lexeme

__all__ = ["PgQuery", "compile_tsquery", "pg_where"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PgQuery:
    """``tsquery`` is exact on items with complete positions; ``loose`` is None when the query
    has no phrase or NEAR (then ``tsquery`` is exact on every item)."""

    tsquery: str
    loose: str | None


def compile_tsquery(query: Query) -> PgQuery:
    """Compile ``query`` into tsquery text, to be cast with ``%s::tsquery``."""
    exact = _compile(query.root, positive=True, positional=True)
    loose = _compile(query.root, positive=True, positional=False)
    # Anchored queries compile to a real expression: a positive word never becomes a constant.
    assert isinstance(exact, str), f"anchored query compiled to {exact}"
    assert isinstance(loose, str), f"anchored query compiled to {loose}"
    return PgQuery(tsquery=exact, loose=None if loose == exact else loose)


def pg_where(
    query: PgQuery,
    *,
    vector: str = "search_vector",
    complete: str = "search_positions_complete",
) -> tuple[str, list[str]]:
    """A WHERE fragment and its parameters; rows with ``complete`` false need the matcher."""
    if query.loose is None:
        return f"{vector} @@ %s::tsquery", [query.tsquery]
    return (
        f"(({complete} AND {vector} @@ %s::tsquery) "
        f"OR (NOT {complete} AND {vector} @@ %s::tsquery))",
        [query.tsquery, query.loose],
    )


def _compile(node: Node, *, positive: bool, positional: bool) -> Expression:
    if isinstance(node, Term):
        return _term(node, node.text, node.fields)
    if isinstance(node, Phrase):
        if positional:
            return _phrase(node, node.fields)
        return _words_only(node, node.fields, positive)
    if isinstance(node, Near):
        if positional:
            return _near(node)
        return combine_and(
            [_words_only(leaf, node.fields, positive) for leaf in (node.left, node.right)], _and
        )
    if isinstance(node, Not):
        inner = _compile(node.child, positive=not positive, positional=positional)
        if isinstance(inner, str):
            return f"!{inner}"
        return negate(inner)
    parts = [_compile(child, positive=positive, positional=positional) for child in node.children]
    if isinstance(node, And):
        return combine_and(parts, _and)
    return combine_or(parts, _or)


def _and(texts: list[str]) -> str:
    return "(" + " & ".join(texts) + ")"


def _or(texts: list[str]) -> str:
    return "(" + " | ".join(texts) + ")"


def _term(leaf: Leaf, word: str, fields: frozenset[str]) -> str:
    lexeme = pg_exact_lexeme(word) if leaf.exact else word
    weights = "".join(sorted(PG_FIELD_WEIGHT[field] for field in fields))
    star = "*" if isinstance(leaf, Term) and leaf.prefix else ""
    # Tokens are letters and digits only, so they never need escaping inside the quotes.
    return f"'{lexeme}':{star}{weights}"


def _phrase(leaf: Leaf, fields: frozenset[str]) -> str:
    if isinstance(leaf, Term):
        return _term(leaf, leaf.text, fields)
    return "(" + " <-> ".join(_term(leaf, word, fields) for word in leaf.words) + ")"


def _words_only(leaf: Leaf, fields: frozenset[str], positive: bool) -> Expression:
    if isinstance(leaf, Term):
        return _term(leaf, leaf.text, fields)
    if not positive:
        return unexpressible(positive)
    return _and([_term(leaf, word, fields) for word in leaf.words])


def _near(node: Near) -> str:
    left, right = _phrase(node.left, node.fields), _phrase(node.right, node.fields)
    pairs = [(left, right)] if node.ordered else [(left, right), (right, left)]
    return _or([f"({a} <{gap}> {b})" for gap in range(1, node.distance + 2) for a, b in pairs])
