"""Read sources into items: claim a due source, harvest it, store and count every record.

Every record ends in exactly one counted outcome: stored, duplicate, rejected (with a reason)
or failed (will be retried on the next poll, because nothing was stored for it). Claims are a
conditional UPDATE with a lease, so several workers never read the same source at once, and a
crashed worker's claim expires.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.content.models import Item
from lantoa.content.pipeline import items_stored
from lantoa.sources.connectors import (
    Entry,
    Harvest,
    Rejection,
    RejectionReason,
    SourceSpec,
    get_connector,
)
from lantoa.sources.fetching import Fetcher
from lantoa.sources.models import PollRun, Source, SourceStatus
from lantoa.sources.storing import StoreOutcome, store_entry

__all__ = [
    "RunCounts",
    "claim_source",
    "due_source_ids",
    "ingest_harvest",
    "ingest_records",
    "poll_source",
]

CLAIM_LEASE = dt.timedelta(minutes=15)
MAX_BACKOFF = dt.timedelta(hours=24)
MAX_SAMPLES = 20
PROCESS_BATCH = 500
_DUPLICATE_REASONS = {RejectionReason.ALREADY_SEEN, RejectionReason.DUPLICATE_IN_RUN}


def _sample(rejection: Rejection) -> str:
    """The rejection's detail, prefixed with its line (files) or URL (web)."""
    if rejection.line:
        return _("dòng %(line)d: %(detail)s") % {"line": rejection.line, "detail": rejection.detail}
    if rejection.url:
        return f"{rejection.url}: {rejection.detail}"
    return rejection.detail


@dataclass
class RunCounts:
    stored: int = 0
    duplicate: int = 0
    rejected: int = 0
    failed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)

    def count_rejection(self, rejection: Rejection) -> None:
        if rejection.reason in _DUPLICATE_REASONS:
            self.duplicate += 1
            return
        if rejection.reason is RejectionReason.FETCH_FAILED:
            self.failed += 1
        else:
            self.rejected += 1
        self.reasons[rejection.reason.value] += 1
        if len(self.samples) < MAX_SAMPLES:
            self.samples.append(_sample(rejection))


def ingest_records(source: Source, records: Iterable[Entry | Rejection]) -> RunCounts:
    """Store each entry in its own transaction and count every record's outcome.

    Stored items go on to analysis and monitoring in batches of ``PROCESS_BATCH``.
    """
    counts = RunCounts()
    pending: list[int] = []
    for record in records:
        if isinstance(record, Rejection):
            counts.count_rejection(record)
            continue
        outcome, item = store_entry(source, record)
        if outcome is StoreOutcome.STORED and item is not None:
            counts.stored += 1
            pending.append(item.pk)
        else:
            counts.duplicate += 1
        if len(pending) >= PROCESS_BATCH:
            items_stored(pending)
            pending = []
    items_stored(pending)
    return counts


def ingest_harvest(source: Source, harvest: Harvest) -> PollRun:
    """Ingest a harvest, record the run and the source's health, and return the run."""
    run = PollRun.objects.create(source=source)
    counts = ingest_records(source, harvest.records) if harvest.status.ok else RunCounts()
    status = harvest.status
    run.finished_at = timezone.now()
    run.outcome = status.outcome.value
    run.message = "\n".join([status.message, *status.warnings]).strip()
    run.stored, run.duplicate, run.rejected, run.failed = (
        counts.stored,
        counts.duplicate,
        counts.rejected,
        counts.failed,
    )
    run.rejections, run.samples = dict(counts.reasons), counts.samples
    run.save()
    _record_health(source, run, ok=status.ok, etag=status.etag, last_modified=status.last_modified)
    return run


def _record_health(
    source: Source, run: PollRun, *, ok: bool, etag: str | None, last_modified: str | None
) -> None:
    now = timezone.now()
    updates: dict[str, object] = {
        "last_polled_at": now,
        "claimed_until": None,
        "items_stored": F("items_stored") + run.stored,
        "items_duplicate": F("items_duplicate") + run.duplicate,
        "items_rejected": F("items_rejected") + run.rejected,
        "items_failed": F("items_failed") + run.failed,
    }
    interval = dt.timedelta(minutes=source.interval_minutes)
    if ok:
        updates |= {
            "last_success_at": now,
            "consecutive_failures": 0,
            "last_error": "",
            "etag": etag or "",
            "last_modified": last_modified or "",
            "next_poll_at": now + interval,
        }
    else:
        failures = source.consecutive_failures + 1
        updates |= {
            "consecutive_failures": failures,
            "last_error": run.message,
            "next_poll_at": now + min(interval * 2 ** min(failures, 10), MAX_BACKOFF),
        }
        if failures >= settings.SOURCE_MAX_FAILURES:
            updates["status"] = SourceStatus.PAUSED
    Source.objects.filter(pk=source.pk).update(**updates)


def claim_source(source_id: int, *, now: dt.datetime | None = None) -> Source | None:
    """Claim an active source for one read; None when another worker holds it."""
    now = now or timezone.now()
    claimed = (
        Source.objects.filter(pk=source_id, status=SourceStatus.ACTIVE)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + CLAIM_LEASE)
    )
    return Source.objects.get(pk=source_id) if claimed else None


def _spec(source: Source) -> SourceSpec:
    return SourceSpec(
        kind=source.kind,
        url=source.url,
        options=source.options,
        etag=source.etag or None,
        last_modified=source.last_modified or None,
    )


def poll_source(source_id: int, *, fetcher: Fetcher) -> PollRun | None:
    """Read one polled source now (if it can be claimed)."""
    source = claim_source(source_id)
    if source is None:
        return None

    def is_known(url: str) -> bool:
        return Item.objects.filter(source=source, external_id=url).exists()

    harvest = get_connector(source.kind).harvest(_spec(source), fetcher=fetcher, is_known=is_known)
    return ingest_harvest(source, harvest)


def due_source_ids(*, now: dt.datetime | None = None, limit: int = 100) -> list[int]:
    """Active, polled sources whose next poll time has come and that nobody holds."""
    now = now or timezone.now()
    polled = [kind for kind in ("rss", "site", "url") if get_connector(kind).polled]
    return list(
        Source.objects.filter(status=SourceStatus.ACTIVE, kind__in=polled, next_poll_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_poll_at")
        .values_list("pk", flat=True)[:limit]
    )
