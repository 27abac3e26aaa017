"""Production recipes: the tuned config per task and mode, and the public data each task learns from.

Configs were chosen on train/dev splits only (ReINTEL: an inner split of its train part);
test splits are used for the reported figures alone.
"""

from dataclasses import dataclass
from pathlib import Path

from lantoa.analysis.datasets import (
    LabelledTexts,
    load_labelled,
    reintel_split,
    without_texts_in,
)
from lantoa.analysis.features import ACCURATE, FAST
from lantoa.analysis.training import ModelConfig

__all__ = [
    "ACCURATE_TASKS",
    "MODES",
    "POSITIVE_LABEL",
    "Benchmark",
    "config_for",
    "public_benchmark",
]

MODES = ("fast", "accurate")
# Character n-grams over VNTC's 100 MB of articles cost far more than they add to topic
# accuracy, so field has a fast model only (accurate mode falls back to it).
ACCURATE_TASKS = ("sentiment", "toxicity", "reliability")
POSITIVE_LABEL = {"reliability": "unreliable"}
_C = {"sentiment": 8.0, "toxicity": 2.0, "field": 8.0, "reliability": 4.0}


def config_for(task: str, mode: str) -> ModelConfig:
    """The production config of ``task`` in ``mode`` ("fast" or "accurate")."""
    return ModelConfig(spec=ACCURATE if mode == "accurate" else FAST, c=_C[task])


@dataclass(frozen=True, slots=True, kw_only=True)
class Benchmark:
    """A task's public training data and its official test split, with their provenance."""

    task: str
    dataset: str
    train: LabelledTexts
    test: LabelledTexts


def _merged(*parts: LabelledTexts) -> LabelledTexts:
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
        train = _merged(load_labelled(folder / "train.jsonl"), load_labelled(folder / "dev.jsonl"))
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
            task=task, dataset="vihsd", train=without_texts_in(_merged(*parts), test), test=test
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
