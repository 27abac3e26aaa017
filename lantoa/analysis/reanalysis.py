"""Which stored items were labelled by other models than the production ones, newest first.

Every analysis stores the version of what labelled each task (``pipeline.model_versions``).
After ``lantoa train`` or ``make models`` the fast-path items whose versions differ from the
fast models', the accurate-path items whose versions differ from the accurate models', and
items never analysed are stale; ``content.pipeline.reanalyze_stale`` relabels them in budgeted
runs, so a model update is a background job rather than a migration.
"""

from django.db.models import Q, QuerySet

from lantoa.analysis.models import AnalysisPath
from lantoa.analysis.pipeline import ModelSet, model_versions
from lantoa.content.models import Item

__all__ = ["stale_items"]


def _differs(path: str, versions: dict[str, str]) -> Q:
    same = Q()
    for task, version in versions.items():
        same &= Q(**{f"analysis__model_versions__{task}": version})
    return Q(analysis__path=path) & ~same


def stale_items(models: ModelSet) -> QuerySet[Item]:
    """Items to analyse again with ``models``, newest first."""
    fast = model_versions(models.for_mode("fast"))
    accurate = model_versions(models.for_mode("accurate"))
    return Item.objects.filter(
        Q(analysis__isnull=True)
        | _differs(AnalysisPath.FAST, fast)
        | _differs(AnalysisPath.ACCURATE, accurate)
    ).order_by("-pk")
