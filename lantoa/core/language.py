"""Cheap language identification: is this Vietnamese, and if not, what is it when that is easy?

Vietnamese is recognised by its orthography, not by a trained model: words are single
syllables of a fixed shape (initial consonant, vowel nucleus, final consonant) carrying at most
one tone mark, and many letters (ă, ơ, ư, đ, ạ, ệ, ...) exist in no other language. Text
without diacritics (common on social media) is still recognised by its syllable shapes plus
frequent function words. Other languages get an ISO 639-1 code only where the script or a
short stop-word list makes it certain enough ("en", "fr", "zh", "ja", "ko", "th", "km", "lo");
everything else is "und" (undetermined).
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lantoa.core.folding import fold

__all__ = ["LanguageGuess", "detect_language", "is_vietnamese_syllable"]

_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_NUCLEUS = (
    r"(?:uye|uya|uyu|uay|uoi|uou|ieu|yeu|oai|oay|oeo|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo"
    r"|ua|ue|ui|uo|uu|uy|ya|ye|a|e|i|o|u|y)"
)
# "k" only ends highland place names (Đắk Lắk), which news cites constantly.
_FINAL = r"(?:ch|nh|ng|c|k|m|n|p|t)?"
_SYLLABLE_SHAPE = re.compile(rf"^{_INITIAL}{_NUCLEUS}{_FINAL}$")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Which base vowels each Vietnamese shape mark may sit on (circumflex, breve, horn).
_SHAPE_BASES = {"\u0302": frozenset("aeo"), "\u0306": frozenset("a"), "\u031b": frozenset("ou")}
_LETTERS = re.compile(r"[^\W\d_]+")

_VIETNAMESE_FUNCTION_WORDS = frozenset(
    [
        "va",
        "cua",
        "la",
        "cac",
        "nhung",
        "duoc",
        "cho",
        "trong",
        "khong",
        "nguoi",
        "voi",
        "mot",
        "da",
        "se",
        "nay",
        "thi",
        "co",
        "tai",
        "ve",
        "den",
    ]
)
_STOP_WORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "with",
            "on",
            "are",
            "was",
            "this",
            "by",
            "be",
            "from",
            "it",
            "as",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "est",
            "une",
            "du",
            "pour",
            "dans",
            "que",
            "sur",
            "pas",
            "qui",
            "au",
            "avec",
        ]
    ),
}
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("lo", re.compile(r"[\u0e80-\u0eff]")),
    ("km", re.compile(r"[\u1780-\u17ff]")),
)


@dataclass(frozen=True, kw_only=True)
class LanguageGuess:
    """The detected language (ISO 639-1 code or "und") and the evidence behind it."""

    code: str
    syllable_share: float
    diacritic_share: float


def _mark_allowed(mark: str, base: str) -> bool:
    return mark in _TONES or base in _SHAPE_BASES.get(mark, frozenset())


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable (with or without marks)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(char in _TONES for char in decomposed) > 1:
        return False
    base = ""
    for char in decomposed:
        if not unicodedata.combining(char):
            base = char
        elif not _mark_allowed(char, base):
            return False
    folded = fold(word)
    return folded.isascii() and _SYLLABLE_SHAPE.match(folded) is not None


@lru_cache(maxsize=65536)
def _word_evidence(word: str) -> tuple[bool, bool, bool]:
    """(spelled like a syllable, carries Vietnamese marks, is a function word) of ``word``."""
    folded = fold(word)
    return (
        is_vietnamese_syllable(word),
        folded != word.lower(),
        folded in _VIETNAMESE_FUNCTION_WORDS,
    )


def _script_language(text: str) -> str | None:
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(text)) >= 5:
            return code
    return None


def _stop_word_language(folded_words: list[str]) -> str | None:
    for code, words in _STOP_WORDS.items():
        if sum(w in words for w in folded_words) >= max(2, len(folded_words) // 10):
            return code
    return None


def detect_language(text: str, *, words: Sequence[str] | None = None) -> LanguageGuess:
    """Guess the language of ``text``; short or mixed text falls back to "und".

    ``words`` may pass the text's words (in any case) when the caller has already split it, as
    the analysis pipeline has; tokens that are not all letters are left out.
    """
    words = _LETTERS.findall(text) if words is None else [w for w in words if w.isalpha()]
    if not words:
        return LanguageGuess(
            code=_script_language(text) or "und", syllable_share=0.0, diacritic_share=0.0
        )
    # eight kinds of word at most: tallying them costs less than summing a flag per word
    tally = Counter(map(_word_evidence, words))
    syllables, marked, function = (
        sum(count for evidence, count in tally.items() if evidence[flag]) for flag in range(3)
    )
    syllable_share = syllables / len(words)
    diacritic_share = marked / len(words)
    function_share = function / len(words)
    is_vietnamese = syllable_share >= 0.7 and (diacritic_share >= 0.2 or function_share >= 0.1)
    code = (
        "vi"
        if is_vietnamese
        else (_script_language(text) or _stop_word_language([fold(w) for w in words]))
    )
    return LanguageGuess(
        code=code or "und", syllable_share=syllable_share, diacritic_share=diacritic_share
    )
