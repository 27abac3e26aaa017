"""``lantoa train TASK --data PATH [--eval PATH] [--mode fast|accurate] [--with-corrections]``."""

import json
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.evaluation import evaluate_predictions
from lantoa.analysis.management.commands._options import add_task_argument, data_dir, read_labelled
from lantoa.analysis.queries import correction_examples
from lantoa.analysis.recipes import MODES, POSITIVE_LABEL, config_for
from lantoa.analysis.training import model_path, save_model, train_classifier


class Command(BaseCommand):
    help = "Train a classifier for one task from a labelled JSONL/CSV file (text, label)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_task_argument(parser)
        parser.add_argument("--data", required=True, help="labelled training file")
        parser.add_argument("--eval", help="labelled file to evaluate on; stored in the card")
        parser.add_argument("--mode", choices=MODES, default="fast")
        parser.add_argument(
            "--with-corrections",
            action="store_true",
            help="also learn from the labels officers corrected in the web interface",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        task, mode = options["task"], options["mode"]
        train = read_labelled(options["data"])
        texts, labels = list(train.texts), list(train.labels)
        corrected_texts, corrected_labels = (
            correction_examples(task) if options["with_corrections"] else ([], [])
        )
        started = time.perf_counter()
        try:
            model = train_classifier(
                task=task,
                texts=texts + corrected_texts,
                labels=labels + corrected_labels,
                config=config_for(task, mode),
            )
        except ValueError as error:
            raise CommandError(f"{options['data']}: {error}") from error
        card: dict[str, object] = {
            "mode": mode,
            "trained_on": options["data"],
            "n_train": len(train),
            "n_corrections": len(corrected_texts),
            "train_seconds": round(time.perf_counter() - started, 1),
        }
        if options["eval"]:
            held_out = read_labelled(options["eval"])
            report = evaluate_predictions(
                y_true=held_out.labels,
                probabilities=model.predict_texts(held_out.texts),
                labels=model.labels,
                positive_label=POSITIVE_LABEL.get(task),
            )
            card["evaluation"] = {"data": options["eval"], **report.to_dict()}
        path = save_model(model, model_path(data_dir(), task, model.version), card=card)
        self.stdout.write(json.dumps({"model": str(path), **card}, ensure_ascii=False))
