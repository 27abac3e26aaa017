"""The demo corpus: deterministic, streaming, labelled, and true by construction."""

import statistics
import tracemalloc
from collections import Counter
from datetime import date, datetime, time, timedelta
from functools import cache
from itertools import islice, pairwise

import pytest

from lantoa.content.demo import (
    DEMO_LABEL,
    DemoItem,
    demo_burst,
    demo_policies,
    demo_provinces,
    demo_sources,
    generate_items,
)
from lantoa.core.folding import fold

END = date(2025, 11, 20)
TZ_NAME = "Asia/Ho_Chi_Minh"
SOURCE_KINDS = {source.key: source.kind for source in demo_sources()}
CURRENT_AGENCIES = {
    "Bộ Khoa học và Công nghệ",
    "Bộ Y tế",
    "Bộ Xây dựng",
    "Bộ Công Thương",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Giáo dục và Đào tạo",
}


@cache
def corpus(seed: int = 11, count: int = 20_000) -> tuple[DemoItem, ...]:
    return tuple(generate_items(seed=seed, count=count, end=END))


def shingle_jaccard(first: str, second: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = text.lower().split()
        return {tuple(words[n : n + 3]) for n in range(len(words) - 2)}

    a, b = shingles(first), shingles(second)
    return len(a & b) / len(a | b)


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def test_same_seed_gives_identical_items_and_another_seed_differs():
    # given two runs with the same arguments and one with another seed
    first = list(generate_items(seed=5, count=3_000, end=END))
    second = list(generate_items(seed=5, count=3_000, end=END))
    other = list(generate_items(seed=6, count=3_000, end=END))
    # then the same seed repeats every field and another seed does not
    assert first == second
    assert [i.text for i in first] != [i.text for i in other]


@pytest.mark.parametrize("count", [0, 1, 7, 89, 90, 1_001])
def test_yields_exactly_count_items(count):
    # when generating count items
    items = list(generate_items(seed=3, count=count, end=END, days=30))
    # then exactly that many come out
    assert len(items) == count


def test_rejects_negative_count_and_empty_window():
    with pytest.raises(ValueError):
        list(generate_items(seed=1, count=-1, end=END))
    with pytest.raises(ValueError):
        list(generate_items(seed=1, count=10, end=END, days=0))


def test_items_are_aware_in_vietnam_time_within_window_and_in_order():
    # given a 90-day corpus
    items = corpus()
    first_day = datetime.combine(
        END - timedelta(days=90), time(0), tzinfo=items[0].published.tzinfo
    )
    after_end = datetime.combine(END + timedelta(days=1), time(0), tzinfo=first_day.tzinfo)
    # then every item is published inside the window, in Vietnam time, in order
    assert all(first_day <= i.published < after_end for i in items)
    assert {str(i.published.tzinfo) for i in items} == {TZ_NAME}
    assert all(a.published <= b.published for a, b in pairwise(items))


def test_keys_and_urls_are_unique_and_on_the_demo_domain():
    items = corpus()
    assert len({i.key for i in items}) == len(items)
    assert len({i.url for i in items}) == len(items)
    assert all(".demo.lantoa.invalid/" in i.url for i in items)


def test_every_item_and_source_is_labelled_as_demo_data():
    assert all(i.title.startswith(f"{DEMO_LABEL} ") for i in corpus())
    assert all("mẫu" in s.name.lower() for s in demo_sources())
    assert all(s.url.endswith(".demo.lantoa.invalid/") for s in demo_sources())


def test_reprints_copy_an_earlier_article_of_another_source():
    # given the items by key, in the order they were yielded
    items = corpus()
    position: dict[str | None, int] = {item.key: n for n, item in enumerate(items)}
    reprints = [i for i in items if i.reprint_of is not None]
    articles = [i for i in items if i.kind == "article"]
    # then about 15% of articles are reprints of an earlier original from another source
    assert 0.10 < len(reprints) / len(articles) < 0.20
    for reprint in reprints:
        original = items[position[reprint.reprint_of]]
        assert position[original.key] < position[reprint.key]
        assert original.published <= reprint.published
        assert original.kind == "article" and original.reprint_of is None
        assert original.source_key != reprint.source_key
        assert SOURCE_KINDS[reprint.source_key] == "rss"
        assert (original.policy_slug, original.sentiment) == (
            reprint.policy_slug,
            reprint.sentiment,
        )
        assert shingle_jaccard(original.text, reprint.text) >= 0.7


def test_independent_articles_of_one_policy_and_stance_are_not_near_duplicates():
    # given original articles grouped by policy and stance
    groups: dict[tuple[str, str], list[DemoItem]] = {}
    for item in corpus():
        if item.kind == "article" and item.reprint_of is None:
            groups.setdefault((item.policy_slug, item.sentiment), []).append(item)
    # then pairs drawn from the same bank overlap far less than a reprint does
    for articles in groups.values():
        pairs = pairwise(articles[:41])
        similarities = [shingle_jaccard(a.text, b.text) for a, b in pairs]
        assert statistics.median(similarities) < 0.45
        assert max(similarities) < 0.7


def test_comments_answer_an_earlier_post_of_the_same_source():
    items = corpus()
    position: dict[str | None, int] = {item.key: n for n, item in enumerate(items)}
    comments = [i for i in items if i.kind == "comment"]
    assert comments
    for comment in comments:
        post = items[position[comment.parent_key]]
        assert post.kind == "post" and position[post.key] < position[comment.key]
        assert post.source_key == comment.source_key
        assert post.policy_slug == comment.policy_slug
    assert all(i.parent_key is None for i in items if i.kind != "comment")


def test_kinds_match_their_sources_and_social_items_carry_engagement():
    for item in corpus():
        expected = "file" if item.kind in ("post", "comment") else ("rss", "site")
        assert SOURCE_KINDS[item.source_key] in expected
        social = item.kind != "article"
        assert (set(item.engagement) == {"likes", "shares", "comments"}) is social


def test_negative_burst_stands_out_in_daily_counts():
    # given daily counts of negative items
    burst = demo_burst(end=END)
    negatives = Counter(i.published.date() for i in corpus() if i.sentiment == "negative")
    median = statistics.median(negatives[END - timedelta(days=d)] for d in range(90))
    # then the burst days are at least three times the median day
    for offset in range(burst.days):
        assert negatives[burst.first_day + timedelta(days=offset)] >= 3 * median
    # and the burst is about its policy in its province
    on_first_day = [i for i in corpus() if i.published.date() == burst.first_day]
    topical = Counter((i.policy_slug, i.province, i.sentiment) for i in on_first_day)
    assert topical.most_common(1)[0][0] == (burst.policy_slug, burst.province, "negative")


def test_weekdays_are_busier_than_weekends_and_one_policy_trends_up():
    items = corpus()
    per_day = Counter(i.published.date() for i in items)
    weekday = [n for d, n in per_day.items() if d.weekday() < 5]
    weekend = [n for d, n in per_day.items() if d.weekday() >= 5]
    assert statistics.mean(weekend) < 0.75 * statistics.mean(weekday)
    early = [i for i in items if i.published.date() < END - timedelta(days=75)]
    late = [i for i in items if i.published.date() > END - timedelta(days=15)]
    share = lambda part: sum(i.policy_slug == "nha-o-xa-hoi" for i in part) / len(part)  # noqa: E731
    assert share(late) > 2 * share(early)


def test_published_hours_follow_the_day():
    hours = Counter(i.published.hour for i in corpus())
    assert sum(hours[h] for h in range(0, 5)) < 0.05 * len(corpus())
    assert hours[9] > 5 * hours[3]


def test_sentiment_mix_is_roughly_30_45_25_and_varies_by_policy():
    mix = Counter(i.sentiment for i in corpus())
    total = len(corpus())
    assert 0.25 < mix["negative"] / total < 0.36
    assert 0.38 < mix["neutral"] / total < 0.52
    assert 0.20 < mix["positive"] / total < 0.30

    def positive_share(slug: str) -> float:
        items = [i for i in corpus() if i.policy_slug == slug]
        return sum(i.sentiment == "positive" for i in items) / len(items)

    assert positive_share("mien-hoc-phi") > 1.5 * positive_share("chong-hang-gia")


def test_only_social_items_are_written_without_diacritics():
    items = corpus()
    bare = [i for i in items if not has_diacritics(i.text)]
    social = [i for i in items if i.kind != "article"]
    assert {i.kind for i in bare} == {"post", "comment"}
    assert 0.05 < len(bare) / len(social) < 0.25
    assert all(has_diacritics(i.title) for i in items)


def test_texts_have_the_shape_of_their_kind():
    originals = [i for i in corpus() if i.kind == "article" and i.reprint_of is None]
    for article in originals:
        assert 3 <= len(article.text.split("\n\n")) <= 6
        assert 280 <= len(article.text.split()) <= 650
    posts = [i for i in corpus() if i.kind == "post"]
    assert max(len(i.text.split()) for i in posts) < 80
    assert any("#" in i.text for i in posts)


def test_provinces_are_current_units_named_in_the_text():
    current = {p.name for p in demo_provinces()}
    assert len(current) == 34
    located = [i for i in corpus() if i.province is not None]
    assert 0.5 < len(located) / len(corpus()) < 0.9
    for item in located:
        assert item.province in current
        assert fold(item.province) in fold(item.text)


def test_policies_are_few_plausible_and_led_by_current_ministries():
    policies = demo_policies()
    assert 5 <= len(policies) <= 8
    assert {p.lead_agency for p in policies} <= CURRENT_AGENCIES
    assert {i.policy_slug for i in corpus()} == {p.slug for p in policies}


def test_a_200_000_item_stream_runs_in_bounded_memory():
    # given a stream consumed one item at a time under tracemalloc
    tracemalloc.start()
    try:
        consumed = sum(1 for _ in islice(generate_items(seed=2, count=200_000, end=END), None))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # then all items came and the peak stays small (no list of items is kept)
    assert consumed == 200_000
    assert peak < 4 * 1024 * 1024
