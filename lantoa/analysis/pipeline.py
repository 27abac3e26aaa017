"""``analyze_batch``: everything Lantoa reads from a text, for many texts at once.

Batch-first: texts are normalised and hashed once per feature spec, then every task model is one
sparse matrix product over the whole batch. Without trained models the lexicon answers sentiment
and toxicity, and field / reliability are "unknown", so a fresh install still works.
"""

import gc
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from lantoa.analysis.embeddings import embed
from lantoa.analysis.features import (
    FeatureSpec,
    HashedFeatures,
    LexiconScores,
    hashed_features,
    lexicon_matrix,
    lexicon_scores,
)
from lantoa.analysis.gazetteer import Entity, find_entities
from lantoa.analysis.keywords import keyphrases
from lantoa.analysis.lexicon_scorer import stance_probabilities, toxicity_probabilities
from lantoa.analysis.text import tokens_with_punctuation, words_of
from lantoa.analysis.training import TASKS, TextClassifier
from lantoa.core.language import detect_language
from lantoa.core.text import normalize_text

__all__ = [
    "LEXICON_VERSION",
    "Analysis",
    "Label",
    "ModelSet",
    "analyze_batch",
    "model_versions",
    "versions_key",
]

LEXICON_VERSION = "lexicon/1"
_NO_MODEL = "none"
Mode = Literal["fast", "accurate"]
# The opening of a text decides its language; a bounded prefix keeps long articles cheap.
_LANGUAGE_PREFIX, _LANGUAGE_WORDS = 300, 60  # characters (for the script), words


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """A predicted label, its probability, and the probability of every label."""

    label: str
    score: float
    probabilities: dict[str, float]


UNKNOWN = Label(label="unknown", score=0.0, probabilities={})


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """What one text says. ``model_version`` maps each task to the model that labelled it."""

    language: str
    tokens: tuple[str, ...]
    keywords: tuple[str, ...]
    sentiment: Label
    toxicity: Label
    field: Label
    reliability: Label
    entities: tuple[Entity, ...]
    model_version: dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelSet:
    """Trained models per task; ``accurate`` ones replace ``fast`` ones in accurate mode."""

    fast: Mapping[str, TextClassifier] = field(default_factory=dict)
    accurate: Mapping[str, TextClassifier] = field(default_factory=dict)

    def for_mode(self, mode: Mode) -> dict[str, TextClassifier]:
        return {**self.fast, **self.accurate} if mode == "accurate" else dict(self.fast)


def _label(probabilities: dict[str, float]) -> Label:
    best = max(probabilities, key=probabilities.__getitem__)
    return Label(label=best, score=probabilities[best], probabilities=probabilities)


def _model_labels(model: TextClassifier, features: HashedFeatures) -> list[Label]:
    matrix = np.round(model.predict_proba(features), 6)
    labels = model.labels
    return [
        Label(
            label=labels[best], score=row[best], probabilities=dict(zip(labels, row, strict=True))
        )
        for best, row in zip(matrix.argmax(axis=1).tolist(), matrix.tolist(), strict=True)
    ]


def _lexicon_labels(task: str, scores: list[LexiconScores]) -> list[Label]:
    if task == "sentiment":
        return [_label(stance_probabilities(stance)) for stance, _ in scores]
    if task == "toxicity":
        return [_label(toxicity_probabilities(toxicity)) for _, toxicity in scores]
    return [UNKNOWN] * len(scores)


def _task_labels(
    models: dict[str, TextClassifier],
    texts: list[str],
    token_lists: list[list[str]],
    words: list[list[str]],
) -> tuple[dict[str, list[Label]], dict[str, str]]:
    """Labels per task for the batch, and the version of what produced them.

    ``token_lists`` are the texts' ``tokens_with_punctuation`` (for the lexicon), ``words``
    the syllables among them (``words_of``, for the n-grams).
    """
    scores = lexicon_scores(token_lists)
    lexicon = lexicon_matrix(scores)
    features: dict[FeatureSpec, HashedFeatures] = {}
    # e5 is the costliest step by far: embed the batch once however many specs use it
    embeddings = embed(texts) if any(m.config.spec.embeddings for m in models.values()) else None
    labels: dict[str, list[Label]] = {}
    for task in TASKS:
        model = models.get(task)
        if model is None:
            labels[task] = _lexicon_labels(task, scores)
            continue
        spec = model.config.spec
        if spec not in features:
            features[spec] = hashed_features(
                spec, texts, lexicon, words=words, embeddings=embeddings
            )
        labels[task] = _model_labels(model, features[spec])
    return labels, model_versions(models)


def model_versions(models: Mapping[str, TextClassifier]) -> dict[str, str]:
    """What labels each task with ``models`` (one mode's): its model's version, the lexicon's
    or "none". Stored with every analysis, so items labelled by older models can be found."""
    return {
        task: models[task].model_version
        if task in models
        else (LEXICON_VERSION if task in {"sentiment", "toxicity"} else _NO_MODEL)
        for task in TASKS
    }


def versions_key(versions: Mapping[str, str]) -> str:
    """A short digest of a set of model versions, stored beside them: whether an analysis was
    made by the current models is then one indexed comparison instead of a JSON lookup per
    task."""
    canonical = json.dumps(dict(sorted(versions.items())), separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]  # noqa: S324 - a digest


def analyze_batch(
    texts: Sequence[str], *, mode: Mode = "fast", models: ModelSet | None = None
) -> list[Analysis]:
    """Analyse ``texts``; the result list is in input order, one ``Analysis`` per text.

    ``mode="accurate"`` uses the accurate models where the set has them (fast ones elsewhere).
    """
    if not texts:
        return []
    with _cyclic_gc_paused():
        return _analyze(texts, mode, models)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a batch is analysed.

    A batch allocates hundreds of thousands of short-lived tuples and lists, which trigger
    collections that walk every tracked object of the process: in a worker holding a large heap
    that took over a third of the fast path's time on short posts. The batch makes no reference
    cycles worth collecting early, so the collector resumes afterwards. Other threads may pause
    it too; it is enabled again by whichever of them paused it first when that one ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyze(texts: Sequence[str], mode: Mode, models: ModelSet | None) -> list[Analysis]:
    normalised = [normalize_text(text) for text in texts]
    token_lists = [tokens_with_punctuation(text) for text in normalised]
    words = [words_of(tokens) for tokens in token_lists]
    chosen = (models or ModelSet()).for_mode(mode)
    labels, versions = _task_labels(chosen, normalised, token_lists, words)
    return [
        Analysis(
            language=detect_language(
                text[:_LANGUAGE_PREFIX], words=words[i][:_LANGUAGE_WORDS]
            ).code,
            tokens=tuple(words[i]),
            keywords=tuple(keyphrases(tokens)),
            sentiment=labels["sentiment"][i],
            toxicity=labels["toxicity"][i],
            field=labels["field"][i],
            reliability=labels["reliability"][i],
            entities=tuple(find_entities(text)),
            model_version=dict(versions),
        )
        for i, (text, tokens) in enumerate(zip(normalised, token_lists, strict=True))
    ]
