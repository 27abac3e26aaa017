"""Score stance and toxicity from the lexicons: the zero-data default and a model feature.

Input is the output of ``text.tokens_with_punctuation`` (lower-cased syllables and punctuation),
because punctuation bounds negation scope and tells "song" (but) from "song song" (parallel).
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from lantoa.analysis import lexicon
from lantoa.core.folding import fold

__all__ = [
    "LEXICON_FEATURE_NAMES",
    "StanceScore",
    "ToxicityScore",
    "lexicon_features",
    "score_stance",
    "score_text",
    "score_toxicity",
    "stance_probabilities",
    "toxicity_probabilities",
]

_NEGATION_WINDOW = 3
_INTENT_WINDOW = 4
_INTENDED = 0.3  # a positive goal counts for little until it is achieved
_INTENSIFIER_WINDOW = 2
_AFTER_CONTRAST, _BEFORE_CONTRAST = 1.5, 0.2
_NEGATED_POSITIVE, _NEGATED_NEGATIVE = -1.2, 0.2  # "không tốt" is bad; "không tệ" is not bad
_POST_INTENSIFIERS = frozenset({"lắm", "quá"})


Match = tuple[int, int, float]  # start, length, value


class _PhraseIndex:
    """Greedy longest-match lookup of several kinds of phrases in one pass over the tokens.

    Within a kind matches do not overlap; across kinds they may ("nghiêm trọng" is both a
    negative cue and an intensifier).
    """

    def __init__(self, kinds: Mapping[str, Mapping[str, float]]) -> None:
        self._kinds = tuple(kinds)
        # first syllable -> [(kind, length, remaining syllables, value)], longest first per kind
        self._by_first: dict[str, list[tuple[str, int, list[str], float]]] = {}
        for kind, phrases in kinds.items():
            for phrase, value in phrases.items():
                first, *rest = phrase.split()
                self._by_first.setdefault(first, []).append((kind, len(rest) + 1, rest, value))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -item[1])

    def matches(self, tokens: list[str]) -> dict[str, list[Match]]:
        """Matches of every kind, each list left to right."""
        found: dict[str, list[Match]] = {kind: [] for kind in self._kinds}
        free_from = dict.fromkeys(self._kinds, 0)
        by_first = self._by_first
        for position, token in enumerate(tokens):
            for kind, size, rest, value in by_first.get(token, ()):
                if position >= free_from[kind] and (
                    size == 1 or tokens[position + 1 : position + size] == rest
                ):
                    found[kind].append((position, size, value))
                    free_from[kind] = position + size
        return found


_fold = lru_cache(maxsize=1 << 17)(fold)


def _folded_safe(phrases: Mapping[str, float]) -> dict[str, float]:
    """Entries usable on text typed without diacritics: phrases, and words already in ASCII.

    Folded single syllables collide with common words ("chó" / "cho"), so those are left out.
    """
    return {fold(p): value for p, value in phrases.items() if " " in p or fold(p) == p}


_SIGNED = {**{k: -v for k, v in lexicon.NEGATIVE.items()}, **lexicon.POSITIVE}
_MARKERS = {
    "negator": dict.fromkeys(lexicon.NEGATORS, 1.0),
    "intensifier": lexicon.INTENSIFIERS,
    "intent": dict.fromkeys(lexicon.INTENT_MARKERS, 1.0),
    "contrast": dict.fromkeys(lexicon.CONTRAST_MARKERS, 1.0),
    "target": dict.fromkeys(lexicon.HATE_TARGETS, 1.0),
}
_CUES = {
    "stance": _SIGNED,
    "offensive": lexicon.OFFENSIVE_TERMS,
    "hate": dict.fromkeys(lexicon.HATE_TERMS, 1.0),
}
_EXACT = _PhraseIndex({**_CUES, **_MARKERS})
# Text typed without diacritics: cues match folded; markers keep their spelling (and so match
# only where the text has them in ASCII).
_FOLDED = _PhraseIndex({**{k: _folded_safe(v) for k, v in _CUES.items()}, **_MARKERS})


@dataclass(frozen=True, slots=True, kw_only=True)
class StanceScore:
    """Signed stance (negative below zero) with the evidence it came from."""

    score: float
    positive: float
    negative: float
    cues: int
    negated: int
    contrast: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ToxicityScore:
    """Summed offensive-term weight, and whether a slur or a targeted insult occurs."""

    offensive: float
    hateful: bool


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def _negator_ends(tokens: list[str], negators: list[Match]) -> set[int]:
    """Positions just after each real negator; "không khí", "hàng không" negate nothing."""
    ends = set()
    for start, length, _ in negators:
        after = start + length
        following = tokens[after] if after < len(tokens) else ""
        preceding = tokens[start - 1] if start else ""
        if tokens[start] == "không" and (
            following in lexicon.NOT_NEGATING_NEXT or preceding == "hàng"
        ):
            continue
        ends.add(after)
    return ends


def _within_scope(tokens: list[str], start: int, ends: set[int], window: int) -> bool:
    """True when a marker ends within ``window`` words before ``start``, punctuation between none."""
    for distance in range(window + 1):
        position = start - distance
        if position in ends:
            return True
        if position <= 0 or not _is_word(tokens[position - 1]):
            return False
    return False


def _last_contrast(tokens: list[str], markers: list[Match]) -> int:
    """Start of the last clause-opening contrast marker, or -1; "song" counts after a break."""
    last = -1
    for start, _, _ in markers:
        if tokens[start] == "song" and start and _is_word(tokens[start - 1]):
            continue
        last = start
    return last


def _intensity(tokens: list[str], start: int, length: int, intensifiers: dict[int, float]) -> float:
    after = start + length
    if after < len(tokens) and tokens[after] in _POST_INTENSIFIERS:
        return lexicon.INTENSIFIERS[tokens[after]]
    for distance in range(_INTENSIFIER_WINDOW):
        if start - distance in intensifiers:
            return intensifiers[start - distance]
    return 1.0


def _has_diacritics(tokens: list[str]) -> bool:
    return any(_fold(token) != token for token in tokens)


def _matches(tokens: list[str]) -> dict[str, list[Match]]:
    return (_EXACT if _has_diacritics(tokens) else _FOLDED).matches(tokens)


def _stance(tokens: list[str], found: dict[str, list[Match]]) -> StanceScore:
    negator_ends = _negator_ends(tokens, found["negator"])
    intent_ends = {start + length for start, length, _ in found["intent"]}
    intensifiers = {s + n: v for s, n, v in found["intensifier"]}
    contrast = _last_contrast(tokens, found["contrast"])
    positive = negative = 0.0
    negated = 0
    for start, length, weight in found["stance"]:
        value = weight * _intensity(tokens, start, length, intensifiers)
        if contrast >= 0:
            value *= _AFTER_CONTRAST if start > contrast else _BEFORE_CONTRAST
        if _within_scope(tokens, start, negator_ends, _NEGATION_WINDOW):
            negated += 1
            value *= _NEGATED_POSITIVE if value > 0 else -_NEGATED_NEGATIVE
        elif value > 0 and _within_scope(tokens, start, intent_ends, _INTENT_WINDOW):
            value *= _INTENDED
        if value > 0:
            positive += value
        else:
            negative -= value
    return StanceScore(
        score=positive - negative,
        positive=positive,
        negative=negative,
        cues=len(found["stance"]),
        negated=negated,
        contrast=contrast >= 0,
    )


def _toxicity(found: dict[str, list[Match]]) -> ToxicityScore:
    insult_starts = {start for start, _, _ in found["offensive"]}
    targeted = any(s + n in insult_starts for s, n, _ in found["target"])
    return ToxicityScore(
        offensive=sum(v for _, _, v in found["offensive"]),
        hateful=bool(found["hate"]) or targeted,
    )


def score_stance(tokens: list[str]) -> StanceScore:
    """Sum signed cue weights, applying negation, intent, intensifiers and the contrast rule."""
    return _stance(tokens, _matches(tokens))


def score_toxicity(tokens: list[str]) -> ToxicityScore:
    """Sum offensive weights; flag slurs and insults aimed at a target ("bọn", "thằng" ...).

    Text typed without diacritics is matched against the folded entries.
    """
    return _toxicity(_matches(tokens))


def score_text(tokens: list[str]) -> tuple[StanceScore, ToxicityScore]:
    """Both scores from one pass of phrase matching (what batch featurisation uses)."""
    found = _matches(tokens)
    return _stance(tokens, found), _toxicity(found)


def _softmax(logits: dict[str, float]) -> dict[str, float]:
    top = max(logits.values())
    exps = {label: math.exp(value - top) for label, value in logits.items()}
    total = sum(exps.values())
    return {label: value / total for label, value in exps.items()}


def stance_probabilities(score: StanceScore) -> dict[str, float]:
    """Map a stance score to negative/neutral/positive probabilities (neutral wins near 0)."""
    return _softmax({"negative": -1.5 * score.score, "neutral": 1.0, "positive": 1.5 * score.score})


def toxicity_probabilities(score: ToxicityScore) -> dict[str, float]:
    """Map a toxicity score to CLEAN/OFFENSIVE/HATE probabilities, ViHSD's label names."""
    offensive = 1.5 * score.offensive
    # A slur or a targeted insult outranks the same words said without a target.
    hate = max(offensive, 1.5) + 1.0 if score.hateful else -1.0
    return _softmax({"CLEAN": 1.0, "OFFENSIVE": offensive, "HATE": hate})


LEXICON_FEATURE_NAMES = (
    "stance",
    "positive",
    "negative",
    "negated",
    "contrast",
    "offensive",
    "hateful",
)


def lexicon_features(stance: StanceScore, toxicity: ToxicityScore) -> list[float]:
    """Bounded lexicon evidence for the trained models, in ``LEXICON_FEATURE_NAMES`` order."""
    return [
        math.tanh(stance.score),
        math.tanh(stance.positive),
        math.tanh(stance.negative),
        math.tanh(stance.negated),
        float(stance.contrast),
        math.tanh(toxicity.offensive),
        float(toxicity.hateful),
    ]
