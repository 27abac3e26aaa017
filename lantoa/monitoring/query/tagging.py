"""Tag incoming items with every topic whose query they match, without evaluating them all.

Every accepted query is anchored (see :func:`.parser.is_anchored`), so each one has an *anchor*:
a set of keys (folded tokens, or folded prefixes) such that every matching item contains at
least one of them. An AND needs only its cheapest anchored child's anchor; an OR needs the union
of its children's; a phrase or NEAR needs only its rarest word. The tagger indexes topics by
their anchor keys, collects the candidates an item's vocabulary reaches, and evaluates only
those with the matcher — so :meth:`Tagger.tag` equals evaluating every topic, by construction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from lantoa.core.folding import fold
from lantoa.monitoring.query.ast import And, Near, Node, Not, Phrase, Query, Term
from lantoa.monitoring.query.matching import Document, PreparedDocument, evaluate, prepare

__all__ = ["AnchorKey", "Tagger", "anchor_keys", "document_frequency"]

K = TypeVar("K", bound=Hashable)

# Without observed frequencies, these syllables are assumed to be in almost every item.
_COMMON_SYLLABLES = frozenset(
    fold(
        "của và các là có được trong cho những với một người dân này đã không năm theo đến ngày tại "
        "từ khi về cũng như để sẽ nhiều ra trên thì mà hơn đó lại đang vào đồng nhà nước bộ "
        "tỉnh thành phố công tin việt nam quốc gia"
    ).split(" ")
)
_PREFIX_COST = 5_000
_COMMON_COST = 10_000


@dataclass(frozen=True, slots=True)
class AnchorKey:
    """A folded token (``prefix`` False) or folded prefix an item must contain."""

    text: str
    prefix: bool = False


def anchor_keys(
    query: Query, *, document_frequency: Mapping[str, int] | None = None
) -> frozenset[AnchorKey]:
    """Return the keys one of which every item matching ``query`` contains (cheapest choice)."""
    cost = _Cost(document_frequency)
    anchor = _anchor(query.root, cost)
    if anchor is None:
        raise ValueError("query is not anchored; parse() refuses such queries")
    return anchor


def document_frequency(documents: Iterable[Document | PreparedDocument]) -> dict[str, int]:
    """Folded token → number of ``documents`` containing it (feed a sample of recent items)."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts.update(prepare(document).folded_vocabulary)
    return dict(counts)


class Tagger(Generic[K]):
    """An index of topic queries; :meth:`tag` returns the ids of the topics an item matches.

    ``document_frequency`` (folded token → number of recent items containing it), when given,
    picks the rarest anchors; otherwise a heuristic favours long, uncommon syllables.
    """

    def __init__(
        self,
        topics: Mapping[K, Query],
        *,
        document_frequency: Mapping[str, int] | None = None,
    ) -> None:
        self._queries = dict(topics)
        self._by_token: dict[str, list[K]] = {}
        self._by_prefix: dict[str, list[K]] = {}
        for topic_id, query in self._queries.items():
            for key in anchor_keys(query, document_frequency=document_frequency):
                index = self._by_prefix if key.prefix else self._by_token
                index.setdefault(key.text, []).append(topic_id)
        self._token_keys = frozenset(self._by_token)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})

    def candidates(self, document: Document | PreparedDocument) -> set[K]:
        """Topics whose anchor the item contains: a superset of :meth:`tag`'s answer."""
        prepared = prepare(document)
        vocabulary = prepared.folded_vocabulary
        found: set[K] = set()
        for token in self._token_keys.intersection(vocabulary):
            found.update(self._by_token[token])
        for length in self._prefix_lengths:
            heads = {token[:length] for token in vocabulary if len(token) >= length}
            for head in heads.intersection(self._by_prefix):
                found.update(self._by_prefix[head])
        return found

    def tag(self, document: Document | PreparedDocument) -> set[K]:
        """Ids of the topics whose query ``document`` matches."""
        prepared = prepare(document)
        return {
            topic_id
            for topic_id in self.candidates(prepared)
            if evaluate(self._queries[topic_id].root, prepared)
        }


class _Cost:
    """Estimated number of items containing a key; lower is a better anchor."""

    def __init__(self, document_frequency: Mapping[str, int] | None) -> None:
        self._frequency = document_frequency

    def of(self, keys: Iterable[AnchorKey]) -> int:
        return sum(self._key(key) for key in keys)

    def _key(self, key: AnchorKey) -> int:
        if self._frequency is not None and not key.prefix:
            return self._frequency.get(key.text, 0)
        if key.prefix:
            return _PREFIX_COST
        if key.text in _COMMON_SYLLABLES:
            return _COMMON_COST
        return max(1, 100 - 10 * len(key.text))


def _anchor(node: Node, cost: _Cost) -> frozenset[AnchorKey] | None:
    """The cheapest anchor of ``node``, or None when ``node`` is not anchored."""
    if isinstance(node, Not):
        return None
    if isinstance(node, Term):
        return frozenset({AnchorKey(fold(node.text), prefix=node.prefix)})
    if isinstance(node, Phrase):
        words = [frozenset({AnchorKey(fold(word))}) for word in node.words]
        return min(words, key=cost.of)
    if isinstance(node, Near):
        return _cheapest([_anchor(node.left, cost), _anchor(node.right, cost)], cost)
    children = [_anchor(child, cost) for child in node.children]
    if isinstance(node, And):
        return _cheapest(children, cost)
    if any(child is None for child in children):
        return None
    return frozenset().union(*(child for child in children if child is not None))


def _cheapest(
    anchors: list[frozenset[AnchorKey] | None], cost: _Cost
) -> frozenset[AnchorKey] | None:
    usable = [anchor for anchor in anchors if anchor is not None]
    return min(usable, key=cost.of) if usable else None
