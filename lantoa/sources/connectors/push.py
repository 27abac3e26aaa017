"""Items pushed to the API by a partner system (kind ``push``): validated, never polled.

The payload is ``{"items": [row, ...]}`` (or a bare list of rows), each row following the
social schema of FILE_SCHEMA.md, at most ``MAX_ITEMS`` per request. A payload that is not
that shape is refused whole (``invalid_payload``); otherwise each row becomes an entry or a
counted ``invalid_row`` rejection, exactly as in a file import.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _

from lantoa.sources.connectors.base import (
    Harvest,
    HarvestOutcome,
    Record,
    SourceSpec,
    SourceStatus,
    no_records,
)
from lantoa.sources.connectors.registry import register
from lantoa.sources.connectors.social_schema import RowDefaults, parse_social_row

__all__ = ["MAX_ITEMS", "accept_payload"]

MAX_ITEMS = 1000


def _rows(payload: object) -> Sequence[Any] | str:
    rows = payload.get("items") if isinstance(payload, dict) else payload
    if not isinstance(rows, list):
        return _('Dữ liệu gửi lên phải có dạng {"items": [...]} hoặc là một danh sách tin')
    if len(rows) > MAX_ITEMS:
        return _("%(count)d tin trong một yêu cầu; chỉ được gửi tối đa %(max)d tin") % {
            "count": len(rows),
            "max": MAX_ITEMS,
        }
    return rows


def _records(rows: Sequence[Any], defaults: RowDefaults) -> Iterator[Record]:
    for number, row in enumerate(rows, start=1):
        yield parse_social_row(row if isinstance(row, dict) else {}, line=number, defaults=defaults)


def accept_payload(payload: object, spec: SourceSpec) -> Harvest:
    """Validate a pushed ``payload`` for the push source ``spec`` (option ``platform``)."""
    rows = _rows(payload)
    if isinstance(rows, str):
        status = SourceStatus(outcome=HarvestOutcome.INVALID_PAYLOAD, message=rows)
        return Harvest(status=status, records=no_records())
    defaults = RowDefaults(platform=spec.options.get("platform"))
    received = _("Đã nhận %(count)d tin") % {"count": len(rows)}
    status = SourceStatus(outcome=HarvestOutcome.OK, message=received)
    return Harvest(status=status, records=_records(rows, defaults))


register(
    "push",
    description="Items pushed through the API (social schema)",
    accept_payload=accept_payload,
)
