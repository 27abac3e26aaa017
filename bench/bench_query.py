"""Benchmark the query language: parse and compile speed, and topic tagging throughput.

Tagging: 100 topics over 100,000 synthetic Vietnamese items (Zipf-distributed syllables), the
index-backed :class:`Tagger` against brute force (every topic evaluated on every item), in the
same run; the two answers are checked equal on the items both saw.
"""

from __future__ import annotations

import itertools
import random
import time
import unicodedata
from collections.abc import Callable

from bench.report import write_section
from lantoa.monitoring.query import (
    Document,
    Tagger,
    compile_fts5,
    compile_tsquery,
    matches,
    parse,
    prepare,
)
from lantoa.monitoring.query.tagging import document_frequency

ITEMS = 100_000
BRUTE_FORCE_ITEMS = 10_000
FREQUENCY_SAMPLE = 2_000
TOPICS = 100
SEED = 42

_ONSETS = [
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gi",
    "h",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
_RHYMES = [
    "a",
    "ai",
    "an",
    "ang",
    "anh",
    "ao",
    "at",
    "ac",
    "e",
    "em",
    "en",
    "i",
    "im",
    "in",
    "inh",
    "o",
    "oi",
    "om",
    "on",
    "ong",
    "u",
    "ui",
    "un",
    "ung",
    "uy",
    "ê",
    "ơ",
    "ô",
    "ư",
    "ương",
    "ươi",
]
_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
_VOWELS = set("aeiouyêơôư")

SAMPLE_QUERIES = [
    "truyền thông chính sách",
    '"bộ y tế" OR title:vắc-xin',
    "tiêm* NEAR/5 (trẻ) NOT source:facebook",
    '(giá điện OR "giá xăng") NOT (giảm OR "ổn định")',
    'exact:"Trường Sa" ONEAR/3 "chiến sĩ"',
    "ô nhiễm VÀ (không khí HOẶC nguồn nước) KHÔNG title:quảng cáo",
]


def syllables() -> list[str]:
    """Plausible Vietnamese syllables (onset + rhyme + tone), shuffled into a Zipf rank."""
    result = []
    for onset, rhyme, tone in itertools.product(_ONSETS, _RHYMES, _TONES):
        vowel = next(index for index, char in enumerate(rhyme) if char in _VOWELS)
        marked = rhyme[: vowel + 1] + tone + rhyme[vowel + 1 :]
        result.append(unicodedata.normalize("NFC", onset + marked))
    random.Random(SEED).shuffle(result)
    return result


class Corpus:
    def __init__(self, vocabulary: list[str], rng: random.Random) -> None:
        self.vocabulary = vocabulary
        self.weights = list(
            itertools.accumulate(1 / rank for rank in range(1, len(vocabulary) + 1))
        )
        self.rng = rng

    def words(self, count: int) -> str:
        return " ".join(self.rng.choices(self.vocabulary, cum_weights=self.weights, k=count))

    def item(self) -> Document:
        return Document(
            title=self.words(self.rng.randint(6, 14)).capitalize(),
            text=". ".join(
                self.words(self.rng.randint(8, 20)) for _ in range(self.rng.randint(4, 12))
            ),
            source=self.words(2),
        )

    def topic(self) -> str:
        word = lambda: self.vocabulary[self.rng.randint(200, 4000)]  # noqa: E731 - rank 200+: topic words
        common = lambda: self.vocabulary[self.rng.randint(0, 50)]  # noqa: E731
        shapes = [
            lambda: f"{word()} {word()}",
            lambda: f'"{common()} {word()}"',
            lambda: f"{word()} OR {word()} OR {word()}",
            lambda: f"{word()} {common()} NOT {word()}",
            lambda: f"({word()} OR {word()}) NOT ({common()} OR {word()})",
            lambda: f"{word()} NEAR/5 {common()}",
            lambda: f'{common()} ONEAR/3 "{word()} {common()}"',
            lambda: f"title:{word()} OR ({word()} {word()})",
            lambda: f"exact:{word()} {common()}",
        ]
        return self.rng.choice(shapes)()


def per_second(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_parsing() -> list[str]:
    rounds = 2_000
    parse_s = timed(lambda: [parse(text) for _ in range(rounds) for text in SAMPLE_QUERIES])
    parsed = [parse(text) for text in SAMPLE_QUERIES]
    fts5_s = timed(lambda: [compile_fts5(q) for _ in range(rounds) for q in parsed])
    pg_s = timed(lambda: [compile_tsquery(q) for _ in range(rounds) for q in parsed])
    total = rounds * len(SAMPLE_QUERIES)
    return [
        f"| parse | {parse_s / total * 1e6:.1f} µs |",
        f"| compile to FTS5 MATCH | {fts5_s / total * 1e6:.1f} µs |",
        f"| compile to tsquery (both) | {pg_s / total * 1e6:.1f} µs |",
    ]


def bench_tagging() -> list[str]:
    rng = random.Random(SEED)
    corpus = Corpus(syllables(), rng)
    topics = {number: parse(corpus.topic()) for number in range(TOPICS)}
    documents = [corpus.item() for _ in range(ITEMS)]
    heuristic = Tagger(topics)
    # In production: frequencies counted over recent items, refreshed with the topic index.
    tagger = Tagger(topics, document_frequency=document_frequency(documents[:FREQUENCY_SAMPLE]))

    prepared: list = []
    prepare_s = timed(lambda: prepared.extend(prepare(document) for document in documents))
    tagged: list[set[int]] = []
    tag_s = timed(lambda: tagged.extend(tagger.tag(item) for item in prepared))
    # Fresh preparations: prepared items cache vocabularies and positions on first use.
    sample = [prepare(document) for document in documents[:BRUTE_FORCE_ITEMS]]
    brute: list[set[int]] = []
    brute_s = timed(
        lambda: brute.extend(
            {number for number, query in topics.items() if matches(query, item)} for item in sample
        )
    )
    assert brute == tagged[:BRUTE_FORCE_ITEMS], "tagger disagrees with brute force"
    candidates = sum(len(tagger.candidates(item)) for item in sample) / len(sample)
    guessed = sum(len(heuristic.candidates(item)) for item in sample) / len(sample)
    tags = sum(len(found) for found in tagged) / len(tagged)
    tag_rate, brute_rate = per_second(ITEMS, tag_s), per_second(len(sample), brute_s)
    both_rate = per_second(ITEMS, prepare_s + tag_s)
    return [
        f"| tokenise items (`prepare`) | {per_second(ITEMS, prepare_s):,.0f} items/s |",
        f"| tag prepared items, index ({ITEMS:,} items) | {tag_rate:,.0f} items/s |",
        f"| tag prepared items, brute force ({len(sample):,} items) | {brute_rate:,.0f} items/s |",
        f"| **speed-up of the index over brute force** | **{tag_rate / brute_rate:.1f}×** |",
        f"| tokenise + tag, end to end | {both_rate:,.0f} items/s |",
        f"| candidate topics per item, anchors by observed frequency | {candidates:.1f} of {TOPICS} |",
        f"| candidate topics per item, anchors by heuristic | {guessed:.1f} of {TOPICS} |",
        f"| topics matched per item | {tags:.2f} |",
    ]


def main() -> None:
    rows = bench_parsing() + bench_tagging()
    body = (
        f"{TOPICS} generated topics (every operator), {ITEMS:,} synthetic items of ~110 "
        "Zipf-distributed Vietnamese syllables, one core. Brute force evaluates every topic on "
        f"the first {BRUTE_FORCE_ITEMS:,} items; its answers are checked equal to the index's.\n\n"
        "| measure | figure |\n|---|---|\n" + "\n".join(rows)
    )
    write_section("query", "Query language: parsing, compiling, topic tagging", body)


if __name__ == "__main__":
    main()
