"""The query language of topics and search: parse once, then match, tag, compile or highlight.

Typical use::

    query = parse('"tiêm chủng" NEAR/5 (trẻ em OR học sinh) NOT title:quảng cáo')
    matches(query, Document(title=..., text=..., source=...))
    Tagger({topic.id: parse(topic.query) for topic in topics}).tag(document)
    compile_fts5(query).match            # SQLite  (schema: .indexing)
    pg_where(compile_tsquery(query))     # PostgreSQL (schema: .indexing)
"""

from lantoa.monitoring.query.ast import Query
from lantoa.monitoring.query.errors import QueryError
from lantoa.monitoring.query.fts5 import Fts5Query, compile_fts5
from lantoa.monitoring.query.highlight import Segment, highlight, segments, snippet
from lantoa.monitoring.query.indexing import FTS5_CREATE_TABLE, PgVector, fts5_columns, pg_vector
from lantoa.monitoring.query.matching import Document, PreparedDocument, matches, prepare
from lantoa.monitoring.query.parser import parse
from lantoa.monitoring.query.tagging import Tagger
from lantoa.monitoring.query.tokens import Span
from lantoa.monitoring.query.tsquery import PgQuery, compile_tsquery, pg_where

__all__ = [
    "FTS5_CREATE_TABLE",
    "Document",
    "Fts5Query",
    "PgQuery",
    "PgVector",
    "PreparedDocument",
    "Query",
    "QueryError",
    "Segment",
    "Span",
    "Tagger",
    "compile_fts5",
    "compile_tsquery",
    "fts5_columns",
    "highlight",
    "matches",
    "parse",
    "pg_vector",
    "pg_where",
    "prepare",
    "segments",
    "snippet",
]
