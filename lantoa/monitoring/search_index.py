"""The full-text index of items, one implementation per database, the same answers on both.

SQLite: an FTS5 virtual table ``monitoring_item_search`` (``rowid`` = item id) holding our own
tokens (:func:`~lantoa.monitoring.query.fts5_columns`). PostgreSQL: a side table
``monitoring_itemsearch`` (item id, tsvector literal from :func:`~lantoa.monitoring.query.pg_vector`,
``positions_complete``) with a GIN index. ``content.Item`` is not touched, and no foreign key
points at it (Django flushes test databases with TRUNCATE, which PostgreSQL refuses for a table
referenced from an unmanaged one); a row left by a deleted item is never returned, since every
search joins back to ``content_item``.

Both compile the parsed query; where a compilation is only a superset (FTS5 approximations, or
PostgreSQL rows whose positions were cut), the candidates are checked with the matcher, so the
final answer equals :func:`~lantoa.monitoring.query.matches` on every item.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from lantoa.content.models import Item
from lantoa.monitoring.query import (
    FTS5_CREATE_TABLE,
    Document,
    PreparedDocument,
    Query,
    compile_fts5,
    compile_tsquery,
    fts5_columns,
    matches,
    pg_vector,
    pg_where,
)
from lantoa.monitoring.query.indexing import FTS5_COLUMNS

__all__ = [
    "CREATE_SQL",
    "DROP_SQL",
    "Matches",
    "SearchFilter",
    "document_of",
    "index_documents",
    "index_items",
    "matching",
    "relevance",
    "restrict",
    "unindex_items",
]

SQLITE_TABLE = "monitoring_item_search"
BROAD_MATCHES = 2000
PG_TABLE = "monitoring_itemsearch"
_CHUNK = 500

CREATE_SQL = {
    "sqlite": [FTS5_CREATE_TABLE.format(table=SQLITE_TABLE)],
    "postgresql": [
        # No foreign key to content_item: Django's flush truncates only its models' tables
        # (migration 0003); search joins back to content_item, so orphans never surface.
        f"CREATE TABLE {PG_TABLE} ("
        " item_id bigint PRIMARY KEY,"
        " search_vector tsvector NOT NULL,"
        " positions_complete boolean NOT NULL DEFAULT true)",
        f"CREATE INDEX {PG_TABLE}_vector ON {PG_TABLE} USING gin (search_vector)",
        # Rows whose positions were cut are few; this finds them without the GIN recheck.
        f"CREATE INDEX {PG_TABLE}_incomplete ON {PG_TABLE} (item_id) WHERE NOT positions_complete",
    ],
}
DROP_SQL = {
    "sqlite": [f"DROP TABLE IF EXISTS {SQLITE_TABLE}"],
    "postgresql": [f"DROP TABLE IF EXISTS {PG_TABLE}"],
}


def document_of(item: Item) -> Document:
    """The searchable text of an item (its source's name is the ``source:`` field)."""
    return Document(title=item.title, text=item.text, source=item.source.name)


def index_items(items: Iterable[Item]) -> int:
    """Write (or rewrite) the index rows of ``items`` (with ``source`` loaded); returns how many."""
    return index_documents([(item.pk, document_of(item)) for item in items])


def index_documents(rows: list[tuple[int, Document | PreparedDocument]]) -> int:
    """Write (or rewrite) the index rows of items given by id and document; returns how many.

    Pass prepared documents when the caller also tags them, so each is tokenised once.
    """
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        _index_postgres(rows)
    else:
        _index_sqlite(rows)
    return len(rows)


def unindex_items(item_ids: list[int]) -> None:
    table, key = (
        (PG_TABLE, "item_id") if connection.vendor == "postgresql" else (SQLITE_TABLE, "rowid")
    )
    with connection.cursor() as cursor:
        for start in range(0, len(item_ids), _CHUNK):
            chunk = item_ids[start : start + _CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE {key} IN ({marks})", chunk)  # noqa: S608


def _index_sqlite(rows: list[tuple[int, Document | PreparedDocument]]) -> None:
    names = ", ".join(["rowid", *FTS5_COLUMNS])
    marks = ", ".join(["%s"] * (len(FTS5_COLUMNS) + 1))
    unindex_items([pk for pk, _ in rows])
    values: list[list[int | str]] = []
    for pk, document in rows:
        columns = fts5_columns(document)
        values.append([pk, *(columns[name] for name in FTS5_COLUMNS)])
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {SQLITE_TABLE} ({names}) VALUES ({marks})", values)  # noqa: S608


def _index_postgres(rows: list[tuple[int, Document | PreparedDocument]]) -> None:
    values: list[list[int | str | bool]] = []
    for pk, document in rows:
        vector = pg_vector(document)
        values.append([pk, vector.literal, vector.positions_complete])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {PG_TABLE} (item_id, search_vector, positions_complete) "  # noqa: S608
            "VALUES (%s, %s::tsvector, %s) ON CONFLICT (item_id) DO UPDATE SET "
            "search_vector = EXCLUDED.search_vector, "
            "positions_complete = EXCLUDED.positions_complete",
            values,
        )


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """The index part of a search: a SQL fragment over ``content_item.id`` and whether the
    candidates it selects must still be checked with the matcher."""

    sql: str
    params: list[str]
    needs_check: str | None  # SQL selecting candidate ids that need the matcher, or None
    probe: str | None = None  # a per-item condition no index can serve (PostgreSQL), same params
    check_params: list[str] | None = None  # for ``needs_check`` when they differ from ``params``


def _compiled(query: Query) -> SearchFilter:
    if connection.vendor == "postgresql":
        compiled = compile_tsquery(query)
        where, params = pg_where(compiled, complete="positions_complete")
        sql = f"SELECT item_id FROM {PG_TABLE} WHERE {where}"  # noqa: S608
        check = None
        if compiled.loose is not None:
            check = sql + " AND NOT positions_complete"
        probe_where, _ = pg_where(
            compiled, vector="s.search_vector", complete="s.positions_complete"
        )
        probe = (
            f"EXISTS (SELECT 1 FROM {PG_TABLE} s "  # noqa: S608
            f'WHERE s.item_id = "content_item"."id" AND ({probe_where}) IS TRUE)'
        )
        return SearchFilter(sql=sql, params=params, needs_check=check, probe=probe)
    fts = compile_fts5(query)
    sql = f"SELECT rowid FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s"  # noqa: S608
    if not fts.post_filter:
        return SearchFilter(sql=sql, params=[fts.match], needs_check=None)
    unsure = f"({fts.match}) NOT ({fts.sure})" if fts.sure else fts.match
    return SearchFilter(sql=sql, params=[fts.match], needs_check=sql, check_params=[unsure])


def matching(items: QuerySet[Item], query: Query) -> QuerySet[Item]:
    """``items`` restricted to those matching ``query``, exactly (no cap on the number)."""
    compiled = _compiled(query)
    counted = items.filter(pk__in=RawSQL(compiled.sql, compiled.params))  # noqa: S611
    rejected = _rejected(counted, query, compiled)
    return counted if rejected is None else counted.exclude(pk__in=rejected)


@dataclass(frozen=True, slots=True)
class Matches:
    """The items matching a query, three ways; all three hold the same rows.

    ``counted`` looks the matches up in the index: the way to count them or group them.
    ``listed`` is the way to list them newest first: on SQLite, for a broad query (at least
    :data:`BROAD_MATCHES` matches), it hides the item id from the planner (``+id``) so that it
    walks the newest-first date index and stops after a page, instead of looking up and sorting
    every match of a common word (a second at a million items); PostgreSQL chooses that itself.
    ``probed`` checks items one by one without using the index: the way to test a few thousand
    given items (the newest ones, see ``SearchResult.rows``), where PostgreSQL would otherwise
    trust its estimate for a phrase (a handful of rows, often a hundred thousand) and collect
    every match first.
    """

    counted: QuerySet[Item]
    listed: QuerySet[Item]
    probed: QuerySet[Item]


def restrict(items: QuerySet[Item], query: Query) -> Matches:
    """``items`` restricted to those matching ``query`` (exactly, no cap), three ways."""
    compiled = _compiled(query)
    counted = items.filter(pk__in=RawSQL(compiled.sql, compiled.params))  # noqa: S611
    listed = counted
    if connection.vendor == "sqlite" and _is_broad(compiled):
        listed = items.filter(_condition(f'+"content_item"."id" IN ({compiled.sql})', compiled))
    probed = items.filter(_condition(compiled.probe, compiled)) if compiled.probe else listed
    rejected = _rejected(counted, query, compiled)
    if rejected is None:
        return Matches(counted, listed, probed)
    return Matches(
        counted.exclude(pk__in=rejected),
        listed.exclude(pk__in=rejected),
        probed.exclude(pk__in=rejected),
    )


def _rejected(counted: QuerySet[Item], query: Query, compiled: SearchFilter) -> RawSQL | None:
    """The index candidates the matcher refuses (an approximate compilation), or None."""
    if compiled.needs_check is None:
        return None
    check_params = compiled.params if compiled.check_params is None else compiled.check_params
    candidates = counted.filter(pk__in=RawSQL(compiled.needs_check, check_params))  # noqa: S611
    rejected = [pk for pk, document in _documents(candidates) if not matches(query, document)]
    return RawSQL(*_id_list(rejected)) if rejected else None  # noqa: S611


def _condition(sql: str, compiled: SearchFilter) -> RawSQL:
    return RawSQL(sql, compiled.params, output_field=BooleanField())  # noqa: S611


def _is_broad(compiled: SearchFilter) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM ({compiled.sql} LIMIT {BROAD_MATCHES})",  # noqa: S608
            compiled.params,
        )
        (found,) = cursor.fetchone()
    return bool(found >= BROAD_MATCHES)


def relevance(query: Query) -> RawSQL:
    """An expression for ``content_item`` rows: higher is more relevant (BM25 or ts_rank)."""
    if connection.vendor == "postgresql":
        compiled = compile_tsquery(query)
        return RawSQL(  # noqa: S611
            f"(SELECT ts_rank(s.search_vector, %s::tsquery) FROM {PG_TABLE} s "  # noqa: S608
            'WHERE s.item_id = "content_item"."id")',
            [compiled.loose or compiled.tsquery],
        )
    fts = compile_fts5(query)
    return RawSQL(  # noqa: S611
        f"(SELECT -bm25({SQLITE_TABLE}, 4.0, 1.0, 2.0, 4.0, 1.0, 2.0) FROM {SQLITE_TABLE} "  # noqa: S608
        f'WHERE {SQLITE_TABLE} MATCH %s AND rowid = "content_item"."id")',
        [fts.match],
    )


def _id_list(ids: list[int]) -> tuple[str, list[str]]:
    """A subquery yielding ``ids`` from one parameter (no limit on how many)."""
    payload = json.dumps(ids)
    if connection.vendor == "postgresql":
        return "SELECT jsonb_array_elements_text(%s::jsonb)::bigint", [payload]
    return "SELECT value FROM json_each(%s)", [payload]


def _documents(items: QuerySet[Item]) -> Iterator[tuple[int, Document]]:
    rows = items.order_by().values_list("pk", "title", "text", "source__name")
    for pk, title, text, source in rows.iterator(chunk_size=2000):
        yield pk, Document(title=title, text=text, source=source)
