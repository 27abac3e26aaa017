"""`lantoa plans-compliance --parent CODE [--year Y] [--json] [--output FILE.xlsx|.docx]`.

Which children of an organisation have issued their communication plan for a year, on time or
late; the same board as the page, for reports and scripts.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lantoa.accounts.models import Organization
from lantoa.plans.exports import board_docx, board_title, board_xlsx
from lantoa.plans.labels import count_label
from lantoa.plans.queries import compliance_board

WRITERS = {".xlsx": board_xlsx, ".docx": board_docx}


class Command(BaseCommand):
    help = "Tình hình ban hành kế hoạch truyền thông của các đơn vị trực thuộc một tổ chức."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--parent", required=True, help="Mã tổ chức cấp trên.")
        parser.add_argument(
            "--year", type=int, default=None, help="Năm kế hoạch (mặc định: năm nay)."
        )
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        parser.add_argument("--output", help="Ghi báo cáo ra tệp .xlsx hoặc .docx.")

    def handle(self, *args: Any, **options: Any) -> None:
        parent = Organization.objects.filter(code=options["parent"]).first()
        if parent is None:
            raise CommandError(f"Không có tổ chức mã “{options['parent']}”.")
        year = options["year"] or timezone.localdate().year
        if not 2000 <= year <= 2100:
            raise CommandError("Năm phải từ 2000 đến 2100.")
        board = compliance_board(parent, year)
        if options["output"]:
            self._write(Path(options["output"]), board)
        if options["json"]:
            self.stdout.write(json.dumps(_as_json(board), ensure_ascii=False))
            return
        self.stdout.write(board_title(board))
        for count in board.counts:
            self.stdout.write(
                f"{count_label(count)}: {count.on_time} đúng hạn, {count.late} quá hạn"
            )

    def _write(self, path: Path, board: Any) -> None:
        writer = WRITERS.get(path.suffix.lower())
        if writer is None:
            raise CommandError("Tệp báo cáo phải có đuôi .xlsx hoặc .docx.")
        if not path.parent.exists():
            raise CommandError(f"Thư mục không tồn tại: {path.parent}")
        path.write_bytes(writer(board))
        self.stderr.write(f"Đã ghi báo cáo vào {path}.")


def _as_json(board: Any) -> dict[str, Any]:
    return {
        "parent": board.parent_name,
        "year": board.year,
        "deadline": board.deadline.isoformat(),
        "counts": [
            {
                "type": c.organization_type,
                "issued": c.issued,
                "total": c.total,
                "on_time": c.on_time,
                "late": c.late,
            }
            for c in board.counts
        ],
        "rows": [
            {
                "organization": r.child.organization_name,
                "type": r.child.organization_type,
                "status": r.child.plan_status,
                "document_number": r.child.document_number,
                "document_date": r.child.document_date.isoformat()
                if r.child.document_date
                else None,
                "on_time": r.on_time,
            }
            for r in board.rows
        ],
    }
