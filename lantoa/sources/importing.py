"""Import an exported social-media file (JSONL or CSV, see connectors/FILE_SCHEMA.md) into a
file source. Importing the same file twice stores nothing the second time."""

from pathlib import Path

from lantoa.accounts.models import Organization
from lantoa.sources.connectors import SourceSpec, get_connector
from lantoa.sources.models import PollRun, Source, SourceKind, SourceStatus
from lantoa.sources.polling import ingest_harvest
from lantoa.sources.tasks import shared_fetcher

__all__ = ["accept_push", "file_source_for", "import_file"]


def file_source_for(owner: Organization, platform: str | None) -> Source:
    """The owner's file source for ``platform`` (created on first import)."""
    channel = f"tep-nhap:{platform or 'khac'}"
    source, _ = Source.objects.get_or_create(
        owner=owner,
        kind=SourceKind.FILE,
        url=channel,
        defaults={
            "name": f"Tệp nhập {platform or 'mạng xã hội'}",
            "options": {"platform": platform} if platform else {},
            "status": SourceStatus.ACTIVE,
        },
    )
    return source


def import_file(source: Source, path: Path, *, platform: str | None = None) -> PollRun:
    """Read ``path`` with the file connector and store its rows as items of ``source``."""
    options = {**source.options, **({"platform": platform} if platform else {})}
    spec = SourceSpec(kind=SourceKind.FILE, url=str(path), options=options)
    harvest = get_connector(SourceKind.FILE).harvest(spec, fetcher=shared_fetcher())
    return ingest_harvest(source, harvest)


def accept_push(source: Source, payload: object) -> PollRun:
    """Validate and store a partner's pushed batch; retrying the same batch stores nothing."""
    spec = SourceSpec(kind=SourceKind.PUSH, url=source.url, options=source.options)
    return ingest_harvest(source, get_connector(SourceKind.PUSH).accept_payload(payload, spec))
