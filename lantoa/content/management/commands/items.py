"""`lantoa items export --format jsonl|csv [--output FILE]`: stream every item, oldest id first."""

from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from lantoa.content.export import iterate, write_csv, write_jsonl
from lantoa.content.models import Item

WRITERS = {"jsonl": write_jsonl, "csv": write_csv}


class Command(BaseCommand):
    help = "Thao tác với tin bài. Lệnh con: export."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="action", required=True)
        export = subcommands.add_parser("export", help="Xuất toàn bộ tin bài.")
        export.add_argument("--format", choices=sorted(WRITERS), default="jsonl")
        export.add_argument("--output", help="Tệp đích (mặc định: đầu ra chuẩn).")
        export.add_argument("--source", type=int, help="Chỉ xuất tin của nguồn này.")

    def handle(self, *args: Any, **options: Any) -> None:
        items = Item.objects.all()
        if options["source"] is not None:
            items = items.filter(source_id=options["source"])
        output = options["output"]
        if output and not Path(output).parent.exists():
            raise CommandError(f"Thư mục không tồn tại: {Path(output).parent}")
        self.stdout.ending = ""
        with _open_output(output, fallback=self.stdout) as out, closing(iterate(items)) as rows:
            count = WRITERS[options["format"]](rows, out)
        if output:
            self.stderr.write(f"Đã xuất {count} tin bài vào {output}.")


@contextmanager
def _open_output(path: str | None, *, fallback: OutputWrapper) -> Iterator[IO[str] | OutputWrapper]:
    if not path:
        yield fallback
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out
