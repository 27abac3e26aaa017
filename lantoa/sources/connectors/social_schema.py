"""Validation of one social-media post or comment, shared by file imports and the push API.

The schema (documented for users in FILE_SCHEMA.md) has these fields; column names are
matched case-insensitively, and the aliases listed in ``FIELD_ALIASES`` are accepted:

======== ======== ===================================================================
field    required meaning
======== ======== ===================================================================
platform yes*     facebook, youtube, tiktok, zalo, x, ... (lowercase; *or the import's
                  default platform)
post_id  yes      the platform's id of the post or comment
text     yes      the content; legacy TCVN3/VNI text is repaired
time     yes      ISO 8601 ("2026-11-20T08:30:00+07:00"; without offset = Vietnam time,
                  UTC+7), a date "2026-11-20", "20/11/2026 08:30", or Unix seconds
author   no       display name or handle
url      no       http(s) link to the post
likes    no       whole number ≥ 0 (also "shares", "comments"; "1.234" accepted)
parent_id no      for a comment: the post_id it answers
title    no       rarely present (video titles)
======== ======== ===================================================================

Any other column is kept in ``Entry.metadata``.
"""

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from lantoa.content.urls_canonical import InvalidUrlError, canonicalize_url
from lantoa.core.language import detect_language
from lantoa.core.legacy_encodings import repair_legacy_text
from lantoa.core.text import normalize_text
from lantoa.sources.connectors.base import Engagement, Entry, Record, Rejection, RejectionReason

__all__ = ["FIELD_ALIASES", "RowDefaults", "parse_social_row"]

VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
FIELD_ALIASES = {
    "id": "post_id",
    "message": "text",
    "content": "text",
    "created_time": "time",
    "created_at": "time",
    "timestamp": "time",
    "date": "time",
    "link": "url",
    "permalink": "url",
    "user": "author",
    "username": "author",
    "reactions": "likes",
    "parent": "parent_id",
}
_PLATFORM = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,31}$")
_VIETNAMESE_DATETIME = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_EPOCH = re.compile(r"^\d{9,10}$")
_MAX_TEXT = 100_000
_MAX_ID = 200
_KNOWN = {
    "platform",
    "post_id",
    "text",
    "time",
    "author",
    "url",
    "likes",
    "shares",
    "comments",
    "parent_id",
    "title",
}


@dataclass(frozen=True, kw_only=True)
class RowDefaults:
    platform: str | None = None


class _RowErrors(list[str]):
    def add(self, field: str, problem: str) -> None:
        self.append(f"{field}: {problem}")


def _clean(value: object) -> str:
    text = "" if value is None else str(value)
    return normalize_text(repair_legacy_text(text).text)


def _parse_time(raw: object) -> dt.datetime | dt.date:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return dt.datetime.fromtimestamp(raw, tz=dt.UTC)
    value = str(raw).strip()
    if _EPOCH.match(value):
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    if match := _VIETNAMESE_DATETIME.match(value):
        day, month, year, hour, minute, second = match.groups()
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        numbers = (int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        return dt.datetime(*numbers, tzinfo=VIETNAM_TZ)
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM_TZ)


def _count(raw: object) -> int:
    value = str(raw).strip().replace(" ", "")
    if _THOUSANDS.match(value):
        value = re.sub(r"[.,]", "", value)
    if not value.isdigit():
        raise ValueError
    return int(value)


def _canonical_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, value in row.items():
        key = str(name).strip().lower().replace(" ", "_")
        fields.setdefault(FIELD_ALIASES.get(key, key), value)
    return fields


def _blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def _required(fields: dict[str, Any], errors: _RowErrors) -> dict[str, str]:
    values = {name: _clean(fields.get(name)) for name in ("platform", "post_id", "text")}
    if not _PLATFORM.match(values["platform"].lower()):
        errors.add(
            "platform",
            _("%(value)r không phải tên nền tảng") % {"value": values["platform"]}
            if values["platform"]
            else _("thiếu"),
        )
    values["platform"] = values["platform"].lower()
    for name in ("post_id", "text"):
        if not values[name]:
            errors.add(name, _("thiếu"))
    if len(values["post_id"]) > _MAX_ID or len(values["text"]) > _MAX_TEXT:
        errors.add("post_id/text", _("quá dài"))
    return values


def _time(fields: dict[str, Any], errors: _RowErrors) -> dt.datetime | dt.date | None:
    if _blank(fields.get("time")):
        errors.add("time", _("thiếu"))
        return None
    try:
        return _parse_time(fields["time"])
    except (ValueError, OverflowError, OSError):
        errors.add("time", _("%(value)r không phải ngày hoặc ngày giờ") % {"value": fields["time"]})
        return None


def _url(fields: dict[str, Any], errors: _RowErrors) -> str | None:
    if _blank(fields.get("url")):
        return None
    try:
        return canonicalize_url(str(fields["url"]))
    except InvalidUrlError:
        errors.add("url", _("%(value)r không phải địa chỉ http(s)") % {"value": fields["url"]})
        return None


def _engagement(fields: dict[str, Any], errors: _RowErrors) -> Engagement:
    counts: dict[str, int | None] = {}
    for name in ("likes", "shares", "comments"):
        raw = fields.get(name)
        try:
            counts[name] = None if _blank(raw) else _count(raw)
        except ValueError:
            errors.add(name, _("%(value)r không phải số nguyên ≥ 0") % {"value": raw})
            counts[name] = None
    return Engagement(**counts)


def parse_social_row(row: Mapping[str, Any], *, line: int, defaults: RowDefaults) -> Record:
    """Validate one row; every problem of the row is listed in one rejection."""
    fields = _canonical_fields(row)
    if _blank(fields.get("platform")) and defaults.platform:
        fields["platform"] = defaults.platform
    errors = _RowErrors()
    values = _required(fields, errors)
    published, url, engagement = (
        _time(fields, errors),
        _url(fields, errors),
        _engagement(fields, errors),
    )
    if errors:
        return Rejection(
            reason=RejectionReason.INVALID_ROW,
            detail="; ".join(errors),
            line=line,
        )
    return Entry(
        url=url,
        title=_clean(fields.get("title")),
        text=values["text"],
        author=_clean(fields.get("author")) or None,
        published=published,
        language=detect_language(values["text"]).code,
        metadata={k: v for k, v in fields.items() if k not in _KNOWN},
        platform=values["platform"],
        platform_id=values["post_id"],
        parent_id=_clean(fields.get("parent_id")) or None,
        engagement=engagement,
    )
