"""Social-media exports uploaded as files (kind ``file``): JSON Lines or CSV, streamed.

``spec.url`` is the path of the uploaded file (or a ``file://`` URL). Options: ``format``
("jsonl" or "csv"; default from the extension: .jsonl/.ndjson/.json vs .csv/.tsv/.txt),
``platform`` (used for rows without one) and ``encoding`` (to force a codec). The row schema
is in FILE_SCHEMA.md. The file is read row by row, so its size does not matter; each row
becomes an entry or an ``invalid_row`` rejection naming the line and every problem.

Encoding: a byte-order mark wins (UTF-8, or UTF-16 as Excel's "Unicode text" export writes);
otherwise UTF-8 if the first 64 KB are valid UTF-8, else windows-1252, and legacy TCVN3/VNI
text in the fields is repaired.
"""

import codecs
import csv
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from lantoa.sources.connectors.base import (
    Harvest,
    HarvestOutcome,
    Record,
    Rejection,
    RejectionReason,
    SourceSpec,
    SourceStatus,
    never_seen,
    no_records,
)
from lantoa.sources.connectors.registry import register
from lantoa.sources.connectors.social_schema import RowDefaults, parse_social_row
from lantoa.sources.fetching import Fetcher

__all__ = ["harvest_file", "sniff_encoding"]

_SNIFF_BYTES = 64 * 1024
_JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
_MAX_FIELD_CHARS = 10 * 1024 * 1024


def sniff_encoding(sample: bytes) -> str:
    """The codec to read a file whose first bytes are ``sample``."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is still UTF-8.
        if error.start < len(sample) - 3 or error.reason != "unexpected end of data":
            return "cp1252"
    return "utf-8"


def _path(spec: SourceSpec) -> Path:
    if spec.url.startswith("file://"):
        return Path(unquote(urlsplit(spec.url).path))
    return Path(spec.url)


def _format(spec: SourceSpec, path: Path) -> str | None:
    declared = spec.options.get("format")
    if declared in {"jsonl", "csv"}:
        return str(declared)
    suffix = path.suffix.lower()
    return "jsonl" if suffix in _JSON_SUFFIXES else "csv" if suffix in _CSV_SUFFIXES else None


def _json_rows(stream: TextIO, defaults: RowDefaults) -> Iterator[Record]:
    for line_number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            detail = _("không phải JSON hợp lệ (%(error)s)") % {"error": error.msg}
            yield Rejection(reason=RejectionReason.INVALID_ROW, detail=detail, line=line_number)
            continue
        if not isinstance(row, dict):
            detail = _("mỗi dòng phải là một đối tượng JSON")
            yield Rejection(reason=RejectionReason.INVALID_ROW, detail=detail, line=line_number)
            continue
        yield parse_social_row(row, line=line_number, defaults=defaults)


def _csv_rows(stream: TextIO, defaults: RowDefaults) -> Iterator[Record]:
    sample = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(min(sys.maxsize, _MAX_FIELD_CHARS))
    reader = csv.DictReader(stream, dialect=dialect)
    try:
        for row in reader:
            yield parse_social_row(
                {k: v for k, v in row.items() if k is not None},
                line=reader.line_num,
                defaults=defaults,
            )
    except csv.Error as error:
        detail = _("không đọc được CSV (%(error)s); phần còn lại của tệp bị bỏ qua") % {
            "error": error
        }
        yield Rejection(reason=RejectionReason.INVALID_ROW, detail=detail, line=reader.line_num)


def _rows(path: Path, file_format: str, encoding: str, defaults: RowDefaults) -> Iterator[Record]:
    with path.open(encoding=encoding, errors="replace", newline="") as stream:
        read = _json_rows if file_format == "jsonl" else _csv_rows
        yield from read(stream, defaults)


def _unreadable_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return _("không tìm thấy tệp")
    if isinstance(error, PermissionError):
        return _("không có quyền đọc tệp")
    if isinstance(error, IsADirectoryError):
        return _("đây là thư mục, không phải tệp")
    return str(error.strerror or error)


def _file_error(message: str) -> Harvest:
    return Harvest(
        status=SourceStatus(outcome=HarvestOutcome.FILE_ERROR, message=message),
        records=no_records(),
    )


def harvest_file(
    spec: SourceSpec,
    *,
    fetcher: Fetcher | None = None,
    is_known: Callable[[str], bool] = never_seen,
) -> Harvest:
    """Stream the rows of the export at ``spec.url`` (``fetcher``/``is_known`` are unused)."""
    path = _path(spec)
    file_format = _format(spec, path)
    if file_format is None:
        return _file_error(
            _(
                "Không nhận ra loại tệp %(name)s: hãy dùng tệp .jsonl hoặc .csv, "
                "hoặc đặt tùy chọn format"
            )
            % {"name": path.name}
        )
    try:
        with path.open("rb") as raw:
            encoding = str(spec.options.get("encoding") or sniff_encoding(raw.read(_SNIFF_BYTES)))
    except OSError as error:
        return _file_error(
            _("Không đọc được tệp %(name)s: %(reason)s")
            % {"name": path.name, "reason": _unreadable_reason(error)}
        )
    defaults = RowDefaults(platform=spec.options.get("platform"))
    status = SourceStatus(
        outcome=HarvestOutcome.OK,
        message=_("Đọc tệp %(name)s dạng %(format)s (bảng mã %(encoding)s)")
        % {"name": path.name, "format": file_format.upper(), "encoding": encoding},
    )
    return Harvest(status=status, records=_rows(path, file_format, encoding, defaults))


register(
    "file", description="Uploaded social-media export (JSON Lines or CSV)", harvest=harvest_file
)
