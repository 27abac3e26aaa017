"""The parsed form of a topic or search query: small frozen nodes, shared by every evaluator.

A query searches three fields of an item: ``title``, ``body`` and ``source``. A term without a
field prefix searches title and body (never the source name, so a topic "tuổi trẻ" is not matched
by every article from the newspaper *Tuổi Trẻ*).

Words are stored already normalised by :mod:`lantoa.monitoring.query.tokens`: folded (lowercase,
no diacritics) for ordinary terms, lowercased with diacritics kept for ``exact`` terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "ALL_FIELDS",
    "DEFAULT_FIELDS",
    "And",
    "Leaf",
    "Near",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "Term",
    "leaves",
]

ALL_FIELDS = frozenset({"title", "body", "source"})
DEFAULT_FIELDS = frozenset({"title", "body"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One syllable; ``prefix`` makes it match every syllable starting with ``text``."""

    text: str
    exact: bool = False
    prefix: bool = False
    fields: frozenset[str] = DEFAULT_FIELDS


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrase:
    """Consecutive syllables within one field (at least two)."""

    words: tuple[str, ...]
    exact: bool = False
    fields: frozenset[str] = DEFAULT_FIELDS


Leaf: TypeAlias = Term | Phrase


@dataclass(frozen=True, slots=True, kw_only=True)
class Near:
    """``left`` and ``right`` in one field with at most ``distance`` syllables between them.

    Occurrences never overlap. ``ordered`` (ONEAR) also requires ``left`` to come first.
    """

    left: Leaf
    right: Leaf
    distance: int
    ordered: bool = False

    @property
    def fields(self) -> frozenset[str]:
        """The fields both operands may be found in; the parser refuses an empty intersection."""
        return self.left.fields & self.right.fields


@dataclass(frozen=True, slots=True, kw_only=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Not:
    child: Node


Node: TypeAlias = Term | Phrase | Near | And | Or | Not


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    """A validated query: ``root`` is guaranteed to be anchored (see the parser)."""

    text: str
    root: Node


def leaves(node: Node) -> list[Leaf]:
    """Every term and phrase of ``node``, in query order (NEAR operands included)."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, Near):
        return [node.left, node.right]
    if isinstance(node, Not):
        return leaves(node.child)
    return [leaf for child in node.children for leaf in leaves(child)]
