"""What the full-text indexes store for one item, and the schema that holds it.

Both backends index *our* tokens (:mod:`.tokens`), never their own tokenisation of raw text,
so they agree with the matcher word for word.

SQLite: one FTS5 row per item, ``rowid`` = item id, columns from :func:`fts5_columns`::

    CREATE VIRTUAL TABLE item_search USING fts5(
        title_folded, body_folded, source_folded, title_exact, body_exact, source_exact,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4 5'
    );

The columns hold space-separated tokens (already lowercased; ``*_folded`` without diacritics),
so ``remove_diacritics 0`` keeps the exact columns exact and the folded ones are already bare.

PostgreSQL: two columns on the item table, from :func:`pg_vector`::

    search_vector tsvector NOT NULL DEFAULT ''::tsvector,
    search_positions_complete boolean NOT NULL DEFAULT true
    CREATE INDEX item_search_vector ON item USING gin (search_vector);

The vector is a literal built here (cast with ``%s::tsvector``), not ``to_tsvector()``: fields
are told apart by weight (title A, source B, body D) and lie in disjoint position ranges more
than :data:`~.parser.MAX_NEAR_DISTANCE` apart, so no phrase or NEAR spans two fields. Exact
tokens are stored as ``=token`` lexemes at the same positions as their folded twins.
"""

from __future__ import annotations

from dataclasses import dataclass

from lantoa.monitoring.query.matching import Document, PreparedDocument, prepare

__all__ = [
    "FTS5_COLUMNS",
    "FTS5_CREATE_TABLE",
    "PG_FIELD_START",
    "PG_FIELD_WEIGHT",
    "PG_MAX_POSITIONS_PER_LEXEME",
    "PgVector",
    "fts5_column",
    "fts5_columns",
    "pg_exact_lexeme",
    "pg_vector",
]

FTS5_COLUMNS = (
    "title_folded",
    "body_folded",
    "source_folded",
    "title_exact",
    "body_exact",
    "source_exact",
)
FTS5_CREATE_TABLE = (
    "CREATE VIRTUAL TABLE {table} USING fts5("
    + ", ".join(FTS5_COLUMNS)
    + ", tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4 5')"
)
PG_FIELD_WEIGHT = {"title": "A", "source": "B", "body": "D"}
# Source first, then title, then body: the short fields keep their positions when a lexeme is
# cut at 256 positions, so a word's presence in each field always survives.
PG_FIELD_START = {"source": 1, "title": 201, "body": 501}
PG_MAX_POSITIONS_PER_LEXEME = 256


@dataclass(frozen=True, slots=True, kw_only=True)
class PgVector:
    """A tsvector literal; ``positions_complete`` is False when PostgreSQL's limit of 256
    positions per lexeme cut some, so phrase and NEAR must be checked by the matcher."""

    literal: str
    positions_complete: bool


def fts5_column(field: str, exact: bool) -> str:
    """The FTS5 column holding ``field``'s exact or folded tokens."""
    return f"{field}_{'exact' if exact else 'folded'}"


def fts5_columns(document: Document | PreparedDocument) -> dict[str, str]:
    """The FTS5 row of an item: column name → space-separated tokens."""
    prepared = prepare(document)
    return {
        fts5_column(field, exact): " ".join(prepared.tokens(field, exact))
        for field in ("title", "body", "source")
        for exact in (False, True)
    }


def pg_exact_lexeme(token: str) -> str:
    """The lexeme of an exact token; '=' never starts a folded token, so they cannot collide."""
    return "=" + token


def pg_vector(document: Document | PreparedDocument) -> PgVector:
    """The tsvector literal of an item (see the module docstring for the layout)."""
    prepared = prepare(document)
    positions: dict[str, list[str]] = {}
    for field in ("source", "title", "body"):
        start, weight = PG_FIELD_START[field], PG_FIELD_WEIGHT[field]
        tokens = prepared.fields[field]
        for offset, (exact, folded) in enumerate(zip(tokens.exact, tokens.folded, strict=True)):
            mark = f"{start + offset}{weight}"
            positions.setdefault(folded, []).append(mark)
            positions.setdefault(pg_exact_lexeme(exact), []).append(mark)
    complete = all(len(marks) <= PG_MAX_POSITIONS_PER_LEXEME for marks in positions.values())
    literal = " ".join(
        f"'{lexeme}':{','.join(marks[:PG_MAX_POSITIONS_PER_LEXEME])}"
        for lexeme, marks in positions.items()
    )
    return PgVector(literal=literal, positions_complete=complete)
