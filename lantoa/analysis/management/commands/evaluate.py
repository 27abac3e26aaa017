"""``lantoa evaluate TASK --data PATH [--model PATH] [--json]``: score a model on labelled data.

With ``--json`` the last line printed is one JSON object (accuracy, macro_f1, weighted_f1,
per_class, n, confusion, ece, and roc_auc for two-class tasks).
"""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.evaluation import evaluate_predictions
from lantoa.analysis.management.commands._options import add_task_argument, data_dir, read_labelled
from lantoa.analysis.recipes import POSITIVE_LABEL
from lantoa.analysis.registry import latest_model_path
from lantoa.analysis.training import load_model


class Command(BaseCommand):
    help = "Evaluate a trained classifier on a labelled JSONL/CSV file."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_task_argument(parser)
        parser.add_argument("--data", required=True, help="labelled evaluation file")
        parser.add_argument("--model", help="model file (default: newest fast model of TASK)")
        parser.add_argument("--json", action="store_true", help="end with one JSON line")

    def handle(self, *args: Any, **options: Any) -> None:
        task = options["task"]
        path = Path(options["model"]) if options["model"] else latest_model_path(data_dir(), task)
        if path is None or not path.is_file():
            raise CommandError(f"no model for {task}: train one with 'lantoa train {task}'")
        try:
            model = load_model(path)
        except (OSError, ValueError, EOFError) as error:
            raise CommandError(f"{path}: cannot load model ({error})") from error
        data = read_labelled(options["data"])
        report = evaluate_predictions(
            y_true=data.labels,
            probabilities=model.predict_texts(data.texts),
            labels=model.labels,
            positive_label=POSITIVE_LABEL.get(task),
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False))
            return
        self.stdout.write(f"{model.model_version} on {options['data']} (n={report.n})")
        self.stdout.write(f"accuracy {report.accuracy:.4f}  macro-F1 {report.macro_f1:.4f}")
        self.stdout.write(f"weighted-F1 {report.weighted_f1:.4f}  ECE {report.ece:.4f}")
        if report.roc_auc is not None:
            self.stdout.write(f"ROC-AUC {report.roc_auc:.4f}")
        for label, score in report.per_class.items():
            self.stdout.write(f"  F1 {label}: {score:.4f}")
