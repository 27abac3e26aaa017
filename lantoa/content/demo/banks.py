"""Phrase banks compiled once at import: policy slots filled, capitalisation and spelling styles
precomputed, so composing an item only picks strings and fills the per-item slots.

A bank's strings still carry the per-item slots ``{p} {n} {r} {h} {d}`` for one ``str.format``.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from lantoa.content.demo import phrases_news as news
from lantoa.content.demo import phrases_social as social
from lantoa.content.demo.catalogue import DemoPolicy, demo_policies
from lantoa.content.demo.phrases_policies import POLICY_PHRASES
from lantoa.core.folding import fold

__all__ = [
    "STANCES",
    "STYLES",
    "ArticleBank",
    "Sentence",
    "SocialBank",
    "article_bank",
    "social_bank",
]

STANCES = ("negative", "neutral", "positive")
# How a social item is spelled: with diacritics, teencode, or without diacritics (lower case).
STYLES = ("plain", "teencode", "bare")

# Sentences opening with one of these already have an adverbial; a connector would stack on it.
_ADVERBIAL_OPENINGS = ("theo ", "trong ", "đến ", "dự kiến", "sau ", "nhờ ", "dù ", "trường hợp")

# A sentence as (its form opening a sentence, its form after a connector or None if it takes none).
Sentence = tuple[str, str | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleBank:
    """Everything an article of one policy and stance is composed from."""

    titles: tuple[str, ...]
    leads: tuple[Sentence, ...]
    body: tuple[Sentence, ...]
    context: tuple[Sentence, ...]
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SocialBank:
    """Everything a post or comment of one policy, stance and spelling style is composed from."""

    openers: tuple[str, ...]
    policy_posts: tuple[str, ...]
    local_posts: tuple[str, ...]
    posts: tuple[str, ...]
    comments: tuple[str, ...]
    emojis: tuple[str, ...]
    hashtag: str


def article_bank(policy_slug: str, stance: str) -> ArticleBank:
    """Return the compiled article bank of a policy and stance."""
    return _ARTICLE_BANKS[policy_slug, stance]


def social_bank(policy_slug: str, stance: str, style: str) -> SocialBank:
    """Return the compiled social bank of a policy, stance and spelling style."""
    return _SOCIAL_BANKS[policy_slug, stance, style]


def _fill_policy(template: str, policy: DemoPolicy) -> str:
    return template.replace("{cs}", policy.subject).replace("{ag}", policy.lead_agency)


def _capitalise(text: str) -> str:
    start = 1 if text.startswith("“") else 0
    return text[:start] + text[start].upper() + text[start + 1 :]


def _sentence(template: str, policy: DemoPolicy) -> Sentence:
    filled = _fill_policy(template, policy)
    opens_with_adverbial = filled.startswith(_ADVERBIAL_OPENINGS)
    takes_connector = not opens_with_adverbial and (
        filled[0].islower() or filled.startswith(policy.lead_agency)
    )
    return _capitalise(filled), filled if takes_connector else None


def _compile_article(policy: DemoPolicy, stance: str) -> ArticleBank:
    titles, sentences, _posts = POLICY_PHRASES[policy.slug][stance]
    neutral = (*POLICY_PHRASES[policy.slug]["neutral"][1], *news.SENTENCES["neutral"])
    # A neutral article's body already is the neutral bank: its context is background only.
    context = news.BACKGROUND if stance == "neutral" else (*neutral, *news.BACKGROUND)
    return ArticleBank(
        titles=tuple(_capitalise(_fill_policy(t, policy)) for t in (*titles, *news.TITLES[stance])),
        leads=tuple(_sentence(t, policy) for t in news.LEADS[stance]),
        body=tuple(_sentence(t, policy) for t in (*sentences, *news.SENTENCES[stance])),
        context=tuple(_sentence(t, policy) for t in context),
        quotes=tuple(_fill_policy(t, policy) for t in news.QUOTES[stance]),
    )


_TEENCODE = tuple((re.compile(rf"\b{word}\b"), short) for word, short in social.TEENCODE)


def _teencode(text: str) -> str:
    for pattern, short in _TEENCODE:
        text = pattern.sub(short, text)
    return text


_RESPELL: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "teencode": _teencode,
    "bare": fold,
}


def _compile_social(policy: DemoPolicy, stance: str, style: str) -> SocialBank:
    respell = _RESPELL[style]
    policy_posts = POLICY_PHRASES[policy.slug][stance][2]
    return SocialBank(
        openers=tuple(respell(t) for t in social.OPENERS[stance]),
        policy_posts=tuple(respell(t) for t in policy_posts),
        local_posts=tuple(respell(t) for t in social.LOCAL_POSTS[stance]),
        posts=tuple(respell(t) for t in social.POSTS[stance]),
        comments=tuple(respell(t) for t in social.COMMENTS[stance]),
        emojis=social.EMOJIS[stance],
        hashtag=policy.hashtag,
    )


_ARTICLE_BANKS = {
    (policy.slug, stance): _compile_article(policy, stance)
    for policy in demo_policies()
    for stance in STANCES
}

_SOCIAL_BANKS = {
    (policy.slug, stance, style): _compile_social(policy, stance, style)
    for policy in demo_policies()
    for stance in STANCES
    for style in STYLES
}
