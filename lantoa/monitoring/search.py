"""Search: the topic query language plus filters, facets and ordering, over what a user may read.

Used by the search page, its CSV/XLSX export, the API and the ``search`` command, so all four
answer the same. Results are a queryset (no cap); facets count the whole filtered result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.analysis.models import Sentiment
from lantoa.content.models import Item, ItemKind
from lantoa.content.queries import visible_items
from lantoa.monitoring import search_index
from lantoa.monitoring.actions import check_query
from lantoa.monitoring.models import Topic
from lantoa.monitoring.queries import visible_topics
from lantoa.monitoring.query import Query
from lantoa.sources.models import SourceKind

__all__ = ["Facet", "SearchParams", "SearchResult", "facets", "search"]

SORTS = ("date", "relevance")
COUNT_CAP = 1_000
RECENT_WINDOW = 2_000
NOT_ANALYSED = "none"


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchParams:
    """Everything a search can be asked; empty values mean "no filter"."""

    q: str = ""
    exact: bool = False
    date_from: date | None = None
    date_to: date | None = None
    source: int | None = None
    source_kind: str = ""
    kind: str = ""
    province: str = ""
    sentiment: str = ""
    topic: int | None = None
    language: str = ""
    sort: str = "date"


@dataclass(frozen=True, slots=True)
class SearchResult:
    """``items`` in the asked order; ``matched`` the same rows unordered, for counting."""

    items: QuerySet[Item]
    query: Query | None
    matched: QuerySet[Item]
    probed: QuerySet[Item] | None = None  # ``items`` without the index: for a few given items

    def count_up_to(self, cap: int = COUNT_CAP) -> int:
        """How many items match, but at most ``cap + 1``: counting stops past ``cap``.

        The search page says "more than 1,000" rather than spend a second counting a common
        word over a million items; the export, the API and the command line count exactly.
        """
        return self.matched.order_by()[: cap + 1].count()

    def rows(self, start: int, stop: int) -> list[Item]:
        """Items ``start`` to ``stop`` of ``items``, the way the search page reads a page.

        Newest-first pages are first looked for among the newest :data:`RECENT_WINDOW` items:
        if those hold the whole page, no older match can belong to it, and the database checks
        a few thousand items instead of every match of a common word. Otherwise (a rare word,
        a narrow filter, a deep page) the plain query answers.
        """
        if self.probed is not None and stop <= RECENT_WINDOW:
            boundary = _recent_boundary()
            if boundary is not None:
                recent = list(self.probed.filter(boundary)[start:stop])
                if len(recent) == stop - start:
                    return recent
        return list(self.items[start:stop])

    def __getitem__(self, window: slice) -> list[Item]:
        """A paginator's slice (it is given the capped count, so it never asks the length)."""
        return self.rows(window.start or 0, window.stop)


def _recent_boundary() -> Q | None:
    """Items at or after the :data:`RECENT_WINDOW`-th newest, in newest-first order."""
    edge = (
        Item.objects.order_by(F("published_at").desc(nulls_last=True), "-id")
        .values_list("published_at", "pk")[RECENT_WINDOW - 1 : RECENT_WINDOW]
        .first()
    )
    if edge is None or edge[0] is None:
        return None
    published, pk = edge
    return Q(published_at__gt=published) | Q(published_at=published, pk__gte=pk)


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # value, label, count


def search(user: User, params: SearchParams) -> SearchResult:
    """Items ``user`` may read that match ``params``; raises QueryError for a bad query."""
    items = visible_items(user)
    query = check_query(params.q, exact=params.exact) if params.q.strip() else None
    newest = (F("published_at").desc(nulls_last=True), "-id")
    if query is None:
        matched = _filtered(user, items, params)
        return SearchResult(items=matched.order_by(*newest), query=None, matched=matched)
    found = search_index.restrict(items, query)
    matched = _filtered(user, found.counted, params)
    if params.sort == "relevance":
        ordered = matched.annotate(relevance=search_index.relevance(query)).order_by(
            F("relevance").desc(nulls_last=True), "-published_at", "-id"
        )
        return SearchResult(items=ordered, query=query, matched=matched)
    return SearchResult(
        items=_filtered(user, found.listed, params).order_by(*newest),
        query=query,
        matched=matched,
        probed=_filtered(user, found.probed, params).order_by(*newest),
    )


def _local_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered(user: User, items: QuerySet[Item], params: SearchParams) -> QuerySet[Item]:
    if params.date_from:
        items = items.filter(published_at__gte=_local_start(params.date_from))
    if params.date_to:
        items = items.filter(published_at__lt=_local_start(params.date_to + timedelta(days=1)))
    if params.source:
        items = items.filter(source_id=params.source)
    if params.source_kind:
        items = items.filter(source__kind=params.source_kind)
    if params.kind:
        items = items.filter(kind=params.kind)
    if params.language:
        items = items.filter(language=params.language)
    if params.sentiment == NOT_ANALYSED:
        items = items.filter(analysis__isnull=True)
    elif params.sentiment:
        items = items.filter(analysis__sentiment=params.sentiment)
    if params.topic:
        topic_ids = visible_topics(user).filter(pk=params.topic).values("pk")
        items = items.filter(topic_tags__topic__in=topic_ids)
    if params.province:
        items = items.filter(pk__in=RawSQL(*_province_items(params.province)))  # noqa: S611
    return items


def _province_items(province: str) -> tuple[str, list[str]]:
    if connection.vendor == "postgresql":
        return (
            "SELECT item_id FROM analysis_itemanalysis "
            "WHERE provinces::jsonb @> jsonb_build_array(%s::text)",
            [province],
        )
    return (
        "SELECT a.item_id FROM analysis_itemanalysis a, json_each(a.provinces) j "
        "WHERE j.value = %s",
        [province],
    )


def facets(user: User, items: QuerySet[Item], *, limit: int = 10) -> list[Facet]:
    """Counts per source, source kind, item kind, sentiment, province, topic and language."""
    base = items.order_by()
    return [
        Facet("source", _counted(base, "source_id", "source__name", limit)),
        Facet("source_kind", _labelled(base, "source__kind", dict(SourceKind.choices))),
        Facet("kind", _labelled(base, "kind", dict(ItemKind.choices))),
        Facet("sentiment", _sentiments(base)),
        Facet("province", _provinces(base, limit)),
        Facet("topic", _topics(user, base, limit)),
        Facet("language", _labelled(base, "language", {})),
    ]


def _counted(items: QuerySet[Item], key: str, label: str, limit: int) -> list[tuple[str, str, int]]:
    rows = items.values(key, label).annotate(n=Count("pk", distinct=True)).order_by("-n", label)
    return [(str(row[key]), str(row[label]), int(row["n"])) for row in rows[:limit]]


def _labelled(
    items: QuerySet[Item], key: str, labels: Mapping[str, object]
) -> list[tuple[str, str, int]]:
    rows = items.values(key).annotate(n=Count("pk", distinct=True)).order_by("-n", key)
    return [
        (row[key] or "", str(labels.get(row[key], row[key] or "")), int(row["n"])) for row in rows
    ]


def _sentiments(items: QuerySet[Item]) -> list[tuple[str, str, int]]:
    labels: dict[str | None, object] = {**dict(Sentiment.choices), None: _("Chưa phân tích")}
    rows = items.values("analysis__sentiment").annotate(n=Count("pk", distinct=True)).order_by("-n")
    return [
        (
            row["analysis__sentiment"] or NOT_ANALYSED,
            str(labels[row["analysis__sentiment"]]),
            row["n"],
        )
        for row in rows
    ]


def _provinces(items: QuerySet[Item], limit: int) -> list[tuple[str, str, int]]:
    inner, params = items.values("pk").query.sql_with_params()
    if connection.vendor == "postgresql":
        sql = (
            "SELECT j.value, count(*) FROM analysis_itemanalysis a, "  # noqa: S608
            "jsonb_array_elements_text(a.provinces::jsonb) j(value) "
            f"WHERE a.item_id IN ({inner}) GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT %s"
        )
    else:
        sql = (
            "SELECT j.value, count(*) FROM analysis_itemanalysis a, json_each(a.provinces) j "  # noqa: S608
            f"WHERE a.item_id IN ({inner}) GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [(str(value), str(value), int(n)) for value, n in cursor.fetchall()]


def _topics(user: User, items: QuerySet[Item], limit: int) -> list[tuple[str, str, int]]:
    topics = visible_topics(user).filter(item_tags__item__in=items.values("pk"))
    rows = topics.values("pk", "name").annotate(n=Count("item_tags")).order_by("-n", "name")
    return [(str(row["pk"]), str(row["name"]), int(row["n"])) for row in rows[:limit]]


def topic_choices(user: User) -> QuerySet[Topic]:
    return visible_topics(user).order_by("name")
