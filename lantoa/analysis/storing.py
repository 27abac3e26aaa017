"""Analyse stored items and keep their latest labels in ``ItemAnalysis``.

The pure pipeline (``analyze_batch``) does the work; this module loads the production models
from the data directory (again when one is added), feeds it item texts in batches and upserts
the results, so re-analysis after a model update is a background job over the same function
(``reanalysis``).
"""

import threading
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from django.conf import settings

from lantoa.analysis.models import AnalysisPath, ItemAnalysis
from lantoa.analysis.pipeline import Analysis, Mode, ModelSet, analyze_batch, versions_key
from lantoa.analysis.registry import load_model_set, models_signature
from lantoa.content.models import Item

__all__ = ["BATCH_SIZE", "analyze_items", "production_models", "reload_models"]

BATCH_SIZE = 500
_UPDATED_FIELDS = [
    "sentiment",
    "sentiment_score",
    "toxicity",
    "toxicity_score",
    "field",
    "field_score",
    "reliability",
    "reliability_score",
    "keywords",
    "entities",
    "provinces",
    "path",
    "model_versions",
    "models_key",
    "analyzed_at",
]
_lock = threading.Lock()
_models: dict[tuple[object, ...], ModelSet] = {}


def production_models() -> ModelSet:
    """The newest trained models under LANTOA_DATA_DIR, loaded again whenever a model is added.

    A worker keeps its models in memory; ``lantoa train`` in another process adds a file to a
    task's folder, which changes the folder's modification time: the next call sees it.
    """
    key = models_signature(Path(settings.LANTOA_DATA_DIR))
    with _lock:
        if key not in _models:
            _models.clear()
            _models[key] = load_model_set(Path(settings.LANTOA_DATA_DIR))
        return _models[key]


def reload_models() -> None:
    """Forget the loaded models, e.g. after `lantoa train` wrote new ones."""
    with _lock:
        _models.clear()


def _row(item_id: int, analysis: Analysis, path: str) -> ItemAnalysis:
    return ItemAnalysis(
        item_id=item_id,
        sentiment=analysis.sentiment.label,
        sentiment_score=analysis.sentiment.score,
        toxicity=analysis.toxicity.label,
        toxicity_score=analysis.toxicity.score,
        field=analysis.field.label,
        field_score=analysis.field.score,
        reliability=analysis.reliability.label,
        reliability_score=analysis.reliability.probabilities.get(
            "unreliable", analysis.reliability.score
        ),
        keywords=list(analysis.keywords),
        entities=[
            {"kind": e.kind, "name": e.name, "surface": e.surface} for e in analysis.entities
        ],
        provinces=sorted({e.name for e in analysis.entities if e.kind == "province"}),
        path=path,
        model_versions=analysis.model_version,
        models_key=versions_key(analysis.model_version),
    )


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    iterator = iter(ids)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def analyze_items(item_ids: Sequence[int], *, mode: Mode = "fast") -> int:
    """Analyse these items (title and text together) and store the labels; returns the count.

    The stored path says "accurate" only when an accurate model took part: without one,
    accurate mode is the fast models, and the item page must not claim otherwise.
    """
    models = production_models()
    accurate = mode == "accurate" and bool(models.accurate)
    path = AnalysisPath.ACCURATE if accurate else AnalysisPath.FAST
    stored = 0
    for batch in _batches(item_ids):
        items = list(Item.objects.filter(pk__in=batch).values_list("pk", "title", "text"))
        texts = [f"{title}\n{text}" if title else text for _, title, text in items]
        analyses = analyze_batch(texts, mode=mode, models=models)
        rows = [
            _row(pk, analysis, path) for (pk, _, _), analysis in zip(items, analyses, strict=True)
        ]
        ItemAnalysis.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["item"], update_fields=_UPDATED_FIELDS
        )
        stored += len(rows)
    return stored
