"""A single web page (kind ``url``), polled conditionally; yields at most one entry."""

from collections.abc import Callable

from lantoa.sources.connectors.articles import entry_from_page, status_of_failed_fetch
from lantoa.sources.connectors.base import (
    Harvest,
    HarvestOutcome,
    SourceSpec,
    SourceStatus,
    never_seen,
)
from lantoa.sources.connectors.registry import register
from lantoa.sources.fetching import Fetcher

__all__ = ["harvest_page"]


def harvest_page(
    spec: SourceSpec, *, fetcher: Fetcher, is_known: Callable[[str], bool] = never_seen
) -> Harvest:
    """Fetch the page at ``spec.url`` and extract its article.

    ``is_known`` is not consulted: a watched page is re-read whenever it changes (the
    conditional GET already skips unchanged pages), and the content hash tells the caller
    whether the text is new.
    """
    result = fetcher.fetch(spec.url, etag=spec.etag, last_modified=spec.last_modified)
    if (failed := status_of_failed_fetch(result)) is not None:
        return Harvest(status=failed, records=iter(()))
    status = SourceStatus(
        outcome=HarvestOutcome.OK,
        message=result.message,
        fetch_outcome=result.outcome,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    return Harvest(status=status, records=iter([entry_from_page(result)]))


register("url", description="One web page, re-read when it changes", harvest=harvest_page)
