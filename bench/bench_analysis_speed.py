"""Throughput of ``analyze_batch`` (one core): fast path, accurate path, lexicon-only baseline.

Usage: ``python -m bench.bench_analysis_speed`` (or ``python -m bench analysis_speed``). Apart
from ``bench_analysis`` so it can be rerun in minutes: prediction costs the same whatever
the amount of training data (hashed n-grams into 2**20 columns, the same heads and
labels), so each task's production recipe (``recipes.config_for``) is trained here on
``_TRAIN`` evenly spaced examples of its public train split. The quality of those models is not
measured here; ``bench_analysis`` does that with the full training data.

The machines are shared and their speed drifts by tens of percent within minutes, so every
fast-path figure is the best of ``_REPEATS`` runs over the whole set as one batch, the baseline
measured alternately with it; the accurate path (e5, tens of items a second) runs once on a
slice.
"""

import os
import time
from collections.abc import Sequence
from typing import Literal

from bench.report import write_section
from lantoa.analysis.datasets import LabelledTexts, datasets_root
from lantoa.analysis.pipeline import ModelSet, analyze_batch
from lantoa.analysis.recipes import ACCURATE_TASKS, config_for, public_benchmark
from lantoa.analysis.training import TASKS, TextClassifier, train_classifier

_TRAIN = {"fast": 3000, "accurate": 600}
_REPEATS = 5
_ACCURATE_SLICE = {"posts": 200, "articles": 20}
Mode = Literal["fast", "accurate"]


def _clipped(texts: Sequence[str], length: int, count: int) -> list[str]:
    long_enough = (t.split() for t in texts if len(t.split()) >= length)
    return [" ".join(words[:length]) for words, _ in zip(long_enough, range(count), strict=False)]


def _models(train: dict[str, LabelledTexts]) -> ModelSet:
    models: dict[str, dict[str, TextClassifier]] = {"fast": {}, "accurate": {}}
    for task, data in train.items():
        for mode in ("fast", "accurate") if task in ACCURATE_TASKS else ("fast",):
            step = max(1, len(data) // _TRAIN[mode])  # evenly spaced: some splits are sorted
            texts, labels = data.texts[::step][: _TRAIN[mode]], data.labels[::step][: _TRAIN[mode]]
            models[mode][task] = train_classifier(
                task=task, texts=texts, labels=labels, config=config_for(task, mode)
            )
            print(f"trained {task}/{mode} on {len(texts)} examples", flush=True)
    return ModelSet(fast=models["fast"], accurate=models["accurate"])


def _run(texts: list[str], mode: Mode, models: ModelSet) -> tuple[float, float]:
    """(items per CPU second of this process, items per wall-clock second) of one run."""
    cpu, wall = time.process_time(), time.perf_counter()
    analyze_batch(texts, mode=mode, models=models)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return len(texts) / cpu, len(texts) / wall


def _best_fast_and_baseline(
    texts: list[str], models: ModelSet
) -> tuple[tuple[float, float], tuple[float, float]]:
    analyze_batch(texts[:50], models=models)  # warm the caches
    fast, baseline = [], []
    for _ in range(_REPEATS):
        fast.append(_run(texts, "fast", models))
        baseline.append(_run(texts, "fast", ModelSet()))
    return max(fast), max(baseline)


def _cell(figures: tuple[float, float]) -> str:
    cpu, wall = figures
    return f"{cpu:,.0f} ({wall:,.0f} wall)"


def speed(models: ModelSet, posts: list[str], articles: list[str]) -> str:
    lines = [
        "| input | lexicon only (baseline) | fast | accurate | bar | fast / baseline |",
        "|---|---|---|---|---|---|",
    ]
    for name, texts, bar, key in (
        ("~40-syllable posts", posts, 5000, "posts"),
        ("~600-syllable articles", articles, 500, "articles"),
    ):
        fast, baseline = _best_fast_and_baseline(texts, models)
        accurate = _run(texts[: _ACCURATE_SLICE[key]], "accurate", models)
        lines.append(
            f"| {name} (n={len(texts)}) | {_cell(baseline)} | {_cell(fast)} "
            f"| {_cell(accurate)} (n={_ACCURATE_SLICE[key]}) | ≥ {bar:,} "
            f"| {fast[0] / baseline[0]:.2f} |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines)


def main() -> None:
    root = datasets_root()
    if not root.is_dir():
        print(f"datasets not found at {root}; nothing to measure")
        return
    benchmarks = {task: public_benchmark(task, root) for task in TASKS}
    models = _models({task: b.train for task, b in benchmarks.items()})
    posts = _clipped(benchmarks["reliability"].train.texts, 40, 3000)
    articles = _clipped(benchmarks["field"].test.texts, 600, 500)
    load = os.getloadavg()[0]
    table = speed(models, posts, articles)
    body = (
        "Throughput of `analyze_batch` (four task models, keywords, entities, language) in "
        "items per CPU second of the one process, wall-clock items/s in brackets, the whole "
        f"set as one batch. Fast path and lexicon-only baseline: best of {_REPEATS} runs each, "
        "alternating. Accurate path: one run on the first items of the set (its e5 encoder "
        "runs on both cores, so its CPU seconds count both). Models: each task's production "
        f"recipe trained on {_TRAIN['fast']:,} (fast) or {_TRAIN['accurate']:,} evenly spaced "
        "(accurate) examples of its public train split, which predict at the speed of fully "
        'trained ones; their quality is in the section "Understanding Vietnamese text". '
        "Posts: ReINTEL train texts cut to 40 syllables; articles: VNTC test articles cut to "
        f"600. Load average at the start {load:.1f} on a shared machine.\n\n{table}\n"
    )
    write_section("analysis-speed", "Analysis throughput (lantoa.analysis)", body)


if __name__ == "__main__":
    main()
