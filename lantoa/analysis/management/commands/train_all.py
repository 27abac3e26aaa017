"""``lantoa train-all --datasets DIR``: build every production model from the public datasets.

For each task and mode: train on the dataset's train (+dev) split, evaluate on its official
test split, and save model + card (with that evaluation) under the data directory.
"""

import json
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.datasets import DatasetError
from lantoa.analysis.evaluation import evaluate_predictions
from lantoa.analysis.management.commands._options import data_dir
from lantoa.analysis.recipes import (
    ACCURATE_TASKS,
    MODES,
    POSITIVE_LABEL,
    config_for,
    public_benchmark,
)
from lantoa.analysis.training import TASKS, model_path, save_model, train_classifier


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
            try:
                benchmark = public_benchmark(task, root)
            except DatasetError as error:
                raise CommandError(f"{task}: {error}") from error
            for mode in options["modes"]:
                if mode == "fast" or task in ACCURATE_TASKS:
                    self._train_one(task, mode, benchmark)

    def _train_one(self, task: str, mode: str, benchmark: Any) -> None:
        started = time.perf_counter()
        model = train_classifier(
            task=task,
            texts=benchmark.train.texts,
            labels=benchmark.train.labels,
            config=config_for(task, mode),
            version=f"{time.strftime('%Y%m%dT%H%M%S')}-{mode}",
        )
        seconds = round(time.perf_counter() - started, 1)
        report = evaluate_predictions(
            y_true=benchmark.test.labels,
            probabilities=model.predict_texts(benchmark.test.texts),
            labels=model.labels,
            positive_label=POSITIVE_LABEL.get(task),
        )
        card = {
            "mode": mode,
            "trained_on": f"{benchmark.dataset} train",
            "n_train": len(benchmark.train),
            "train_seconds": seconds,
            "evaluation": {"data": f"{benchmark.dataset} test", **report.to_dict()},
        }
        path = save_model(model, model_path(data_dir(), task, model.version), card=card)
        summary = {"task": task, "mode": mode, "model": str(path), "macro_f1": report.macro_f1}
        self.stdout.write(json.dumps(summary | {"accuracy": report.accuracy}, ensure_ascii=False))
