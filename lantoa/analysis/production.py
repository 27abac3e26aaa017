"""Train a production model, evaluate it and write it with its card under the data directory.

What ``lantoa train-all`` (public datasets) and ``lantoa train-demo`` (the demo corpus) share;
the version is a UTC timestamp plus the mode, so the newest model serves (``registry``).
"""

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from lantoa.analysis.datasets import LabelledTexts
from lantoa.analysis.evaluation import EvaluationReport, evaluate_predictions
from lantoa.analysis.recipes import POSITIVE_LABEL
from lantoa.analysis.training import (
    ModelConfig,
    TextClassifier,
    model_path,
    save_model,
    train_classifier,
)

__all__ = ["Evaluation", "on_held_out", "train_and_save"]

Evaluation = Callable[[TextClassifier], EvaluationReport]


def on_held_out(task: str, held_out: LabelledTexts) -> Evaluation:
    """An evaluation of a trained model on ``held_out`` texts and their labels."""

    def evaluate(model: TextClassifier) -> EvaluationReport:
        return evaluate_predictions(
            y_true=held_out.labels,
            probabilities=model.predict_texts(held_out.texts),
            labels=model.labels,
            positive_label=POSITIVE_LABEL.get(task),
        )

    return evaluate


def train_and_save(
    *,
    task: str,
    mode: str,
    config: ModelConfig,
    data: LabelledTexts,
    evaluate: Evaluation,
    evaluated_on: str,
    data_dir: Path,
    origin: str = "",
) -> dict[str, object]:
    """Train ``task`` on ``data``, evaluate it, save it with its card; returns a summary.

    ``origin`` (e.g. "demo") goes into the version, so every label the model gives says so.
    """
    started = time.perf_counter()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    version = "-".join(part for part in (stamp, origin, mode) if part)
    model = train_classifier(
        task=task, texts=data.texts, labels=data.labels, config=config, version=version
    )
    seconds = round(time.perf_counter() - started, 1)
    report = evaluate(model)
    card = {
        "mode": mode,
        "n_train": len(data),
        "train_seconds": seconds,
        "evaluation": {"data": evaluated_on, **report.to_dict()},
    }
    path = save_model(model, model_path(data_dir, task, model.version), card=card)
    return {
        "task": task,
        "mode": mode,
        "model": str(path),
        "evaluated_on": evaluated_on,
        "accuracy": report.accuracy,
        "macro_f1": report.macro_f1,
        "roc_auc": report.roc_auc,
    }
