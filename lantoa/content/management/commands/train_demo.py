"""``lantoa train-demo [--items N] [--force]``: sentiment and field models from the demo corpus.

A fresh install has no labelled data, so ``make demo`` runs this before ``seed-demo``: the demo
items are then labelled by trained models (version ``…-demo-fast``), not only the lexicon. A task
that already has a model (say from ``make models``) keeps it unless ``--force`` is given. Each
task prints one JSON line, as ``train-all`` does.
"""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lantoa.analysis.production import on_held_out, train_and_save
from lantoa.analysis.recipes import POLICY_SENTIMENT, config_for
from lantoa.analysis.registry import latest_model_path
from lantoa.analysis.storing import reload_models
from lantoa.content.demo.labelled import DEMO_TASKS, demo_labelled

# The held-out items come from another seed than the training ones, and than seed-demo's (7).
_TRAIN_SEED, _HELD_OUT_SEED = 101, 202
# The demo texts are public-affairs news and posts: stance as the policy recipe learns it.
_CONFIGS = {"sentiment": POLICY_SENTIMENT["fast"], "field": config_for("field", "fast")}


class Command(BaseCommand):
    help = (
        "Huấn luyện mô hình cảm xúc và lĩnh vực từ dữ liệu mẫu (cho bản cài mới chưa có mô hình)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--items", type=int, default=3000, help="Số tin bài mẫu để học (mặc định 3000)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Huấn luyện lại cả khi đã có mô hình."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["items"] < 20:
            raise CommandError("--items phải ≥ 20.")
        data_dir = Path(settings.LANTOA_DATA_DIR)
        kept = {task: latest_model_path(data_dir, task, "fast") for task in DEMO_TASKS}
        if options["force"]:
            kept = dict.fromkeys(DEMO_TASKS)
        if None in kept.values():  # generate the corpus only when something is to be learnt
            end = timezone.localdate() - timedelta(days=1)
            train = demo_labelled(seed=_TRAIN_SEED, count=options["items"], end=end)
            held_out = demo_labelled(seed=_HELD_OUT_SEED, count=options["items"] // 4, end=end)
        for task in DEMO_TASKS:
            existing = kept[task]
            if existing is not None:
                summary: dict[str, object] = {"task": task, "mode": "fast", "kept": str(existing)}
            else:
                summary = train_and_save(
                    task=task,
                    mode="fast",
                    config=_CONFIGS[task],
                    data=train[task],
                    evaluate=on_held_out(task, held_out[task]),
                    evaluated_on="demo corpus, held-out seed",
                    data_dir=data_dir,
                    origin="demo",
                )
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        reload_models()
