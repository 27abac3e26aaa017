"""``index-items``: index, tag and count every stored item (makes existing items searchable)."""

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lantoa.content.models import Item
from lantoa.monitoring.pipeline import process_new_items

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Đánh chỉ mục tìm kiếm, gắn chủ đề và cập nhật bộ đếm cho mọi tin bài đã lưu "
        "(chạy lại an toàn: không đếm trùng)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        done, last = 0, 0
        while True:
            batch = list(
                Item.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH]
            )
            if not batch:
                break
            process_new_items(batch)
            done += len(batch)
            last = batch[-1]
            if not options["json"] and options["verbosity"] > 1:
                self.stdout.write(f"{done} tin bài…")
        seconds = round(time.perf_counter() - started, 2)
        if options["json"]:
            self.stdout.write(json.dumps({"items": done, "seconds": seconds}))
        else:
            self.stdout.write(f"Đã xử lý {done} tin bài trong {seconds} giây.")
