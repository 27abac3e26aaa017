"""``report weekly``: write one topic's weekly report (DOCX or PDF) to a file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.monitoring import weekly
from lantoa.monitoring.models import Topic
from lantoa.monitoring.report_font import ReportFontMissing


class Command(BaseCommand):
    help = (
        "Báo cáo định kỳ. 'report weekly --topic ID [--week YYYY-Www] --format docx|pdf "
        "--output FILE' ghi báo cáo tuần của một chủ đề (mặc định: tuần vừa kết thúc)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["weekly"], help="loại báo cáo (weekly: báo cáo tuần)")
        parser.add_argument("--topic", required=True, type=int, help="mã chủ đề")
        parser.add_argument("--week", default="", help="tuần ISO, ví dụ 2025-W07")
        parser.add_argument("--format", required=True, choices=["docx", "pdf"], dest="fmt")
        parser.add_argument("--output", required=True, type=Path, help="tệp cần ghi")

    def handle(self, *args: Any, **options: Any) -> None:
        topic = Topic.objects.select_related("owner").filter(pk=options["topic"]).first()
        if topic is None:
            raise CommandError(f"Không có chủ đề mã {options['topic']}.")
        try:
            monday = weekly.parse_week(options["week"]) if options["week"] else weekly.due_week()
        except ValueError as invalid:
            raise CommandError(str(invalid)) from None
        from lantoa.monitoring.report_render import render_docx, render_pdf

        data = weekly.build_weekly_report(topic, monday)
        try:
            content = render_pdf(data) if options["fmt"] == "pdf" else render_docx(data)
        except ReportFontMissing as missing:
            raise CommandError(str(missing)) from None
        output: Path = options["output"]
        try:
            output.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {output}: {error.strerror}") from None
        self.stdout.write(
            f"Đã ghi báo cáo tuần {data.week} của chủ đề “{topic.name}” vào {output} "
            f"({len(content)} byte)."
        )
