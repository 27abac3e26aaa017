"""Streamed exports of search results: CSV row by row, XLSX through a write-only temp file."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from typing import IO

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lantoa.content.models import Item

__all__ = ["HEADER", "csv_lines", "rows", "xlsx_file"]

HEADER = (
    "id",
    "published",
    "title",
    "source",
    "source_kind",
    "kind",
    "sentiment",
    "provinces",
    "url",
    "text",
)
_CHUNK = 2000


def rows(items: QuerySet[Item]) -> Iterator[tuple[object, ...]]:
    """One tuple per item, in the queryset's order, fetched in chunks (memory stays flat)."""
    values = items.values_list(
        "pk",
        "published_at",
        "title",
        "source__name",
        "source__kind",
        "kind",
        "analysis__sentiment",
        "analysis__provinces",
        "url",
        "text",
    )
    for (
        pk,
        published,
        title,
        source,
        source_kind,
        kind,
        sentiment,
        provinces,
        url,
        text,
    ) in values.iterator(chunk_size=_CHUNK):
        when = timezone.localtime(published).isoformat() if published else ""
        yield (
            pk,
            when,
            title,
            source,
            source_kind,
            kind,
            sentiment or "",
            "; ".join(provinces or []),
            url,
            text,
        )


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(items: QuerySet[Item]) -> Iterator[str]:
    """CSV text (UTF-8 BOM first, so spreadsheet programs read the diacritics)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)
    for row in rows(items):
        yield writer.writerow([_cell(value) for value in row])


def xlsx_file(items: QuerySet[Item]) -> IO[bytes]:
    """A temporary XLSX file of the results, rewound, deleted when closed."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kết quả")
    sheet.append(list(HEADER))
    for row in rows(items):
        sheet.append([_cell(value) for value in row])
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - closed by the response
    workbook.save(handle)
    handle.seek(0)
    return handle


def _cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    # Excel cells hold at most 32,767 characters; text that looks like a formula stays text.
    text = ILLEGAL_CHARACTERS_RE.sub("", value[:32000])
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
