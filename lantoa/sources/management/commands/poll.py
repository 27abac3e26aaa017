"""`lantoa poll [--once] [--source ID] [--json]`: read due sources (a new source is due at once)."""

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.core.database import require_migrated
from lantoa.sources.models import PollRun, Source
from lantoa.sources.polling import due_source_ids, poll_source
from lantoa.sources.tasks import shared_fetcher


def run_record(run: PollRun) -> dict[str, Any]:
    return {
        "source_id": run.source_id,
        "outcome": run.outcome,
        "message": run.message,
        "stored": run.stored,
        "duplicate": run.duplicate,
        "rejected": run.rejected,
        "failed": run.failed,
        "rejections": run.rejections,
    }


class Command(BaseCommand):
    help = "Quét các nguồn đến hạn. --once: quét một lượt rồi thoát; không có: quét liên tục."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Quét một lượt rồi thoát.")
        parser.add_argument("--source", type=int, help="Chỉ quét nguồn này (kể cả chưa đến hạn).")
        parser.add_argument("--json", action="store_true", help="Mỗi lượt quét một dòng JSON.")
        parser.add_argument("--sleep", type=float, default=30.0, help="Nghỉ giữa các lượt (giây).")

    def handle(self, *args: Any, **options: Any) -> None:
        require_migrated()
        if options["source"] is not None:
            if not Source.objects.filter(pk=options["source"]).exists():
                raise CommandError(f"Không có nguồn #{options['source']}.")
            self._poll([options["source"]], options["json"])
            return
        while True:
            self._poll(due_source_ids(), options["json"])
            if options["once"]:
                return
            time.sleep(options["sleep"])

    def _poll(self, source_ids: list[int], as_json: bool) -> None:
        for source_id in source_ids:
            run = poll_source(source_id, fetcher=shared_fetcher())
            if run is None:
                self.stderr.write(f"Nguồn #{source_id} đang được quét ở nơi khác hoặc đã tạm dừng.")
            elif as_json:
                self.stdout.write(json.dumps(run_record(run), ensure_ascii=False))
            else:
                self.stdout.write(
                    f"#{source_id} {run.get_outcome_display()}: lưu {run.stored}, trùng {run.duplicate}, "
                    f"loại {run.rejected}, lỗi {run.failed}. {run.message}".strip()
                )
