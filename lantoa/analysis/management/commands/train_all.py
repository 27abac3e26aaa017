"""``lantoa train-all --datasets DIR``: build every production model from the shared datasets.

Sentiment learns public-affairs stance from the policy development set and its training
extension (texts rebuilt from DIR); its card holds a 5-fold cross-validated evaluation on the
development set, the extension joining every training fold. Toxicity, field and reliability train
on their public dataset's train (+dev) split and are evaluated on its official test split.
Models and cards are written under the data directory; the newest ones serve ``analyze``.
"""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.datasets import DatasetError, LabelledTexts
from lantoa.analysis.evaluation import EvaluationReport
from lantoa.analysis.management.commands._options import data_dir
from lantoa.analysis.production import Evaluation, on_held_out, train_and_save
from lantoa.analysis.recipes import (
    ACCURATE_TASKS,
    MODES,
    POLICY_SENTIMENT,
    config_for,
    cross_validate,
    merged,
    policy_sentiment_data,
    policy_sentiment_extension,
    public_benchmark,
)
from lantoa.analysis.training import TASKS, ModelConfig, TextClassifier


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
        data, extension = policy_sentiment_data(root), policy_sentiment_extension(root)
        for mode in modes:
            config = POLICY_SENTIMENT[mode]
            report = cross_validate("sentiment", data, config, extra_training=extension)

            def cross_validated(
                _: TextClassifier, cv: EvaluationReport = report
            ) -> EvaluationReport:
                return cv  # the CV report scores the recipe, not this one fit

            on = "policy dev set, 5-fold CV (training extension in every fold)"
            training = merged(data, extension)
            self._train_and_save("sentiment", mode, config, training, cross_validated, on)

    def _public(self, task: str, root: Path, modes: list[str]) -> None:
        benchmark = public_benchmark(task, root)
        evaluate = on_held_out(task, benchmark.test)
        for mode in modes:
            config = config_for(task, mode)
            on = f"{benchmark.dataset} test"
            self._train_and_save(task, mode, config, benchmark.train, evaluate, on)

    def _train_and_save(
        self,
        task: str,
        mode: str,
        config: ModelConfig,
        data: LabelledTexts,
        evaluate: Evaluation,
        evaluated_on: str,
    ) -> None:
        summary = train_and_save(
            task=task,
            mode=mode,
            config=config,
            data=data,
            evaluate=evaluate,
            evaluated_on=evaluated_on,
            data_dir=data_dir(),
        )
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
