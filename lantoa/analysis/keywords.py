"""Keyphrases: the most repeated multi-syllable phrases of a text, without stop words.

Vietnamese words are mostly two syllables, so candidates are syllable n-grams (n = 2..3) inside
runs of content syllables (a stop word or punctuation ends a run). Only repeated phrases compete;
score = frequency x (length - 1), ties broken by first occurrence; a phrase contained in a
better-scoring one is dropped. A text that repeats none gets its first phrase, longest first.
"""

from collections import Counter
from itertools import chain, pairwise

__all__ = ["STOP_WORDS", "keyphrases"]

_STOP_WORDS_TEXT = """
của và là các những có được cho với trong này đã đang sẽ một không người theo từ tại về
khi để thì đến ra vào lên nhiều cũng như nhưng hay hoặc nên mà do bị rằng năm ngày tháng
ông bà anh chị em đó nào gì còn vẫn đều rất lại qua sau trước trên dưới nếu vì cùng phải
việc ở so hơn chỉ nhất đây ấy họ chúng ta tôi mình thế vậy nữa lúc tới bằng nhau kia vừa
mới cả từng mỗi ít thêm hết làm
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def _runs(tokens: list[str]) -> list[list[str]]:
    runs: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        if token in STOP_WORDS or not token[0].isalpha():
            if len(current) > 1:
                runs.append(current)
            current = []
        else:
            current.append(token)
    if len(current) > 1:
        runs.append(current)
    return runs  # runs of one syllable hold no 2-3-syllable phrase


def _phrase_counts(runs: list[list[str]]) -> Counter[tuple[str, ...]]:
    """Counts of the two- and three-syllable phrases of ``runs``, in order of first occurrence."""
    phrases: list[tuple[str, ...]] = []
    for run in runs:
        phrases += pairwise(run)
        phrases += zip(run, run[1:], run[2:], strict=False)
    return Counter(phrases)


def keyphrases(tokens: list[str], *, limit: int = 5) -> list[str]:
    """Up to ``limit`` keyphrases from ``text.tokens_with_punctuation`` output, best first."""
    runs = _runs(tokens)
    pairs = sum(len(run) - 1 for run in runs)
    if len(set(chain.from_iterable(map(pairwise, runs)))) == pairs:
        # No phrase repeats (a repeated three-syllable phrase repeats its first two syllables),
        # so the text's best single phrase wins: its first three-syllable one, or else its first
        # two-syllable one.
        opening = next((run for run in runs if len(run) > 2), runs[0] if runs else None)
        return [" ".join(opening[:3])] if opening else []
    counts = _phrase_counts(runs)

    def score(words: tuple[str, ...]) -> int:
        return -counts[words] * (len(words) - 1)

    # Only repeated phrases compete. Counter keeps insertion order and sorted() is stable, so
    # ties go to the first occurrence.
    ranked = sorted((words for words, count in counts.items() if count > 1), key=score)
    chosen: list[str] = []
    for words in ranked:
        phrase = " ".join(words)
        if not any(phrase in better for better in chosen):
            chosen.append(phrase)
        if len(chosen) == limit:
            break
    return chosen
