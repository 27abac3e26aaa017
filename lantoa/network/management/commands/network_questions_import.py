"""`lantoa network-questions-import --owner CODE FILE.eml...`: register forwarded questions."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.accounts.models import Organization
from lantoa.network.actions.questions import receive_question_mail


class Command(BaseCommand):
    help = (
        "Đọc thư chuyển tiếp (.eml) chứa câu hỏi của nhà báo và ghi thành câu hỏi; "
        "người gửi chưa có trong danh bạ nhà báo thì câu hỏi chờ cán bộ xem xét."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="tệp thư .eml (nội dung thô)")
        parser.add_argument(
            "--owner", required=True, help="mã cơ quan được hỏi (chủ hộp thư báo chí)"
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        owner = Organization.objects.filter(code=options["owner"]).first()
        if owner is None:
            raise CommandError(f"Không có cơ quan mã: {options['owner']}")
        paths = [Path(name) for name in options["files"]]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"Không tìm thấy tệp: {path}")
        counts = {"registered": 0, "held": 0, "duplicate": 0}
        ids = []
        for path in paths:
            outcome = receive_question_mail(owner, path.read_bytes())
            counts[outcome.outcome] += 1
            ids.append(outcome.question_id)
        if options["json"]:
            self.stdout.write(json.dumps({**counts, "question_ids": ids}))
        else:
            self.stdout.write(
                f"Đã ghi: {counts['registered']}, chờ xem xét: {counts['held']}, "
                f"đã có từ trước: {counts['duplicate']}"
            )
