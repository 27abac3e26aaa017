"""The tagger returns exactly what evaluating every topic returns, reaching only candidates."""

import random

import pytest

from lantoa.monitoring.query import Document, Tagger, matches, parse, prepare
from lantoa.monitoring.query.tagging import AnchorKey, anchor_keys

SYLLABLES = [
    "bộ",
    "y",
    "tế",
    "tiêm",
    "chủng",
    "vắc",
    "xin",
    "đà",
    "nẵng",
    "hà",
    "nội",
    "giá",
    "điện",
    "xăng",
    "trường",
    "học",
    "sinh",
    "dân",
    "người",
    "truyền",
    "thông",
    "chính",
    "sách",
    "sốt",
    "xuất",
    "huyết",
    "covid",
    "khẩu",
    "trang",
    "đường",
    "sắt",
    "dự",
    "án",
    "ô",
    "nhiễm",
    "không",
    "khí",
]


def random_text(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(length))


def random_query(rng: random.Random) -> str:
    word = lambda: rng.choice(SYLLABLES)  # noqa: E731 - local shorthand
    shapes = [
        lambda: f"{word()} {word()}",
        lambda: f'"{word()} {word()}"',
        lambda: f'{word()} OR {word()} OR "{word()} {word()}"',
        lambda: f"{word()} NOT {word()}",
        lambda: f"({word()} OR {word()}) NOT ({word()} OR {word()})",
        lambda: f"{word()} NEAR/{rng.randint(0, 4)} {word()}",
        lambda: f'{word()} ONEAR/{rng.randint(0, 4)} "{word()} {word()}"',
        lambda: f"title:{word()} OR source:{word()}",
        lambda: f"exact:{word()} {word()}",
        lambda: f"{word()} (tru* OR chí*) NOT exact:{word()}",
        lambda: f"{word()} ({word()} OR NOT {word()})",
    ]
    return rng.choice(shapes)()


def test_tagging_equals_evaluating_every_topic() -> None:
    # Given 120 generated topics and 400 generated items, when tagged, then the answer of the
    # index equals brute force for every item.
    rng = random.Random(20240611)
    topics = {number: parse(random_query(rng)) for number in range(120)}
    tagger = Tagger(topics)
    for _ in range(400):
        item = prepare(
            Document(
                title=random_text(rng, 6),
                text=random_text(rng, rng.randint(0, 40)),
                source=random_text(rng, 2),
            )
        )
        expected = {number for number, query in topics.items() if matches(query, item)}
        assert tagger.tag(item) == expected
        assert tagger.candidates(item) >= expected


def test_candidates_are_pruned_by_the_rarest_required_word() -> None:
    # Given a topic requiring a common and a rare word, an item with only the common word is
    # not even a candidate.
    tagger = Tagger({"vaccine": parse("người dân vắc-xin")})
    assert tagger.candidates(Document(text="người dân đi làm")) == set()
    assert tagger.tag(Document(text="người dân tiêm vắc-xin")) == {"vaccine"}


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("người dân tiêm", {AnchorKey("tiem")}),
        ('"của bộ y tế"', {AnchorKey("te")}),
        ("a OR b", {AnchorKey("a"), AnchorKey("b")}),
        ("tiêm* NOT covid", {AnchorKey("tiem", prefix=True)}),
        ("exact:Đà OR nẵng", {AnchorKey("da"), AnchorKey("nang")}),
        ("của NEAR/3 vắc", {AnchorKey("vac")}),
        ("người (dân OR NOT xã)", {AnchorKey("nguoi")}),
    ],
)
def test_anchor_is_the_cheapest_required_key(query: str, keys: set[AnchorKey]) -> None:
    assert anchor_keys(parse(query)) == keys


def test_document_frequencies_choose_the_anchor() -> None:
    frequency = {"tiem": 900, "dan": 5}
    assert anchor_keys(parse("dân tiêm"), document_frequency=frequency) == {AnchorKey("dan")}
