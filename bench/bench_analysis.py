"""Benchmark of the analysis core: quality on the public test splits and items/s on one core.

Usage: ``python -m bench.bench_analysis [--models DATA_DIR]``. Models are the newest ones under
``DATA_DIR/models`` (build them with ``lantoa train-all --datasets ../shared/datasets``); the
lexicon-only scorer is measured in the same run as the zero-data baseline. Speed runs
``analyze_batch`` with all four task models on ~40-syllable posts and ~600-syllable articles.
"""

import argparse
import os
import time
from pathlib import Path

import numpy as np

from bench.report import write_section
from lantoa.analysis.datasets import datasets_root
from lantoa.analysis.evaluation import EvaluationReport, evaluate_predictions
from lantoa.analysis.pipeline import ModelSet, analyze_batch
from lantoa.analysis.recipes import POSITIVE_LABEL, public_benchmark
from lantoa.analysis.registry import load_model_set
from lantoa.analysis.training import TASKS, TextClassifier

# (figure name, bar, published anchor from shared/datasets/README)
_BARS = {
    "sentiment": ("weighted-F1 / macro-F1", "≥ 0.91 / ≥ 0.80", "MaxEnt w-F1 0.879 (KSE 2018)"),
    "toxicity": ("macro-F1", "≥ 0.66", "mBERT 0.627; ViHateT5 0.687"),
    "field": ("accuracy", "≥ 0.95", "N-gram LM 0.971, SVM 0.934 (RIVF 2007)"),
    "reliability": ("ROC-AUC", "≥ 0.90", "private test 0.946 (not comparable)"),
}
_DATASET = {
    "sentiment": "UIT-VSFC",
    "toxicity": "ViHSD",
    "field": "VNTC 10",
    "reliability": "ReINTEL held-out",
}


def _figure(task: str, report: EvaluationReport) -> str:
    if task == "sentiment":
        return f"{report.weighted_f1:.3f} / {report.macro_f1:.3f}"
    if task == "toxicity":
        return f"{report.macro_f1:.3f}"
    if task == "field":
        return f"{report.accuracy:.3f}"
    return f"{report.roc_auc:.3f}"


def _evaluate(
    model: TextClassifier, texts: tuple[str, ...], labels: tuple[str, ...]
) -> EvaluationReport:
    return evaluate_predictions(
        y_true=labels,
        probabilities=model.predict_texts(texts),
        labels=model.labels,
        positive_label=POSITIVE_LABEL.get(model.task),
    )


def _lexicon_report(task: str, texts: tuple[str, ...], labels: tuple[str, ...]) -> EvaluationReport:
    analyses = analyze_batch(texts)
    names = sorted(set(labels))
    rows = [[getattr(a, task).probabilities.get(n, 0.0) for n in names] for a in analyses]
    return evaluate_predictions(y_true=labels, probabilities=np.asarray(rows), labels=names)


def quality_table(models: ModelSet, root: Path) -> str:
    lines = [
        "| task | dataset (test) | figure | lexicon only | fast | accurate | bar | published anchor |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for task in TASKS:
        benchmark = public_benchmark(task, root)
        texts, labels = benchmark.test.texts, benchmark.test.labels
        cells = []
        if task in {"sentiment", "toxicity"}:
            cells.append(_figure(task, _lexicon_report(task, texts, labels)))
        else:
            cells.append("—")
        for chosen in (models.fast, models.accurate):
            model = chosen.get(task)
            cells.append(_figure(task, _evaluate(model, texts, labels)) if model else "—")
        name, bar, anchor = _BARS[task]
        lines.append(
            f"| {task} | {_DATASET[task]} | {name} | {' | '.join(cells)} | {bar} | {anchor} |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines)


def _clipped(texts: list[str], syllables: int, count: int) -> list[str]:
    long_enough = [t.split() for t in texts if len(t.split()) >= syllables]
    return [" ".join(words[:syllables]) for words in long_enough[:count]]


def _items_per_second(texts: list[str], mode: str, models: ModelSet) -> float:
    analyze_batch(texts[:50], mode=mode, models=models)  # warm caches and imports
    started = time.perf_counter()
    analyze_batch(texts, mode=mode, models=models)
    return len(texts) / (time.perf_counter() - started)


def speed_table(models: ModelSet, root: Path) -> str:
    posts = _clipped(list(public_benchmark("reliability", root).train.texts), 40, 3000)
    articles = _clipped(list(public_benchmark("field", root).test.texts), 600, 600)
    lines = [
        "| input | lexicon only (baseline) | fast | accurate | bar | fast / baseline |",
        "|---|---|---|---|---|---|",
    ]
    for name, texts, bar in (
        ("~40-syllable posts", posts, 5000),
        ("~600-syllable articles", articles, 500),
    ):
        baseline = _items_per_second(texts, "fast", ModelSet())
        fast = _items_per_second(texts, "fast", models)
        accurate = _items_per_second(texts, "accurate", models)
        lines.append(
            f"| {name} (n={len(texts)}) | {baseline:,.0f} | {fast:,.0f} | {accurate:,.0f} "
            f"| ≥ {bar:,} | {fast / baseline:.2f} |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default=os.environ.get("LANTOA_DATA_DIR", "var"))
    models = load_model_set(Path(parser.parse_args().models))
    root = datasets_root()
    if not root.is_dir():
        print(f"datasets not found at {root}; nothing to measure")
        return
    speed = speed_table(models, root)
    quality = quality_table(models, root)
    versions = ", ".join(
        f"{m.model_version}" for chosen in (models.fast, models.accurate) for m in chosen.values()
    )
    body = (
        "Quality on the official test splits (ViHSD and VNTC with test duplicates removed from "
        "train; ReINTEL: fixed sha1(id) % 5 == 0 held-out split). Models tuned on train/dev only.\n\n"
        f"{quality}\n\nThroughput of `analyze_batch` (all four tasks, keywords, entities), "
        f"items/s on one core, batch = whole set:\n\n{speed}\n\nModels: {versions or 'none'}.\n"
    )
    write_section("analysis", "Understanding Vietnamese text (lantoa.analysis)", body)


if __name__ == "__main__":
    main()
