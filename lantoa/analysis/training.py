"""Train, save and load the per-task text classifiers.

A model is hashed n-gram counts (``features``) -> its own TF-IDF weights -> a linear head, with
the lexicon evidence appended as extra columns. Files are joblib pickles written by this code
only; load only files you wrote (pickles run code on load). Each file has a JSON card beside it.
"""

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import joblib
import numpy as np
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.svm import LinearSVC

from lantoa.analysis.features import (
    FAST,
    HASHING_VERSION,
    FeatureSpec,
    HashedFeatures,
    hashed_features,
    lexicon_matrix,
    lexicon_scores,
)
from lantoa.analysis.text import tokens_with_punctuation
from lantoa.core.text import normalize_text

__all__ = [
    "TASKS",
    "ModelConfig",
    "TextClassifier",
    "featurise",
    "load_model",
    "model_path",
    "save_model",
    "train_classifier",
]

Task = Literal["sentiment", "toxicity", "field", "reliability"]
TASKS: tuple[Task, ...] = ("sentiment", "toxicity", "field", "reliability")


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelConfig:
    """Hyper-parameters of one model; tuned per task on train/dev splits only."""

    spec: FeatureSpec = FAST
    classifier: Literal["logreg", "svm"] = "logreg"
    c: float = 4.0
    balanced: bool = True
    lexicon_weight: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class TextClassifier:
    """A trained model for one task. ``labels`` are the training data's label names."""

    task: str
    version: str
    labels: tuple[str, ...]
    config: ModelConfig
    idf: TfidfTransformer = field(repr=False)
    head: Any = field(repr=False)

    @property
    def model_version(self) -> str:
        return f"{self.task}/{self.version}"

    def predict_proba(self, features: HashedFeatures) -> np.ndarray:
        """Class probabilities (columns in ``labels`` order) for featurised texts."""
        return np.asarray(self.head.predict_proba(_design(self.idf, self.config, features)))

    def predict_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities for raw texts (normalised and featurised here)."""
        return self.predict_proba(featurise(self.config.spec, texts))


def featurise(spec: FeatureSpec, texts: Sequence[str]) -> HashedFeatures:
    """Normalise raw ``texts`` and hash them with ``spec``."""
    normalised = [normalize_text(text) for text in texts]
    token_lists = [tokens_with_punctuation(t) for t in normalised]
    lexicon = lexicon_matrix(lexicon_scores(token_lists))
    return hashed_features(spec, normalised, lexicon, token_lists=token_lists)


def _design(idf: TfidfTransformer, config: ModelConfig, features: HashedFeatures) -> Any:
    weighted = idf.transform(features.counts)
    lexicon = sparse.csr_matrix(features.lexicon * config.lexicon_weight)
    return sparse.hstack([weighted, lexicon], format="csr")


def _head(config: ModelConfig) -> Any:
    class_weight = "balanced" if config.balanced else None
    if config.classifier == "svm":
        svm = LinearSVC(C=config.c, class_weight=class_weight)
        return CalibratedClassifierCV(svm, cv=3, method="sigmoid")
    # liblinear, one-vs-rest, trains in seconds where lbfgs needs minutes on 2**20 columns.
    binary = LogisticRegression(C=config.c, class_weight=class_weight, solver="liblinear")
    return OneVsRestClassifier(binary)


def train_classifier(
    *,
    task: str,
    texts: Sequence[str],
    labels: Sequence[str],
    config: ModelConfig = ModelConfig(),
    version: str | None = None,
) -> TextClassifier:
    """Fit a model on ``texts`` with their ``labels``; needs at least two distinct labels."""
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two distinct labels")
    features = featurise(config.spec, texts)
    idf = TfidfTransformer(sublinear_tf=True).fit(features.counts)
    head = _head(config).fit(_design(idf, config, features), np.asarray(labels))
    return TextClassifier(
        task=task,
        version=version or dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ"),
        labels=tuple(str(label) for label in head.classes_),
        config=config,
        idf=idf,
        head=head,
    )


def model_path(data_dir: Path, task: str, version: str) -> Path:
    """Where a model lives: ``<data_dir>/models/<task>/<version>.joblib``."""
    return data_dir / "models" / task / f"{version}.joblib"


def save_model(model: TextClassifier, path: Path, *, card: dict[str, object]) -> Path:
    """Write the model and ``<path>.json`` (its card: config, labels and ``card`` entries)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path)
    header = {
        "task": model.task,
        "version": model.version,
        "model_version": model.model_version,
        "labels": list(model.labels),
        "config": asdict(model.config),
    }
    path.with_suffix(".json").write_text(
        json.dumps({**header, **card}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return path


def load_model(path: Path) -> TextClassifier:
    """Load a model written by ``save_model``; raises ValueError for anything else."""
    model = joblib.load(path)
    if not isinstance(model, TextClassifier):
        raise ValueError(f"{path} does not hold a Lantoa text classifier")
    if getattr(model.config.spec, "hashing", None) != HASHING_VERSION:
        # its n-gram columns mean other n-grams now: it would predict, wrongly and silently
        raise ValueError(f"{path} uses an older feature hashing; retrain it (lantoa train-all)")
    return model
