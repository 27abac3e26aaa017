"""Recipes: the tuned config per task and mode, the public benchmark of each task, and the
policy-stance training data the production sentiment model learns from.

Public configs were chosen on train/dev splits only (ReINTEL: an inner split of its train
part); test splits are used for the reported figures alone. The production sentiment model
learns public-affairs stance from the policy development set and its training extension
(UIT-VSFC, student feedback, scores 0.37 macro-F1 there), with its lexicon features weighted up
because 1,310 sentences are too few for n-grams alone; its quality is reported by 5-fold
cross-validation on the development set.
"""

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np
from sklearn.model_selection import StratifiedKFold

from lantoa.analysis.datasets import (
    LabelledTexts,
    load_labelled,
    reintel_split,
    without_texts_in,
)
from lantoa.analysis.evaluation import EvaluationReport, evaluate_predictions
from lantoa.analysis.features import ACCURATE, FAST, FeatureSpec
from lantoa.analysis.policy_devset import LABELS_FILE, TRAINING_LABELS_FILE, load_policy_devset
from lantoa.analysis.training import ModelConfig, train_classifier

__all__ = [
    "ACCURATE_TASKS",
    "MODES",
    "POLICY_SENTIMENT",
    "POSITIVE_LABEL",
    "Benchmark",
    "config_for",
    "cross_validate",
    "merged",
    "policy_sentiment_data",
    "policy_sentiment_extension",
    "public_benchmark",
]

MODES = ("fast", "accurate")
# Character n-grams over VNTC's 100 MB of articles cost far more than they add to topic
# accuracy, so field has a fast model only (accurate mode falls back to it).
ACCURATE_TASKS = ("sentiment", "toxicity", "reliability")
POSITIVE_LABEL = {"reliability": "unreliable"}
_C = {"sentiment": 8.0, "toxicity": 2.0, "field": 2.0, "reliability": 4.0}
# Topic is a linear-SVM problem: on 20% of VNTC train held out, a LinearSVC (C=2) reached
# 0.928 accuracy where the logistic head (C=8) reached 0.924; multinomial and complement naive
# Bayes (0.88-0.89) and syllable 3-grams (0.922) did worse.
_CLASSIFIER: dict[str, Literal["logreg", "svm"]] = {"field": "svm"}
# C of the accurate mode's character head, chosen on the dev splits (ReINTEL: inner split).
_CHAR_C = {"sentiment": 2.0, "toxicity": 2.0, "field": 2.0, "reliability": 4.0}
# A third head over e5 sentence embeddings, where it earns its cost (2-75 texts/s by length):
# on the UIT-VSFC dev split, averaged in with a C=1 logistic head, it raised the accurate model
# from 0.908 / 0.779 to 0.920 / 0.807 (weighted / macro-F1, trained on train), and on an inner
# 3-fold split of ReINTEL train the embeddings alone reached ROC-AUC 0.90. On the ViHSD dev
# split they scored 0.53 macro-F1 and brought the average down, so toxicity keeps two heads.
_EMBEDDED_TASKS = frozenset({"sentiment", "reliability"})
_ACCURATE_EMBEDDED = replace(ACCURATE, embeddings=True)


# Field labels headlines as well as articles: training on the 12- and 30-syllable openings too
# raised accuracy on 12-syllable openings from 0.74x to 0.85x of full-article accuracy, with
# full-article accuracy unchanged (VNTC train only: 9,000 articles vs 3,000 held out).
_OPENING_VIEWS = {"field": (12, 30)}


def config_for(task: str, mode: str) -> ModelConfig:
    """The public-benchmark config of ``task`` in ``mode`` ("fast" or "accurate")."""
    spec = FAST
    if mode == "accurate":
        spec = _ACCURATE_EMBEDDED if task in _EMBEDDED_TASKS else ACCURATE
    return ModelConfig(
        spec=spec,
        classifier=_CLASSIFIER.get(task, "logreg"),
        c=_C[task],
        char_c=_CHAR_C[task],
        opening_views=_OPENING_VIEWS.get(task, ()),
    )


# Accurate: the same syllable model averaged with a head over e5 sentence embeddings, which
# carry stance the 650 sentences' n-grams cannot (5-fold CV macro-F1 0.59 -> 0.65).
POLICY_SENTIMENT = {
    "fast": ModelConfig(spec=FAST, c=0.5, lexicon_weight=3.0),
    "accurate": ModelConfig(spec=FeatureSpec(embeddings=True), c=0.5, lexicon_weight=3.0),
}


def policy_sentiment_data(root: Path, *, labels_file: Path = LABELS_FILE) -> LabelledTexts:
    """The policy development set (or ``labels_file``'s sentences) with stance labels, texts
    rebuilt from ``root``."""
    items = load_policy_devset(root, labels_file=labels_file)
    return LabelledTexts(
        texts=tuple(item.text for item in items), labels=tuple(item.sentiment for item in items)
    )


def policy_sentiment_extension(root: Path) -> LabelledTexts:
    """The training extension of the policy set: never evaluated on, see ``policy_devset``."""
    return policy_sentiment_data(root, labels_file=TRAINING_LABELS_FILE)


def cross_validate(
    task: str,
    data: LabelledTexts,
    config: ModelConfig,
    *,
    folds: int = 5,
    extra_training: LabelledTexts | None = None,
) -> EvaluationReport:
    """Stratified ``folds``-fold cross-validated report of ``config`` on ``data``.

    ``extra_training`` joins every fold's training part and is never predicted, so the report
    covers ``data`` alone.
    """
    texts, labels = np.asarray(data.texts, dtype=object), np.asarray(data.labels)
    extra = extra_training or LabelledTexts(texts=(), labels=())
    names = sorted(set(data.labels))
    probabilities = np.zeros((len(texts), len(names)))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for train, test in splitter.split(texts, labels):
        model = train_classifier(
            task=task,
            texts=[*texts[train], *extra.texts],
            labels=[*labels[train], *extra.labels],
            config=config,
        )
        columns = [names.index(label) for label in model.labels]
        probabilities[np.ix_(test, columns)] = model.predict_texts(list(texts[test]))
    return evaluate_predictions(
        y_true=data.labels,
        probabilities=probabilities,
        labels=names,
        positive_label=POSITIVE_LABEL.get(task),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Benchmark:
    """A task's public training data and its official test split, with their provenance."""

    task: str
    dataset: str
    train: LabelledTexts
    test: LabelledTexts


def merged(*parts: LabelledTexts) -> LabelledTexts:
    """``parts`` one after another, as one set of labelled texts."""
    return LabelledTexts(
        texts=tuple(t for p in parts for t in p.texts),
        labels=tuple(label for p in parts for label in p.labels),
    )


def public_benchmark(task: str, root: Path) -> Benchmark:
    """Load ``task``'s public dataset from ``root`` (the shared datasets folder).

    Train includes dev where the dataset has one; texts also in test are removed from train
    (datasets README). Raises DatasetError when the files are absent.
    """
    if task == "sentiment":
        folder = root / "uit_vsfc"
        train = merged(load_labelled(folder / "train.jsonl"), load_labelled(folder / "dev.jsonl"))
        return Benchmark(
            task=task, dataset="uit_vsfc", train=train, test=load_labelled(folder / "test.jsonl")
        )
    if task == "toxicity":
        folder = root / "vihsd"
        parts = [
            load_labelled(folder / f"{s}.jsonl", skip_empty_text=True) for s in ("train", "dev")
        ]
        test = load_labelled(folder / "test.jsonl", skip_empty_text=True)
        return Benchmark(
            task=task, dataset="vihsd", train=without_texts_in(merged(*parts), test), test=test
        )
    if task == "field":
        folder = root / "vntc_10topics"
        test = load_labelled(folder / "test.jsonl.gz")
        train = without_texts_in(load_labelled(folder / "train.jsonl.gz"), test)
        return Benchmark(task=task, dataset="vntc_10topics", train=train, test=test)
    if task == "reliability":
        data = load_labelled(root / "reintel_vlsp2020" / "train.jsonl", skip_empty_text=True)
        train, test = reintel_split(data)
        return Benchmark(task=task, dataset="reintel_vlsp2020", train=train, test=test)
    raise ValueError(f"unknown task {task!r}")
