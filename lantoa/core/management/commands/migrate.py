"""Django's migrate, followed by the reference data every installation needs (roles, bodies)."""

from typing import Any

from django.core.management.commands.migrate import Command as DjangoMigrate

from lantoa.accounts.setup import load_reference_data


class Command(DjangoMigrate):
    help = "Tạo/cập nhật cơ sở dữ liệu, rồi nạp vai trò và danh mục cơ quan nhà nước."

    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        if options.get("plan") or options.get("check_unapplied") or options.get("prune"):
            return
        count = load_reference_data()
        if options["verbosity"]:
            self.stdout.write(f"Dữ liệu tham chiếu: {count} tổ chức.")
