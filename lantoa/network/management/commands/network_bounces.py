"""`lantoa network-bounces FILE...`: read bounce e-mails (DSN) and mark their deliveries."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.network.actions.distribution import record_bounce


class Command(BaseCommand):
    help = "Đọc thư báo trả lại (DSN) và đánh dấu các lượt gửi bị trả lại."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="tệp thư .eml (nội dung thô)")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = {"bounced": 0, "ignored": 0, "unmatched": 0}
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"Không tìm thấy tệp: {name}")
            counts[record_bounce(path.read_bytes()).outcome] += 1
        if options["json"]:
            self.stdout.write(json.dumps(counts))
        else:
            self.stdout.write(
                f"Bị trả lại: {counts['bounced']}, bỏ qua: {counts['ignored']}, "
                f"không khớp lượt gửi nào: {counts['unmatched']}"
            )
