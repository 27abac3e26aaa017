"""`lantoa seed-demo [--items N] [--seed S] [--end YYYY-MM-DD] [--json]`."""

import json
import time
from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lantoa.content.seeding import seed_demo
from lantoa.core.database import require_migrated


class Command(BaseCommand):
    help = "Sinh bộ dữ liệu mẫu (có nhãn [Mẫu]) về một số chính sách trong khoảng 90 ngày."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--items", type=int, default=5000, help="Số tin bài mẫu (mặc định 5000)."
        )
        parser.add_argument(
            "--seed", type=int, default=7, help="Hạt giống ngẫu nhiên (mặc định 7)."
        )
        parser.add_argument(
            "--end",
            help="Ngày cuối của dữ liệu, YYYY-MM-DD (mặc định: hôm qua, để không có tin ở tương lai).",
        )
        parser.add_argument("--days", type=int, default=90, help="Số ngày dữ liệu (mặc định 90).")
        parser.add_argument(
            "--no-process",
            action="store_true",
            help="Không phân tích và đánh chỉ mục (nhanh hơn, dùng cho đo hiệu năng lưu trữ).",
        )
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["items"] < 0 or options["days"] < 1:
            raise CommandError("--items phải ≥ 0 và --days phải ≥ 1.")
        try:
            end = (
                date.fromisoformat(options["end"])
                if options["end"]
                else timezone.localdate() - timedelta(days=1)
            )
        except ValueError:
            raise CommandError(
                f"--end không phải ngày hợp lệ (YYYY-MM-DD): {options['end']!r}"
            ) from None
        require_migrated()
        started = time.perf_counter()
        report = seed_demo(
            items=options["items"],
            seed=options["seed"],
            end=end,
            days=options["days"],
            process=not options["no_process"],
        )
        elapsed = time.perf_counter() - started
        result = {
            "sources": report.sources,
            "items_created": report.created,
            "items_total": report.items_after,
            "seconds": round(elapsed, 2),
            "items_per_second": round(report.created / elapsed, 1) if elapsed else None,
        }
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            self.stdout.write(
                f"Dữ liệu mẫu: {report.sources} nguồn, thêm {report.created} tin bài "
                f"(tổng {report.items_after}) trong {elapsed:.1f} giây."
            )
