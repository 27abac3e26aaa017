"""``report weekly|summary``: write a weekly report (DOCX, PDF or XLSX) to a file.

- ``report weekly --topic ID``: one topic's weekly report, as the topic page offers it.
- ``report summary --user USERNAME``: the agency's weekly summary as that user sees it (their
  organisation and those below it; everything for a central administrator).
"""

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.accounts.models import User
from lantoa.core.documents import CONTENT_TYPES
from lantoa.core.report_font import ReportFontMissing
from lantoa.monitoring import weekly
from lantoa.monitoring.models import Topic


class Command(BaseCommand):
    help = (
        "Báo cáo định kỳ (mặc định: tuần vừa kết thúc). 'report weekly --topic ID' ghi báo cáo "
        "tuần của một chủ đề; 'report summary --user TÊN' ghi báo cáo tuần tổng hợp của cơ quan "
        "theo phạm vi của người dùng đó."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        topic = kinds.add_parser("weekly", help="báo cáo tuần của một chủ đề")
        topic.add_argument("--topic", required=True, type=int, help="mã chủ đề")
        summary = kinds.add_parser("summary", help="báo cáo tuần tổng hợp của cơ quan")
        summary.add_argument("--user", required=True, help="tên đăng nhập của người đọc")
        for kind in (topic, summary):
            kind.add_argument("--week", default="", help="tuần ISO, ví dụ 2025-W07")
            kind.add_argument("--format", required=True, choices=sorted(CONTENT_TYPES), dest="fmt")
            kind.add_argument("--output", required=True, type=Path, help="tệp cần ghi")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            monday = weekly.parse_week(options["week"]) if options["week"] else weekly.due_week()
        except ValueError as invalid:
            raise CommandError(str(invalid)) from None
        render = self._summary if options["kind"] == "summary" else self._topic
        try:
            content, described = render(options, monday)
        except ReportFontMissing as missing:
            raise CommandError(str(missing)) from None
        output: Path = options["output"]
        try:
            output.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {output}: {error.strerror}") from None
        self.stdout.write(f"Đã ghi {described} vào {output} ({len(content)} byte).")

    def _topic(self, options: dict[str, Any], monday: date) -> tuple[bytes, str]:
        from lantoa.monitoring.report_render import render_report

        topic = Topic.objects.select_related("owner").filter(pk=options["topic"]).first()
        if topic is None:
            raise CommandError(f"Không có chủ đề mã {options['topic']}.")
        data = weekly.build_weekly_report(topic, monday)
        described = f"báo cáo tuần {data.week} của chủ đề “{topic.name}”"
        return render_report(options["fmt"], data), described

    def _summary(self, options: dict[str, Any], monday: date) -> tuple[bytes, str]:
        from lantoa.reports.render import render_summary
        from lantoa.reports.summary import build_summary

        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Không có người dùng đang hoạt động tên {options['user']}.")
        data = build_summary(user, monday)
        described = f"báo cáo tuần tổng hợp {data.week} ({data.scope})"
        return render_summary(options["fmt"], data), described
