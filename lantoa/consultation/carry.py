"""Map the units of one draft version to the next, so comments follow renumbered or edited clauses.

Pure. Articles are matched first over the whole document (text similarity of the article with
its clauses, plus a small bonus for the same number), with an optimal one-to-one assignment;
clauses are then matched inside matched articles, and points inside matched clauses. A pair
below ``threshold`` is not a match: the old unit has no counterpart (deleted or rewritten).
"""

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy.optimize import linear_sum_assignment

from lantoa.consultation.structure import Unit

__all__ = ["Match", "carry_target", "match_units", "similarity"]

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER_BONUS = 0.1


@dataclass(frozen=True, slots=True)
class Match:
    old_key: str
    new_key: str
    score: float


def _features(text: str) -> Counter[str]:
    words = _WORD.findall(text.lower())
    return Counter(words) + Counter(f"{a} {b}" for a, b in pairwise(words))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[term] for term, count in a.items() if term in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm


def similarity(a: str, b: str) -> float:
    """Cosine similarity of word unigram and bigram counts, in [0, 1]."""
    return _cosine(_features(a), _features(b))


def _full_texts(units: Sequence[Unit]) -> dict[str, str]:
    """Each unit's heading, text and all its descendants' text."""
    texts = {unit.key: f"{unit.heading}\n{unit.text}" for unit in units}
    for unit in reversed(units):  # children come after parents: fold upwards
        if unit.parent_key in texts:
            texts[unit.parent_key] += "\n" + texts[unit.key]
    return texts


def _assign(
    old: Sequence[Unit],
    new: Sequence[Unit],
    texts_old: dict[str, str],
    texts_new: dict[str, str],
    threshold: float,
) -> list[Match]:
    if not old or not new:
        return []
    features_old = [_features(texts_old[u.key]) for u in old]
    features_new = [_features(texts_new[u.key]) for u in new]
    scores = np.zeros((len(old), len(new)))
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            bonus = _NUMBER_BONUS if a.number == b.number else 0.0
            scores[i, j] = _cosine(features_old[i], features_new[j]) + bonus
    rows, cols = linear_sum_assignment(-scores)
    return [
        Match(old[i].key, new[j].key, round(float(scores[i, j]), 4))
        for i, j in zip(rows, cols, strict=True)
        if scores[i, j] >= threshold
    ]


def match_units(
    old: Sequence[Unit], new: Sequence[Unit], *, threshold: float = 0.5
) -> tuple[Match, ...]:
    """One-to-one matches between the units of ``old`` and ``new`` (articles, clauses, points)."""
    texts_old, texts_new = _full_texts(old), _full_texts(new)
    matches = _assign(
        [u for u in old if u.kind == "dieu"],
        [u for u in new if u.kind == "dieu"],
        texts_old,
        texts_new,
        threshold,
    )
    for kind in ("khoan", "diem"):
        for parent in list(matches):
            children_old = [u for u in old if u.kind == kind and u.parent_key == parent.old_key]
            children_new = [u for u in new if u.kind == kind and u.parent_key == parent.new_key]
            matches += _assign(children_old, children_new, texts_old, texts_new, threshold)
    for kind in ("preamble", "chuong", "muc"):
        matches += _assign(
            [u for u in old if u.kind == kind],
            [u for u in new if u.kind == kind],
            texts_old,
            texts_new,
            threshold,
        )
    return tuple(matches)


def carry_target(key: str, old: Sequence[Unit], matches: Sequence[Match]) -> str | None:
    """Where a comment on old unit ``key`` lands: its match, else its nearest matched ancestor."""
    by_old = {m.old_key: m.new_key for m in matches}
    parents = {u.key: u.parent_key for u in old}
    current: str | None = key
    while current:
        if current in by_old:
            return by_old[current]
        current = parents.get(current)
    return None
