"""``lantoa analyze --data PATH --json [--mode fast|accurate]``: one JSON line per input text.

Input: JSONL/CSV with a ``text`` field, or a .txt file with one text per line. Output lines
are in input order with sentiment, toxicity, field and reliability as {"label", "score"}.
"""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.analysis.datasets import DatasetError, load_texts
from lantoa.analysis.management.commands._options import data_dir
from lantoa.analysis.pipeline import Analysis, analyze_batch
from lantoa.analysis.recipes import MODES
from lantoa.analysis.registry import load_model_set
from lantoa.analysis.training import TASKS

_BATCH = 2048


def _as_json(analysis: Analysis) -> dict[str, object]:
    record: dict[str, object] = {
        task: {"label": label.label, "score": round(label.score, 4)}
        for task, label in ((task, getattr(analysis, task)) for task in TASKS)
    }
    record.update(
        language=analysis.language,
        keywords=list(analysis.keywords),
        entities=[
            {"kind": e.kind, "name": e.name, "surface": e.surface} for e in analysis.entities
        ],
        model_version=analysis.model_version,
    )
    return record


class Command(BaseCommand):
    help = "Analyse texts with the installed models (lexicon defaults where none is trained)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--data", required=True, help="JSONL/CSV (text field) or .txt file")
        parser.add_argument("--json", action="store_true", help="JSON lines (the only format)")
        parser.add_argument("--mode", choices=MODES, default="accurate")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            texts = load_texts(Path(options["data"]))
        except DatasetError as error:
            raise CommandError(str(error)) from error
        models = load_model_set(data_dir())
        for start in range(0, len(texts), _BATCH):
            batch = texts[start : start + _BATCH]
            for analysis in analyze_batch(batch, mode=options["mode"], models=models):
                self.stdout.write(json.dumps(_as_json(analysis), ensure_ascii=False))
