"""`lantoa sources add|list|pause|resume`."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.accounts.models import Organization
from lantoa.accounts.setup import GOVERNMENT_CODE
from lantoa.core.database import require_migrated
from lantoa.sources.actions import SourceInput, add_source
from lantoa.sources.models import Source, SourceKind, SourceStatus

KINDS = [SourceKind.RSS, SourceKind.SITE, SourceKind.URL, SourceKind.FILE, SourceKind.PUSH]


def source_record(source: Source) -> dict[str, Any]:
    return {
        "id": source.pk,
        "name": source.name,
        "kind": source.kind,
        "url": source.url,
        "owner": source.owner.code,
        "status": source.status,
        "interval_minutes": source.interval_minutes,
        "next_poll_at": source.next_poll_at.isoformat() if source.next_poll_at else None,
        "last_success_at": source.last_success_at.isoformat() if source.last_success_at else None,
        "consecutive_failures": source.consecutive_failures,
        "last_error": source.last_error,
        "items_stored": source.items_stored,
        "items_duplicate": source.items_duplicate,
        "items_rejected": source.items_rejected,
        "items_failed": source.items_failed,
    }


class Command(BaseCommand):
    help = "Quản lý nguồn tin. Lệnh con: add, list, pause, resume."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Thêm nguồn tin.")
        add.add_argument("--kind", required=True, choices=[k.value for k in KINDS])
        add.add_argument(
            "--url", required=True, help="Địa chỉ RSS/trang/bài, hoặc tên kênh (file, push)."
        )
        add.add_argument("--name", help="Tên hiển thị (mặc định: địa chỉ).")
        add.add_argument(
            "--interval", type=int, default=30, help="Chu kỳ quét, phút (mặc định 30)."
        )
        add.add_argument("--owner", default=GOVERNMENT_CODE, help="Mã đơn vị sở hữu.")
        add.add_argument("--shared", action="store_true", help="Cho mọi đơn vị cùng xem.")
        add.add_argument("--pattern", action="append", default=[], help="Mẫu URL bài viết (site).")
        add.add_argument(
            "--platform", help="Nền tảng (file, push): facebook, youtube, tiktok, zalo…"
        )
        add.add_argument("--json", action="store_true")
        listing = sub.add_parser("list", help="Liệt kê nguồn tin.")
        listing.add_argument("--json", action="store_true")
        for name in ("pause", "resume"):
            command = sub.add_parser(name, help="Tạm dừng / tiếp tục một nguồn.")
            command.add_argument("source_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        require_migrated()
        getattr(self, f"_{options['action']}")(options)

    def _add(self, options: dict[str, Any]) -> None:
        owner = Organization.objects.filter(code=options["owner"]).first()
        if owner is None:
            raise CommandError(
                f"Không có đơn vị mã {options['owner']!r} (xem: lantoa organizations)."
            )
        spec = SourceInput(
            kind=SourceKind(options["kind"]),
            url=options["url"],
            name=options["name"] or "",
            interval_minutes=options["interval"],
            is_shared=options["shared"],
            url_patterns=tuple(options["pattern"]),
            platform=options["platform"],
        )
        try:
            source = add_source(None, owner, spec)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(source_record(source), ensure_ascii=False))
        else:
            self.stdout.write(f"Đã thêm nguồn #{source.pk}: {source.name} ({source.kind}).")

    def _list(self, options: dict[str, Any]) -> None:
        sources = Source.objects.select_related("owner").order_by("pk")
        if options["json"]:
            self.stdout.write(json.dumps([source_record(s) for s in sources], ensure_ascii=False))
            return
        for s in sources:
            health = s.last_error.splitlines()[0] if s.last_error else "ổn"
            self.stdout.write(
                f"#{s.pk}\t{s.kind}\t{s.get_status_display()}\t{s.items_stored} tin\t{s.name}\t{health}"
            )

    def _pause(self, options: dict[str, Any]) -> None:
        self._set_status(options["source_id"], SourceStatus.PAUSED)

    def _resume(self, options: dict[str, Any]) -> None:
        self._set_status(options["source_id"], SourceStatus.ACTIVE)

    def _set_status(self, source_id: int, status: SourceStatus) -> None:
        updated = Source.objects.filter(pk=source_id).update(
            status=status, consecutive_failures=0, claimed_until=None
        )
        if not updated:
            raise CommandError(f"Không có nguồn #{source_id}.")
        self.stdout.write(f"Nguồn #{source_id}: {status.label}.")
