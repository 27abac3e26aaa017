"""Claim matching: does a new text say the same thing as a known claim? Pure, no ORM.

A score in [0, 1] combines two views of the normalised text (NFC, diacritics folded, emojis,
hashtag signs, URLs and punctuation removed):

- cosine of character 2–5-gram TF-IDF vectors (within word boundaries), robust to missing
  diacritics, typos and small rewordings;
- token-set containment: the share of the shorter text's words (and word pairs) found in the
  longer one, which keeps partial quotes and reordered sentences high.

Above ``suggest`` a match is proposed to a checker; above ``auto`` it is attached. Defaults were
chosen on the dev half of ``data/claim_pairs.csv`` (``bench/bench_factcheck.py``).
"""

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from lantoa.core.folding import fold
from lantoa.core.text import normalize_text

__all__ = [
    "DEFAULT_AUTO",
    "DEFAULT_SUGGEST",
    "Candidate",
    "Match",
    "best_matches",
    "normalise_claim",
    "score_pairs",
]

DEFAULT_SUGGEST = 0.43
DEFAULT_AUTO = 0.51
COSINE_WEIGHT = 0.5

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_NON_WORD = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")


def _is_symbol(char: str) -> bool:
    category = unicodedata.category(char)
    return category.startswith("S") or category in {"Cf", "Co", "Cs"} or char == "\ufe0f"


def normalise_claim(text: str) -> str:
    """Fold ``text`` to what matching compares: lowercase ASCII-ish words separated by spaces."""
    text = normalize_text(text)
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = "".join(" " if _is_symbol(char) else char for char in text)
    text = text.replace("#", " ")
    text = fold(text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A known claim: its id and statement."""

    claim_id: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Match:
    claim_id: int
    score: float


def _tokens(normalised: str) -> set[str]:
    words = normalised.split()
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def _containment(a: str, b: str) -> float:
    left, right = _tokens(a), _tokens(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1)


def score_pairs(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Score each (claim, text) pair; the TF-IDF vocabulary is fitted on all texts given."""
    left = [normalise_claim(a) for a, _ in pairs]
    right = [normalise_claim(b) for _, b in pairs]
    if not pairs:
        return []
    vectoriser = _vectoriser().fit(left + right)
    lv, rv = vectoriser.transform(left), vectoriser.transform(right)
    cosines = (lv.multiply(rv)).sum(axis=1).A1
    return [
        _combine(float(cos), _containment(a, b))
        for cos, a, b in zip(cosines, left, right, strict=True)
    ]


def _combine(cosine: float, containment: float) -> float:
    return round(COSINE_WEIGHT * cosine + (1 - COSINE_WEIGHT) * containment, 4)


def best_matches(
    texts: Sequence[str], candidates: Sequence[Candidate], *, minimum: float
) -> list[Match | None]:
    """For each text, the best-scoring candidate claim at or above ``minimum`` (else None)."""
    if not texts or not candidates:
        return [None] * len(texts)
    claims = [normalise_claim(c.text) for c in candidates]
    queries = [normalise_claim(t) for t in texts]
    vectoriser = _vectoriser().fit(claims + queries)
    cosines = cosine_similarity(vectoriser.transform(queries), vectoriser.transform(claims))
    results: list[Match | None] = []
    for row, query in enumerate(queries):
        scored = [
            (_combine(float(cosines[row, col]), _containment(query, claim)), col)
            for col, claim in enumerate(claims)
        ]
        score, col = max(scored)
        results.append(
            Match(claim_id=candidates[col].claim_id, score=score) if score >= minimum else None
        )
    return results
