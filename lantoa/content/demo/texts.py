"""Composing demo texts from the compiled banks: articles, social posts, comments and the light
edits an outlet makes when it reprints another outlet's article.

Every function draws only from the ``random.Random`` it is given, so a stream is reproducible.
"""

import random

from lantoa.content.demo.banks import ArticleBank, Sentence, SocialBank
from lantoa.content.demo.phrases_news import CONNECTORS

__all__ = ["compose_article", "compose_comment", "compose_post", "figure_slots", "reprint_edit"]

_COUNTS = tuple(f"{round(120 * 1.045**step):,}".replace(",", ".") for step in range(160))
_LOW_PERCENTS = tuple(f"{tenths / 10:g}".replace(".", ",") for tenths in range(30, 360, 5))
_HIGH_PERCENTS = tuple(f"{tenths / 10:g}".replace(".", ",") for tenths in range(850, 995, 3))
_CONNECTOR_CHANCE = 0.3
_BODY_SHARE = 0.6
_MIN_SENTENCES, _EXTRA_SENTENCES = 17, 8

# Light edits of a reprint: (phrase, replacement), each applied to its first occurrence at most.
_REPRINT_EDITS = (
    ("người dân", "bà con"),
    ("cho biết", "thông tin"),
    ("triển khai", "thực hiện"),
    ("nhiều", "không ít"),
    ("cơ quan chức năng", "các cơ quan liên quan"),
    ("đáng kể", "rõ rệt"),
)
_TITLE_EDITS = ((" tại ", " ở "), (" ở ", " tại "), ("Người dân", "Bà con"))


def figure_slots(*, rng: random.Random, province_phrase: str, day_text: str) -> dict[str, str]:
    """Return the per-item slot values: province phrase, two counts, two percentages, the day."""
    return {
        "p": province_phrase,
        "n": _COUNTS[int(rng.random() * len(_COUNTS))],
        "m": _COUNTS[int(rng.random() * len(_COUNTS))],
        "r": _LOW_PERCENTS[int(rng.random() * len(_LOW_PERCENTS))],
        "h": _HIGH_PERCENTS[int(rng.random() * len(_HIGH_PERCENTS))],
        "d": day_text,
    }


def compose_article(
    *, rng: random.Random, bank: ArticleBank, slots: dict[str, str]
) -> tuple[str, str]:
    """Return (title, text): 17–24 sentences in 3–6 paragraphs, a lead sentence first and a
    quotation last; no sentence repeats."""
    total = _MIN_SENTENCES + int(rng.random() * _EXTRA_SENTENCES)
    per_paragraph = -(-total // (3 + int(rng.random() * 4)))
    drawn = total - 2  # the lead and the quotation are extra
    body_count = min(round(drawn * _BODY_SHARE), len(bank.body))
    sentences = [_pick(rng, bank.leads)]
    sentences += [_open(rng, s) for s in rng.sample(bank.body, body_count)]
    sentences += [_open(rng, s) for s in rng.sample(bank.context, drawn - body_count)]
    sentences.append(_choice(rng, bank.quotes))
    paragraphs = [
        " ".join(sentences[start : start + per_paragraph])
        for start in range(0, total, per_paragraph)
    ]
    title = _choice(rng, bank.titles)
    return title.format_map(slots), "\n\n".join(paragraphs).format_map(slots)


def compose_post(*, rng: random.Random, bank: SocialBank, province_phrase: str | None) -> str:
    """Return a 1–3 sentence post: an opener and a policy complaint/notice/praise, then a
    sentence naming ``province_phrase`` (always when given, else sometimes a generic one),
    maybe emojis and the policy hashtag."""
    parts = [_choice(rng, bank.openers) + _choice(rng, bank.policy_posts)]
    if province_phrase is not None:
        parts.append(_choice(rng, bank.local_posts).replace("{p}", province_phrase))
    elif rng.random() < 0.5:
        parts.append(_choice(rng, bank.posts))
    if rng.random() < 0.6:
        parts.append(_choice(rng, bank.emojis) * (1 + int(rng.random() * 3)))
    if rng.random() < 0.4:
        parts.append(bank.hashtag)
    return " ".join(parts)


def compose_comment(*, rng: random.Random, bank: SocialBank) -> str:
    """Return a one-line comment, sometimes with an emoji."""
    text = _choice(rng, bank.comments)
    return f"{text} {_choice(rng, bank.emojis)}" if rng.random() < 0.4 else text


def reprint_edit(
    *, rng: random.Random, title: str, text: str, original_source: str
) -> tuple[str, str]:
    """Return (title, text) of a light edit of an article: a few words swapped, sometimes the
    last paragraph dropped, and a credit line naming the original outlet."""
    if rng.random() < 0.5:
        title = _first_edit(title, _TITLE_EDITS)
    paragraphs = text.split("\n\n")
    if len(paragraphs) >= 5 and rng.random() < 0.5:
        paragraphs.pop()
    edited = "\n\n".join(paragraphs)
    for phrase, replacement in _REPRINT_EDITS:
        if rng.random() < 0.5:
            edited = edited.replace(phrase, replacement, 1)
    return title, f"{edited}\n\n(Theo {original_source})"


def _first_edit(text: str, edits: tuple[tuple[str, str], ...]) -> str:
    for phrase, replacement in edits:
        if phrase in text:
            return text.replace(phrase, replacement, 1)
    return text


def _pick(rng: random.Random, sentences: tuple[Sentence, ...]) -> str:
    return sentences[int(rng.random() * len(sentences))][0]


def _open(rng: random.Random, sentence: Sentence) -> str:
    opening, after_connector = sentence
    if after_connector is None or rng.random() >= _CONNECTOR_CHANCE:
        return opening
    return _choice(rng, CONNECTORS) + after_connector


def _choice(rng: random.Random, options: tuple[str, ...]) -> str:
    return options[int(rng.random() * len(options))]
