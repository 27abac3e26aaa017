"""Train, save and load the per-task text classifiers.

A model is hashed n-gram counts (``features``) -> its own TF-IDF weights -> a linear head, with
the lexicon evidence appended as extra columns. When the spec has character n-grams, a second
TF-IDF + logistic head learns from them alone; when it has sentence embeddings, a logistic head
learns from those (its C chosen by inner 3-fold CV on the training data only). The heads'
probabilities are averaged. Files are joblib pickles written by this code
only; load only files you wrote (pickles run code on load). Each file has a JSON card beside it.
"""

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import joblib
import numpy as np
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics import f1_score
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
from lantoa.analysis.text import syllables, tokens_with_punctuation, words_of
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

_EMBEDDING_FOLDS = 3
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
    char_c: float = 2.0  # C of the character head (specs with character n-grams only)
    # Also learn from the first N syllables of every training text, for each N here: a model
    # that must label headlines and snippets, not only whole articles, sees short views too.
    opening_views: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TextClassifier:
    """A trained model for one task. ``labels`` are the training data's label names."""

    task: str
    version: str
    labels: tuple[str, ...]
    config: ModelConfig
    idf: TfidfTransformer = field(repr=False)
    head: Any = field(repr=False)
    char_idf: TfidfTransformer | None = field(default=None, repr=False)
    char_head: Any = field(default=None, repr=False)
    embedding_head: Any = field(default=None, repr=False)

    @property
    def model_version(self) -> str:
        return f"{self.task}/{self.version}"

    def predict_proba(self, features: HashedFeatures) -> np.ndarray:
        """Class probabilities (columns in ``labels`` order) for featurised texts."""
        heads = [self.head.predict_proba(_design(self.idf, self.config, features))]
        if self.char_head is not None and self.char_idf is not None:
            if features.chars is None:
                raise ValueError("this model needs character n-grams; featurise with its spec")
            heads.append(self.char_head.predict_proba(self.char_idf.transform(features.chars)))
        if self.embedding_head is not None:
            if features.embeddings is None:
                raise ValueError("this model needs sentence embeddings; featurise with its spec")
            heads.append(self.embedding_head.predict_proba(features.embeddings))
        return np.mean([np.asarray(h) for h in heads], axis=0)

    def predict_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities for raw texts (normalised and featurised here)."""
        return self.predict_proba(featurise(self.config.spec, texts))


def featurise(spec: FeatureSpec, texts: Sequence[str]) -> HashedFeatures:
    """Normalise raw ``texts`` and hash them with ``spec``."""
    normalised = [normalize_text(text) for text in texts]
    token_lists = [tokens_with_punctuation(t) for t in normalised]
    lexicon = lexicon_matrix(lexicon_scores(token_lists))
    words = [words_of(tokens) for tokens in token_lists]
    return hashed_features(spec, normalised, lexicon, words=words)


def _design(idf: TfidfTransformer, config: ModelConfig, features: HashedFeatures) -> Any:
    weighted = idf.transform(features.counts)
    lexicon = sparse.csr_matrix(features.lexicon * config.lexicon_weight)
    return sparse.hstack([weighted, lexicon], format="csr")


def _head(config: ModelConfig, c: float | None = None) -> Any:
    class_weight = "balanced" if config.balanced else None
    if config.classifier == "svm" and c is None:
        svm = LinearSVC(C=config.c, class_weight=class_weight)
        # One SVM fitted on all the data, calibrated on 3-fold predictions: one product per
        # batch instead of three, and on a held-out third of VNTC train 0.912 accuracy where
        # the average of three fold SVMs reached 0.910.
        return CalibratedClassifierCV(svm, cv=3, method="sigmoid", ensemble=False)
    # liblinear, one-vs-rest, trains in seconds where lbfgs needs minutes on 2**20 columns.
    binary = LogisticRegression(C=c or config.c, class_weight=class_weight, solver="liblinear")
    return OneVsRestClassifier(binary)


def _macro_f1(estimator: Any, x: np.ndarray, y: np.ndarray) -> float:
    # a plain callable: sklearn's "f1_macro" string trips over pos_label on two classes
    return float(f1_score(y, estimator.predict(x), average="macro"))


def _embedding_head(config: ModelConfig, labels: np.ndarray) -> Any:
    # 384 dense columns: lbfgs is fast here. C is chosen by inner CV on the training data, so
    # an outer cross-validation of the whole recipe stays honest; too few examples of a
    # class for 3 folds and C stays at the middle of the grid.
    class_weight = "balanced" if config.balanced else None
    if min(Counter(labels.tolist()).values()) < _EMBEDDING_FOLDS:
        return LogisticRegression(C=16.0, class_weight=class_weight, max_iter=2000)
    return LogisticRegressionCV(
        Cs=[1.0, 4.0, 16.0, 64.0],
        l1_ratios=(0.0,),
        use_legacy_attributes=False,
        cv=_EMBEDDING_FOLDS,
        scoring=_macro_f1,
        class_weight=class_weight,
        max_iter=2000,
    )


def _with_opening_views(
    texts: Sequence[str], labels: Sequence[str], sizes: tuple[int, ...]
) -> tuple[list[str], list[str]]:
    """``texts`` plus, for each size, the opening ``size`` syllables of every longer text."""
    all_texts, all_labels = list(texts), list(labels)
    for size in sizes:
        for text, label in zip(texts, labels, strict=True):
            words = syllables(text)
            if len(words) > size:
                all_texts.append(" ".join(words[:size]))
                all_labels.append(label)
    return all_texts, all_labels


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
    texts, labels = _with_opening_views(texts, labels, config.opening_views)
    features = featurise(config.spec, texts)
    idf = TfidfTransformer(sublinear_tf=True).fit(features.counts)
    head = _head(config).fit(_design(idf, config, features), np.asarray(labels))
    char_idf, char_head = None, None
    if features.chars is not None:
        char_idf = TfidfTransformer(sublinear_tf=True).fit(features.chars)
        char_head = _head(config, config.char_c).fit(
            char_idf.transform(features.chars), np.asarray(labels)
        )
    embedding_head = None
    if features.embeddings is not None:
        targets = np.asarray(labels)
        embedding_head = _embedding_head(config, targets).fit(features.embeddings, targets)
    return TextClassifier(
        task=task,
        version=version or dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ"),
        labels=tuple(str(label) for label in head.classes_),
        config=config,
        idf=idf,
        head=head,
        char_idf=char_idf,
        char_head=char_head,
        embedding_head=embedding_head,
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
