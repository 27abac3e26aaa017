"""Evaluation report of a classifier: the figures the datasets README asks for, as one value."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, roc_auc_score

__all__ = ["EvaluationReport", "evaluate_predictions", "expected_calibration_error"]

_ECE_BINS = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationReport:
    """Scores on ``n`` items; ``confusion[i][j]`` counts true ``labels[i]`` predicted ``labels[j]``.

    ``roc_auc`` is set for two-class tasks only (score of the second label, e.g. "unreliable",
    or of ``positive_label`` when given).
    """

    n: int
    labels: tuple[str, ...]
    accuracy: float
    macro_f1: float
    weighted_f1: float
    per_class: dict[str, float]
    confusion: list[list[int]]
    ece: float
    roc_auc: float | None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Mean |accuracy - confidence| over 10 equal-width confidence bins, weighted by bin size."""
    bins = np.minimum((confidence * _ECE_BINS).astype(int), _ECE_BINS - 1)
    total = 0.0
    for b in range(_ECE_BINS):
        in_bin = bins == b
        if in_bin.any():
            total += in_bin.sum() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return float(total / len(confidence))


def evaluate_predictions(
    *,
    y_true: Sequence[str],
    probabilities: np.ndarray,
    labels: Sequence[str],
    positive_label: str | None = None,
) -> EvaluationReport:
    """Score ``probabilities`` (rows = items, columns in ``labels`` order) against ``y_true``."""
    label_list = list(labels)
    truth = np.asarray(y_true)
    predicted = np.asarray(label_list)[probabilities.argmax(axis=1)]
    per_class = f1_score(truth, predicted, labels=label_list, average=None, zero_division=0)
    roc_auc = None
    if len(label_list) == 2:
        positive = positive_label or label_list[1]
        column = label_list.index(positive)
        roc_auc = float(roc_auc_score(truth == positive, probabilities[:, column]))
    return EvaluationReport(
        n=len(truth),
        labels=tuple(label_list),
        accuracy=float(accuracy_score(truth, predicted)),
        macro_f1=float(
            f1_score(truth, predicted, labels=label_list, average="macro", zero_division=0)
        ),
        weighted_f1=float(
            f1_score(truth, predicted, labels=label_list, average="weighted", zero_division=0)
        ),
        per_class={label: float(score) for label, score in zip(label_list, per_class, strict=True)},
        confusion=confusion_matrix(truth, predicted, labels=label_list).tolist(),
        ece=expected_calibration_error(probabilities.max(axis=1), truth == predicted),
        roc_auc=roc_auc,
    )
