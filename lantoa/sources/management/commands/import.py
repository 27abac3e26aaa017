"""`lantoa import FILE [--platform P] [--source ID] [--owner CODE] [--json]`."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.accounts.models import Organization
from lantoa.accounts.setup import GOVERNMENT_CODE
from lantoa.core.database import require_migrated
from lantoa.sources.importing import file_source_for, import_file
from lantoa.sources.management.commands.poll import run_record
from lantoa.sources.models import Source, SourceKind


class Command(BaseCommand):
    help = "Nhập tệp dữ liệu mạng xã hội (JSONL hoặc CSV theo lược đồ trong README)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Đường dẫn tệp .jsonl, .csv (có thể nén .gz).")
        parser.add_argument(
            "--platform", help="facebook, youtube, tiktok, zalo… (nếu tệp không ghi)."
        )
        parser.add_argument("--source", type=int, help="Nguồn tệp đích (mặc định: theo nền tảng).")
        parser.add_argument("--owner", default=GOVERNMENT_CODE, help="Mã đơn vị sở hữu nguồn.")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        require_migrated()
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        source = self._source(options)
        run = import_file(source, path, platform=options["platform"])
        if options["json"]:
            self.stdout.write(json.dumps(run_record(run), ensure_ascii=False))
        else:
            self.stdout.write(
                f"{path.name}: lưu {run.stored}, trùng {run.duplicate}, loại {run.rejected}. "
                f"{run.message}".strip()
            )
            for sample in run.samples:
                self.stdout.write(f"  - {sample}")
        if run.outcome not in {"ok", "not_modified"}:
            raise CommandError(run.message or "Không đọc được tệp.")

    def _source(self, options: dict[str, Any]) -> Source:
        if options["source"] is not None:
            source = Source.objects.filter(pk=options["source"], kind=SourceKind.FILE).first()
            if source is None:
                raise CommandError(f"Không có nguồn tệp #{options['source']}.")
            return source
        owner = Organization.objects.filter(code=options["owner"]).first()
        if owner is None:
            raise CommandError(f"Không có đơn vị mã {options['owner']!r}.")
        return file_source_for(owner, options["platform"])
