"""Stateless text features shared by every trained model: hashed n-gram counts + lexicon evidence.

Hashing (no fitted vocabulary) lets ``analyze_batch`` compute the counts once per batch and
feed all four task models; each model keeps only its own IDF weights and linear head.
The fast spec uses syllable 1-2-grams; the accurate spec adds character 2-5-grams inside word
boundaries, which catch misspellings and teencode but cost about five times more.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from lantoa.analysis.lexicon_scorer import (
    LEXICON_FEATURE_NAMES,
    StanceScore,
    ToxicityScore,
    lexicon_features,
    score_text,
)

__all__ = [
    "ACCURATE",
    "FAST",
    "FeatureSpec",
    "HashedFeatures",
    "hashed_features",
    "lexicon_matrix",
    "lexicon_scores",
]

_WORD_PATTERN = r"(?u)\b\w+\b"  # keep one-letter syllables ("ở", "đi" are words)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureSpec:
    """Which n-grams to hash. Equal specs share one featurisation per batch."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = None
    n_features: int = 2**20


FAST = FeatureSpec()
ACCURATE = FeatureSpec(word_ngrams=(1, 3), char_ngrams=(2, 5))


@dataclass(frozen=True, slots=True, kw_only=True)
class HashedFeatures:
    """Raw n-gram counts (rows = texts) and the dense lexicon features of the same texts."""

    counts: sparse.csr_matrix
    lexicon: np.ndarray


def _vectorizers(spec: FeatureSpec) -> list[HashingVectorizer]:
    common = {"alternate_sign": False, "norm": None, "n_features": spec.n_features}
    vectorizers = [
        HashingVectorizer(ngram_range=spec.word_ngrams, token_pattern=_WORD_PATTERN, **common)
    ]
    if spec.char_ngrams is not None:
        vectorizers.append(
            HashingVectorizer(analyzer="char_wb", ngram_range=spec.char_ngrams, **common)
        )
    return vectorizers


LexiconScores = tuple[StanceScore, ToxicityScore]


def lexicon_scores(token_lists: Sequence[list[str]]) -> list[LexiconScores]:
    """Stance and toxicity scores of each ``tokens_with_punctuation`` list."""
    return [score_text(tokens) for tokens in token_lists]


def lexicon_matrix(scores: Sequence[LexiconScores]) -> np.ndarray:
    """Lexicon features (``LEXICON_FEATURE_NAMES`` columns) from ``lexicon_scores``, one row each."""
    rows = [lexicon_features(stance, toxicity) for stance, toxicity in scores]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(LEXICON_FEATURE_NAMES))


def hashed_features(spec: FeatureSpec, texts: Sequence[str], lexicon: np.ndarray) -> HashedFeatures:
    """Hash normalised ``texts`` with ``spec``; ``lexicon`` is their ``lexicon_matrix``.

    Word and character n-grams hash into the same space (collisions are rare at 2**20 and
    cost little for linear models), so the count matrix keeps a fixed width.
    """
    first, *others = _vectorizers(spec)
    counts = first.transform(texts)
    for vectorizer in others:
        counts = counts + vectorizer.transform(texts)
    return HashedFeatures(counts=sparse.csr_matrix(counts), lexicon=lexicon)
