"""``search "QUERY" [--json] [--limit N]``: the search page's answer on the command line."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lantoa.content.models import Item
from lantoa.monitoring import search_index
from lantoa.monitoring.actions import check_query
from lantoa.monitoring.query import QueryError


class Command(BaseCommand):
    help = "Tìm tin bài bằng ngôn ngữ truy vấn của chủ đề (mọi tin bài, mới nhất trước)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", help='truy vấn, ví dụ: "chuyển đổi số" NOT quảng cáo')
        parser.add_argument("--limit", type=int, default=20, help="số kết quả tối đa (0: tất cả)")
        parser.add_argument("--exact", action="store_true", help="giữ nguyên dấu")
        parser.add_argument("--json", action="store_true", help="in JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["limit"] < 0:
            raise CommandError("--limit phải lớn hơn hoặc bằng 0.")
        try:
            query = check_query(options["query"], exact=options["exact"])
        except QueryError as error:
            raise CommandError(error.message) from None
        found = search_index.matching(Item.objects.all(), query).order_by("-published_at", "-id")
        total = found.count()
        if options["limit"]:
            found = found[: options["limit"]]
        rows = [
            {
                "id": pk,
                "title": title,
                "published": timezone.localtime(published).isoformat() if published else None,
                "source": source,
            }
            for pk, title, published, source in found.values_list(
                "pk", "title", "published_at", "source__name"
            )
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"count": total, "items": rows}, ensure_ascii=False))
            return
        self.stdout.write(f"{total} kết quả")
        for row in rows:
            self.stdout.write(
                f"{row['id']}\t{row['published'] or ''}\t{row['source']}\t{row['title']}"
            )
