"""Which stored items were labelled by other models than the production ones, newest first.

Every analysis stores the versions of what labelled each task (``pipeline.model_versions``)
and their digest (``pipeline.versions_key``), indexed with the path. After ``lantoa train`` or
``make models`` the fast-path items whose digest differs from the fast models', the
accurate-path items whose digest differs from the accurate models', and items never analysed
are stale; ``content.pipeline.reanalyze_stale`` relabels them in budgeted runs, so a model
update is a background job rather than a migration. Finding them reads the few distinct
(path, digest) pairs from the index, then each stale pair's newest rows: nothing is scanned
row by row.
"""

from django.db.models import QuerySet

from lantoa.analysis.models import AnalysisPath, ItemAnalysis
from lantoa.analysis.pipeline import ModelSet, model_versions, versions_key
from lantoa.content.models import Item

__all__ = ["stale_count", "stale_items"]


def _current_keys(models: ModelSet) -> dict[str, str]:
    return {
        AnalysisPath.FAST: versions_key(model_versions(models.for_mode("fast"))),
        AnalysisPath.ACCURATE: versions_key(model_versions(models.for_mode("accurate"))),
    }


def _stale_groups(models: ModelSet) -> list[QuerySet[ItemAnalysis]]:
    current = _current_keys(models)
    pairs = ItemAnalysis.objects.order_by().values_list("path", "models_key").distinct()
    return [
        ItemAnalysis.objects.filter(path=path, models_key=key)
        for path, key in pairs
        if current.get(path) != key
    ]


def _never_analysed() -> QuerySet[Item]:
    return Item.objects.filter(analysis__isnull=True)


def stale_items(models: ModelSet, limit: int) -> list[tuple[int, str | None]]:
    """Up to ``limit`` items to analyse again with ``models``, newest first: (item id, the
    path that labelled it, or None when nothing has)."""
    if limit <= 0:
        return []
    found: list[tuple[int, str | None]] = [
        (pk, None) for pk in _never_analysed().order_by("-pk").values_list("pk", flat=True)[:limit]
    ]
    for group in _stale_groups(models):
        rows = group.order_by("-item_id").values_list("item_id", "path")[:limit]
        found += [(item_id, path) for item_id, path in rows]
    return sorted(found, reverse=True)[:limit]


def stale_count(models: ModelSet) -> int:
    """How many items ``models`` would relabel."""
    return _never_analysed().count() + sum(group.count() for group in _stale_groups(models))
