"""``generate_items``: the deterministic, streaming demo corpus.

One ``random.Random(seed)`` drives everything, in a fixed order, so the same arguments give the
same items. Memory is constant: the only state kept between items is the last few original
articles (reprint candidates) and the last few posts (comment targets).
"""

import random
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

from lantoa.content.demo.authors import PEN_NAMES, SOCIAL_ACCOUNTS
from lantoa.content.demo.banks import article_bank, social_bank
from lantoa.content.demo.catalogue import DemoSource, demo_policies, demo_provinces, demo_sources
from lantoa.content.demo.items import DEMO_LABEL, DemoItem
from lantoa.content.demo.texts import (
    compose_article,
    compose_comment,
    compose_post,
    figure_slots,
    reprint_edit,
)
from lantoa.content.demo.timeline import DayPlan, DemoBurst, demo_burst, plan_days, seconds_of_day
from lantoa.core.folding import fold

__all__ = ["generate_items"]

_ARTICLE_SHARE, _POST_SHARE = 0.28, 0.40  # the rest are comments
_REPRINT_SHARE = 0.15
_BURST_ARTICLE_SHARE = 0.25
_NATIONAL_SHARE = 0.2  # items that name no province
_SAME_STANCE_AS_POST = 0.6  # comments agreeing with the post they answer
_RECENT = 64
_TITLE_WORDS = 9
_NATIONAL_PHRASE = "nhiều địa phương"

# (negative, neutral, positive) per policy, and per channel a multiplier on each.
_STANCE_WEIGHTS = {
    "chuyen-doi-so-cap-xa": (30, 45, 25),
    "ho-so-suc-khoe-dien-tu": (24, 50, 26),
    "nha-o-xa-hoi": (30, 45, 25),
    "dieu-hanh-gia-xang-dau": (38, 42, 20),
    "ung-pho-bao-lu": (40, 38, 22),
    "chong-hang-gia": (42, 43, 15),
    "mien-hoc-phi": (18, 45, 37),
}
_CHANNEL_BIAS = {"rss": (0.8, 1.0, 1.0), "site": (0.15, 1.2, 1.5), "file": (0.95, 0.9, 1.0)}
_STANCES = ("negative", "neutral", "positive")
_STYLES, _STYLE_CUM = ("plain", "teencode", "bare"), (0.75, 0.85, 1.0)

_SOURCE_WEIGHTS = {"bao-mau-1": 3, "bao-mau-2": 3, "bao-mau-3": 2, "bao-mau-4": 2}
_SOURCE_WEIGHTS |= {"bao-mau-5": 3, "bao-mau-6": 1, "facebook-mau": 4, "tiktok-mau": 3}
_SOURCE_WEIGHTS |= {"youtube-mau": 2, "zalo-mau": 1}  # portals weigh 1


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Weighted(Generic[T]):
    """Options with cumulative weights, picked with one uniform draw."""

    options: tuple[T, ...]
    cum: tuple[float, ...]

    @classmethod
    def of(cls, options: tuple[T, ...], weights: tuple[float, ...]) -> "_Weighted[T]":
        return cls(options, tuple(accumulate(weights)))

    def pick(self, rng: random.Random) -> T:
        return self.options[bisect_right(self.cum, rng.random() * self.cum[-1])]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Topic:
    policy_slug: str
    province: str | None
    phrase: str
    stance: str


def _sources_of(*kinds: str) -> _Weighted[DemoSource]:
    sources = tuple(s for s in demo_sources() if s.kind in kinds)
    return _Weighted.of(sources, tuple(_SOURCE_WEIGHTS.get(s.key, 1) for s in sources))


_ARTICLE_SOURCES = _sources_of("rss", "site")
_PRESS = _sources_of("rss")
_SOCIAL = _sources_of("file")
_PROVINCES = _Weighted.of(tuple(demo_provinces()), tuple(float(p.weight) for p in demo_provinces()))
_PHRASES = {p.name: p.phrase for p in demo_provinces()}
_FOLDED_PHRASES = {phrase: fold(phrase) for phrase in _PHRASES.values()}
_NAMES = {s.key: s.name for s in demo_sources()}
_STANCE_PICKERS = {
    (slug, kind): _Weighted.of(_STANCES, tuple(w * b for w, b in zip(ws, bias, strict=True)))
    for slug, ws in _STANCE_WEIGHTS.items()
    for kind, bias in _CHANNEL_BIAS.items()
}
_POLICY_SLUGS = tuple(p.slug for p in demo_policies())


@dataclass(slots=True, kw_only=True)
class _Stream:
    """Mutable state of one generation run (private to ``generate_items``)."""

    seed: int
    rng: random.Random
    burst: DemoBurst
    originals: deque[DemoItem] = field(default_factory=lambda: deque(maxlen=_RECENT))
    posts: deque[DemoItem] = field(default_factory=lambda: deque(maxlen=_RECENT))


def generate_items(*, seed: int, count: int, end: date, days: int = 90) -> Iterator[DemoItem]:
    """Yield exactly ``count`` demo items published on the ``days`` days ending on ``end``.

    Guarantees: same arguments → identical items; items come in non-decreasing ``published``
    order; an original article is yielded before its reprints and a post before its comments;
    keys and URLs are unique (and include ``seed``). Raises ValueError on a negative count or a
    window of less than one day.
    """
    if count < 0 or days < 1:
        raise ValueError("count must be >= 0 and days >= 1")
    stream = _Stream(seed=seed, rng=random.Random(seed), burst=demo_burst(end=end))
    plans = plan_days(rng=stream.rng, count=count, end=end, days=days, policy_slugs=_POLICY_SLUGS)
    index = 0
    for plan in plans:
        day_text = f"{plan.day.day}/{plan.day.month}"
        for second in seconds_of_day(rng=stream.rng, count=plan.count):
            published = plan.midnight + timedelta(seconds=second)
            yield _next_item(stream, index=index, published=published, plan=plan, day=day_text)
            index += 1


def _next_item(
    stream: _Stream, *, index: int, published: datetime, plan: DayPlan, day: str
) -> DemoItem:
    rng = stream.rng
    if rng.random() < plan.burst_share:
        return _burst_item(stream, index=index, published=published, day=day)
    roll = rng.random()
    if roll < _ARTICLE_SHARE:
        if stream.originals and rng.random() < _REPRINT_SHARE:
            return _reprint(stream, index=index, published=published)
        source = _ARTICLE_SOURCES.pick(rng)
        topic = _topic(rng, plan=plan, source=source)
        return _article(
            stream, index=index, published=published, day=day, source=source, topic=topic
        )
    if roll < _ARTICLE_SHARE + _POST_SHARE or not stream.posts:
        source = _SOCIAL.pick(rng)
        topic = _topic(rng, plan=plan, source=source)
        return _post(stream, index=index, published=published, source=source, topic=topic)
    return _comment(stream, index=index, published=published)


def _burst_item(stream: _Stream, *, index: int, published: datetime, day: str) -> DemoItem:
    burst = stream.burst
    topic = _Topic(
        policy_slug=burst.policy_slug,
        province=burst.province,
        phrase=_PHRASES[burst.province],
        stance="negative",
    )
    rng = stream.rng
    if rng.random() < _BURST_ARTICLE_SHARE:
        source = _PRESS.pick(rng)
        return _article(
            stream, index=index, published=published, day=day, source=source, topic=topic
        )
    return _post(stream, index=index, published=published, source=_SOCIAL.pick(rng), topic=topic)


def _topic(rng: random.Random, *, plan: DayPlan, source: DemoSource) -> _Topic:
    slug = _POLICY_SLUGS[bisect_right(plan.policy_cum, rng.random() * plan.policy_cum[-1])]
    province = source.province
    if province is None and rng.random() >= _NATIONAL_SHARE:
        province = _PROVINCES.pick(rng).name
    return _Topic(
        policy_slug=slug,
        province=province,
        phrase=_NATIONAL_PHRASE if province is None else _PHRASES[province],
        stance=_STANCE_PICKERS[slug, source.kind].pick(rng),
    )


def _article(
    stream: _Stream,
    *,
    index: int,
    published: datetime,
    day: str,
    source: DemoSource,
    topic: _Topic,
) -> DemoItem:
    rng = stream.rng
    slots = figure_slots(rng=rng, province_phrase=topic.phrase, day_text=day)
    bank = article_bank(topic.policy_slug, topic.stance)
    title, text = compose_article(rng=rng, bank=bank, slots=slots)
    item = DemoItem(
        key=_key(stream, index),
        source_key=source.key,
        url=f"{source.url}bai-viet/{stream.seed}-{index}.html",
        title=f"{DEMO_LABEL} {title}",
        text=text,
        author=_choice(rng, PEN_NAMES),
        published=published,
        policy_slug=topic.policy_slug,
        province=topic.province,
        sentiment=topic.stance,
        kind="article",
        parent_key=None,
        engagement={},
        reprint_of=None,
    )
    stream.originals.append(item)
    return item


def _reprint(stream: _Stream, *, index: int, published: datetime) -> DemoItem:
    rng = stream.rng
    original = _choice(rng, stream.originals)
    source = _PRESS.pick(rng)  # outlets reprint; provincial portals only publish their own
    while source.key == original.source_key:
        source = _PRESS.pick(rng)
    title, text = reprint_edit(
        rng=rng,
        title=original.title,
        text=original.text,
        original_source=_NAMES[original.source_key],
    )
    return DemoItem(
        key=_key(stream, index),
        source_key=source.key,
        url=f"{source.url}bai-viet/{stream.seed}-{index}.html",
        title=title,
        text=text,
        author=_choice(rng, PEN_NAMES),
        published=published,
        policy_slug=original.policy_slug,
        province=original.province,
        sentiment=original.sentiment,
        kind="article",
        parent_key=None,
        engagement={},
        reprint_of=original.key,
    )


def _post(
    stream: _Stream, *, index: int, published: datetime, source: DemoSource, topic: _Topic
) -> DemoItem:
    rng = stream.rng
    style = _STYLES[bisect_right(_STYLE_CUM, rng.random())]
    bank = social_bank(topic.policy_slug, topic.stance, style)
    phrase = None
    if topic.province is not None:
        phrase = _FOLDED_PHRASES[topic.phrase] if style == "bare" else topic.phrase
    text = compose_post(rng=rng, bank=bank, province_phrase=phrase)
    item = DemoItem(
        key=_key(stream, index),
        source_key=source.key,
        url=f"{source.url}bai-dang/{stream.seed}-{index}",
        title=_title_of(text),
        text=text,
        author=_choice(rng, SOCIAL_ACCOUNTS),
        published=published,
        policy_slug=topic.policy_slug,
        province=topic.province,
        sentiment=topic.stance,
        kind="post",
        parent_key=None,
        engagement=_engagement(rng, reach=8.0 if topic.stance == "negative" else 4.0),
        reprint_of=None,
    )
    stream.posts.append(item)
    return item


def _comment(stream: _Stream, *, index: int, published: datetime) -> DemoItem:
    rng = stream.rng
    post = _choice(rng, stream.posts)
    stance = post.sentiment
    if rng.random() >= _SAME_STANCE_AS_POST:
        stance = _STANCE_PICKERS[post.policy_slug, "file"].pick(rng)
    style = _STYLES[bisect_right(_STYLE_CUM, rng.random())]
    text = compose_comment(rng=rng, bank=social_bank(post.policy_slug, stance, style))
    return DemoItem(
        key=_key(stream, index),
        source_key=post.source_key,
        url=f"{post.url}?binh-luan={index}",
        title=_title_of(text),
        text=text,
        author=_choice(rng, SOCIAL_ACCOUNTS),
        published=published,
        policy_slug=post.policy_slug,
        province=None,
        sentiment=stance,
        kind="comment",
        parent_key=post.key,
        engagement=_engagement(rng, reach=0.5),
        reprint_of=None,
    )


def _engagement(rng: random.Random, *, reach: float) -> dict[str, int]:
    """Heavy-tailed counts as a platform export reports them (not the comments generated here)."""
    likes = min(int(reach * rng.paretovariate(1.2)), 250_000)
    return {
        "likes": likes,
        "shares": int(likes * 0.2 * rng.random()),
        "comments": int(likes * 0.3 * rng.random()),
    }


def _title_of(text: str) -> str:
    words = text.split(" ", _TITLE_WORDS)
    if len(words) <= _TITLE_WORDS:
        return f"{DEMO_LABEL} {text}"
    return f"{DEMO_LABEL} {' '.join(words[:_TITLE_WORDS])}…"


def _key(stream: _Stream, index: int) -> str:
    return f"demo-{stream.seed}-{index:07d}"


def _choice(rng: random.Random, options: Sequence[T]) -> T:
    return options[int(rng.random() * len(options))]
