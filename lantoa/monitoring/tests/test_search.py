"""Search through the Django layer: the same answers on SQLite (FTS5) and PostgreSQL (tsvector).

The query list and corpus are the query library's own (every operator, diacritic folding, đ/d);
here they run through ``process_new_items`` and the real index tables, and the result must equal
the matcher's brute-force answer. The whole module runs again on PostgreSQL (``-m db``).
"""

import pytest

from lantoa.accounts.models import Organization
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring import search as search_module
from lantoa.monitoring import search_index
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.query import QueryError
from lantoa.monitoring.search import SearchParams, facets, search
from lantoa.monitoring.tests.factories import at, make_analysis, make_topic
from lantoa.monitoring.tests.test_query_backends import CORPUS, QUERIES, brute_force
from lantoa.sources.models import Source

pytestmark = pytest.mark.django_db


def load_corpus(owner: Organization) -> dict[int, int]:
    """Store the library corpus as shared items; returns corpus number → item id."""
    sources: dict[str, Source] = {}
    ids = {}
    for number, document in CORPUS.items():
        if document.source not in sources:
            sources[document.source] = make_source(
                owner=owner, name=document.source, is_shared=True
            )
        item = make_item(source=sources[document.source], title=document.title, text=document.text)
        ids[number] = item.pk
    process_new_items(list(ids.values()))
    return ids


def test_every_query_finds_exactly_what_the_matcher_finds(personas: Personas) -> None:
    ids = load_corpus(personas.hue)
    wrong = {}
    for text in QUERIES:
        expected = {ids[number] for number in brute_force(text)}
        found = set(search(personas.lan, SearchParams(q=text)).items.values_list("pk", flat=True))
        if found != expected:
            wrong[text] = (sorted(found - expected), sorted(expected - found))
    assert wrong == {}


def test_the_shortcuts_for_large_indexes_give_the_same_answers(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given thresholds so low that every query counts as broad and the newest 3 items are
    # searched first for a page
    monkeypatch.setattr(search_index, "BROAD_MATCHES", 1)
    monkeypatch.setattr(search_module, "RECENT_WINDOW", 3)
    ids = load_corpus(personas.hue)
    newest = sorted(ids.values(), reverse=True)  # same publication time: the newest id first
    wrong = {}
    for text in QUERIES:
        expected = [pk for pk in newest if pk in {ids[n] for n in brute_force(text)}]

        # When the search page reads the first pages and the count
        result = search(personas.lan, SearchParams(q=text))
        pages = {
            (a, b): [item.pk for item in result.rows(a, b)] for a, b in ((0, 1), (0, 3), (2, 5))
        }

        # Then listing, counting and paging all agree with the matcher
        answers = (
            list(result.items.values_list("pk", flat=True)),
            sorted(result.matched.values_list("pk", flat=True), reverse=True),
            result.count_up_to(cap=2),
            pages,
        )
        wanted = (
            expected,
            expected,
            min(len(expected), 3),
            {(a, b): expected[a:b] for a, b in pages},
        )
        if answers != wanted:
            wrong[text] = answers
    assert wrong == {}


def test_diacritic_folding_and_d_find_the_accented_words(personas: Personas) -> None:
    ids = load_corpus(personas.hue)
    by_title = {CORPUS[number].title: pk for number, pk in ids.items()}
    unaccented = set(
        search(personas.lan, SearchParams(q="truyen thong")).items.values_list("pk", flat=True)
    )
    assert by_title["Truyền thông chính sách về y tế"] in unaccented
    d_form = set(search(personas.lan, SearchParams(q="da nang")).items.values_list("pk", flat=True))
    assert by_title["Đà Nẵng mở rộng đường ven biển"] in d_form


def test_relevance_sort_puts_title_matches_first(personas: Personas) -> None:
    source = make_source(owner=personas.hanoi)
    body_only = make_item(source=source, title="Tin tổng hợp", text="Có nhắc tới học phí một lần.")
    title_hit = make_item(source=source, title="Học phí năm học mới", text="Học phí tăng nhẹ.")
    process_new_items([body_only.pk, title_hit.pk])

    result = search(personas.lan, SearchParams(q="học phí", sort="relevance"))

    assert list(result.items.values_list("pk", flat=True)) == [title_hit.pk, body_only.pk]


def test_a_bad_query_is_refused_with_its_position(personas: Personas) -> None:
    with pytest.raises(QueryError) as refused:
        search(personas.lan, SearchParams(q="tiêm AND"))
    assert refused.value.message == "Toán tử AND ở vị trí 6 thiếu vế phải."
    assert refused.value.position == 5


def test_filters_and_facets(personas: Personas) -> None:
    # Given three Hà Nội items about school fees, one negative in Hà Nội, one positive in Huế
    source = make_source(owner=personas.hanoi, name="Báo Hà Nội")
    negative = make_item(source=source, title="Học phí tăng", published_at=at(2026, 3, 1))
    positive = make_item(source=source, title="Học phí được miễn", published_at=at(2026, 3, 5))
    unanalysed = make_item(source=source, title="Học phí", kind="post", published_at=at(2026, 3, 9))
    make_analysis(negative, sentiment="negative", provinces=["Hà Nội"])
    make_analysis(positive, sentiment="positive", provinces=["Huế", "Hà Nội"])
    topic = make_topic(owner=personas.hanoi, query="miễn")
    process_new_items([negative.pk, positive.pk, unanalysed.pk])

    def found(**params: object) -> list[int]:
        result = search(personas.lan, SearchParams(q="học phí", **params))  # type: ignore[arg-type]
        return sorted(result.items.values_list("pk", flat=True))

    assert found(sentiment="negative") == [negative.pk]
    assert found(sentiment="none") == [unanalysed.pk]
    assert found(province="Huế") == [positive.pk]
    assert found(kind="post") == [unanalysed.pk]
    assert found(topic=topic.pk) == [positive.pk]
    assert found(date_from=at(2026, 3, 2).date(), date_to=at(2026, 3, 5).date()) == [positive.pk]

    counted = {
        f.name: f.counts
        for f in facets(personas.lan, search(personas.lan, SearchParams(q="học phí")).items)
    }
    assert counted["province"] == [("Hà Nội", "Hà Nội", 2), ("Huế", "Huế", 1)]
    assert ("negative", "Tiêu cực", 1) in counted["sentiment"]
    assert ("none", "Chưa phân tích", 1) in counted["sentiment"]
    assert counted["source"] == [(str(source.pk), "Báo Hà Nội", 3)]
    assert counted["topic"] == [(str(topic.pk), topic.name, 1)]


def test_search_never_shows_another_agencys_private_items(personas: Personas) -> None:
    hue_item = make_item(source=make_source(owner=personas.hue), title="Học phí ở Huế")
    process_new_items([hue_item.pk])

    assert search(personas.lan, SearchParams(q="học phí")).items.count() == 0
    assert search(personas.binh, SearchParams(q="học phí")).items.count() == 1
