"""``lantoa train-all --datasets DIR``: build every production model from the shared datasets.

Sentiment learns public-affairs stance from the policy development set (texts rebuilt from DIR)
and its card holds a 5-fold cross-validated evaluation. Toxicity, field and reliability train
on their public dataset's train (+dev) split and are evaluated on its official test split.
Models and cards are written under the data directory; the newest ones serve ``analyze``.
"""

import datetime as dt
import json
import time
from argparse import ArgumentParser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.datasets import DatasetError, LabelledTexts
from lantoa.analysis.evaluation import EvaluationReport, evaluate_predictions
from lantoa.analysis.management.commands._options import data_dir
from lantoa.analysis.recipes import (
    ACCURATE_TASKS,
    MODES,
    POLICY_SENTIMENT,
    POSITIVE_LABEL,
    config_for,
    cross_validate,
    policy_sentiment_data,
    public_benchmark,
)
from lantoa.analysis.training import (
    TASKS,
    ModelConfig,
    TextClassifier,
    model_path,
    save_model,
    train_classifier,
)


class Command(BaseCommand):
    help = "Train and evaluate the production models of every task from the shared datasets."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--datasets", required=True, help="folder holding the datasets")
        parser.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS))
        parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["datasets"])
        if not root.is_dir():
            raise CommandError(f"{root}: no such datasets folder")
        for task in options["tasks"]:
            modes = [m for m in options["modes"] if m == "fast" or task in ACCURATE_TASKS]
            try:
                if task == "sentiment":
                    self._policy_sentiment(root, modes)
                else:
                    self._public(task, root, modes)
            except DatasetError as error:
                raise CommandError(f"{task}: {error}") from error

    def _policy_sentiment(self, root: Path, modes: list[str]) -> None:
        data = policy_sentiment_data(root)
        for mode in modes:
            config = POLICY_SENTIMENT[mode]
            report = cross_validate("sentiment", data, config)

            def cross_validated(
                _: TextClassifier, cv: EvaluationReport = report
            ) -> EvaluationReport:
                return cv  # the CV report scores the recipe, not this one fit

            on = "policy dev set, 5-fold CV"
            self._train_and_save("sentiment", mode, config, data, cross_validated, on)

    def _public(self, task: str, root: Path, modes: list[str]) -> None:
        benchmark = public_benchmark(task, root)

        def on_test(model: TextClassifier) -> EvaluationReport:
            return evaluate_predictions(
                y_true=benchmark.test.labels,
                probabilities=model.predict_texts(benchmark.test.texts),
                labels=model.labels,
                positive_label=POSITIVE_LABEL.get(task),
            )

        for mode in modes:
            config = config_for(task, mode)
            self._train_and_save(
                task, mode, config, benchmark.train, on_test, f"{benchmark.dataset} test"
            )

    def _train_and_save(
        self,
        task: str,
        mode: str,
        config: ModelConfig,
        data: LabelledTexts,
        evaluate: Callable[[TextClassifier], EvaluationReport],
        evaluated_on: str,
    ) -> None:
        started = time.perf_counter()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        model = train_classifier(
            task=task,
            texts=data.texts,
            labels=data.labels,
            config=config,
            version=f"{stamp}-{mode}",
        )
        seconds = round(time.perf_counter() - started, 1)
        report = evaluate(model)
        card = {
            "mode": mode,
            "n_train": len(data),
            "train_seconds": seconds,
            "evaluation": {"data": evaluated_on, **report.to_dict()},
        }
        path = save_model(model, model_path(data_dir(), task, model.version), card=card)
        figures = {
            "accuracy": report.accuracy,
            "macro_f1": report.macro_f1,
            "roc_auc": report.roc_auc,
        }
        summary = {"task": task, "mode": mode, "model": str(path), "evaluated_on": evaluated_on}
        self.stdout.write(json.dumps(summary | figures, ensure_ascii=False))
