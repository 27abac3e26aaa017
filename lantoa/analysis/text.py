"""Syllable tokenisation over the project's canonical text form.

Vietnamese writes one syllable per space-separated token, so syllables are the unit every later
step (lexicon, features, keywords) counts in. Spelling variants (NFC, tone-mark placement) are
unified first by ``lantoa.core.text.normalize_text``.
"""

import re

__all__ = ["syllables", "tokens_with_punctuation", "words_of"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SYLLABLE = re.compile(r"\w+")


def tokens_with_punctuation(text: str) -> list[str]:
    """Lower-cased syllables and single punctuation marks of normalised ``text``, in order."""
    return _TOKEN.findall(text.lower())


def syllables(text: str) -> list[str]:
    """Lower-cased syllables (runs of letters or digits) of normalised ``text``."""
    return _SYLLABLE.findall(text.lower())


def words_of(tokens: list[str]) -> list[str]:
    """The syllables among ``tokens_with_punctuation`` output, without a second regex pass.

    What the n-gram features and the language guess count: tokens that start with a letter or a
    digit.
    """
    return [token for token in tokens if token[0].isalnum()]
