"""Stateless text features shared by every trained model: hashed n-gram counts + lexicon evidence.

Hashing (no fitted vocabulary) lets ``analyze_batch`` compute the counts once per batch and
feed all four task models; each model keeps only its own IDF weights and linear head.
The fast spec uses syllable 1-2-grams; the accurate spec adds character 1-5-grams inside word
boundaries, which catch misspellings and teencode but cost about five times more. They are
kept apart from the syllable counts because the accurate models give them their own linear
head (``training``): averaging a syllable model and a character model beat one model over
both on every public dev split.

Syllable n-grams are hashed from integers, not strings: each syllable's murmurhash is cached,
an n-gram's index mixes its syllables' hashes (numpy, whole batch at once), so no n-gram
string is ever built. ``HASHING_VERSION`` names this scheme; a model trained under another
one must be retrained, and ``training.load_model`` refuses it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from lantoa.analysis.embeddings import embed
from lantoa.analysis.lexicon_scorer import (
    LEXICON_FEATURE_NAMES,
    StanceScore,
    ToxicityScore,
    lexicon_features,
    score_text,
)
from lantoa.analysis.text import tokens_with_punctuation, words_of

__all__ = [
    "ACCURATE",
    "FAST",
    "HASHING_VERSION",
    "FeatureSpec",
    "HashedFeatures",
    "hashed_features",
    "lexicon_matrix",
    "lexicon_scores",
]

HASHING_VERSION = 2
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: multiply, keep the top bits
_ORDER_SALT = np.uint64(0x51ED27)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureSpec:
    """Which n-grams to hash. Equal specs share one featurisation per batch."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = None
    n_features: int = 2**20
    hashing: int = HASHING_VERSION
    embeddings: bool = False  # add e5 sentence embeddings (``lantoa.analysis.embeddings``)


FAST = FeatureSpec()
ACCURATE = FeatureSpec(word_ngrams=(1, 2), char_ngrams=(1, 5))


@dataclass(frozen=True, slots=True, kw_only=True)
class HashedFeatures:
    """Raw syllable n-gram counts (rows = texts), character n-gram counts where the spec has
    them, and the dense lexicon features of the same texts."""

    counts: sparse.csr_matrix
    lexicon: np.ndarray
    chars: sparse.csr_matrix | None = None
    embeddings: np.ndarray | None = None


def _char_vectorizer(spec: FeatureSpec) -> HashingVectorizer:
    return HashingVectorizer(
        analyzer="char_wb",
        ngram_range=spec.char_ngrams or (2, 5),
        alternate_sign=False,
        norm=None,
        n_features=spec.n_features,
    )


@lru_cache(maxsize=1 << 18)
def _syllable_hash(token: str) -> int:
    return int(murmurhash3_32(token, positive=True))


def _word_ngram_counts(
    spec: FeatureSpec, token_lists: Sequence[Sequence[str]]
) -> sparse.csr_matrix:
    """Counts of hashed syllable n-grams (orders ``spec.word_ngrams``), one row per token list.

    An n-gram never spans two texts: each order keeps only windows inside one row.
    """
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    hashes = np.fromiter(
        map(_syllable_hash, (t for tokens in token_lists for t in tokens)),
        dtype=np.uint64,
        count=int(lengths.sum()),
    )
    rows = np.repeat(np.arange(len(token_lists)), lengths)
    low, high = spec.word_ngrams
    columns, column_rows = [], []
    combined = hashes.copy()
    for order in range(1, high + 1):
        if order > 1:  # combined[i] now covers tokens i .. i+order-1
            combined = combined[:-1] * _MIX + hashes[order - 1 :]
        if order < low:
            continue
        inside = rows[: len(combined)] == rows[order - 1 : order - 1 + len(combined)]
        mixed = (combined[inside] + _ORDER_SALT * np.uint64(order)) * _MIX
        columns.append(mixed >> np.uint64(32))
        column_rows.append(rows[: len(combined)][inside])
    all_columns = np.concatenate(columns).astype(np.int64) % spec.n_features
    data = np.ones(len(all_columns), dtype=np.float64)
    matrix = sparse.csr_matrix(
        (data, (np.concatenate(column_rows), all_columns)),
        shape=(len(token_lists), spec.n_features),
    )
    matrix.sum_duplicates()
    return matrix


LexiconScores = tuple[StanceScore, ToxicityScore]


def lexicon_scores(token_lists: Sequence[list[str]]) -> list[LexiconScores]:
    """Stance and toxicity scores of each ``tokens_with_punctuation`` list."""
    return [score_text(tokens) for tokens in token_lists]


def lexicon_matrix(scores: Sequence[LexiconScores]) -> np.ndarray:
    """Lexicon features (``LEXICON_FEATURE_NAMES`` columns) from ``lexicon_scores``, one row each."""
    rows = [lexicon_features(stance, toxicity) for stance, toxicity in scores]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(LEXICON_FEATURE_NAMES))


def hashed_features(
    spec: FeatureSpec,
    texts: Sequence[str],
    lexicon: np.ndarray,
    *,
    words: Sequence[Sequence[str]] | None = None,
    embeddings: np.ndarray | None = None,
) -> HashedFeatures:
    """Hash normalised ``texts`` with ``spec``; ``lexicon`` is their ``lexicon_matrix``.

    ``words`` may pass the syllables n-grams are built from (``text.words_of`` the texts'
    ``tokens_with_punctuation``) when the caller has them;
    ``embeddings`` may pass their ``embed`` rows, so specs that differ elsewhere share them.
    Both count matrices have ``spec.n_features`` columns (collisions are rare at 2**20 and
    cost little for linear models).
    """
    if words is None:
        words = [words_of(tokens_with_punctuation(text)) for text in texts]
    chars = None
    if spec.char_ngrams is not None:
        chars = sparse.csr_matrix(_char_vectorizer(spec).transform(texts))
    return HashedFeatures(
        counts=_word_ngram_counts(spec, words),
        lexicon=lexicon,
        chars=chars,
        embeddings=_embeddings(spec, texts, embeddings),
    )


def _embeddings(
    spec: FeatureSpec, texts: Sequence[str], given: np.ndarray | None
) -> np.ndarray | None:
    if not spec.embeddings:
        return None
    return embed(texts) if given is None else given
