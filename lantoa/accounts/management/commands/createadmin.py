"""`lantoa createadmin`: create or reset an administrator and print the credentials once."""

import json
import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from lantoa.accounts.models import ApiToken, Organization, Role, User
from lantoa.accounts.roles import ensure_roles
from lantoa.accounts.setup import GOVERNMENT_CODE


class Command(BaseCommand):
    help = "Tạo (hoặc đặt lại mật khẩu) tài khoản quản trị hệ thống và in thông tin đăng nhập."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", help="Mặc định: sinh ngẫu nhiên.")
        parser.add_argument("--email", default="")
        parser.add_argument("--token", action="store_true", help="Cấp thêm một khóa API.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        if not username:
            raise CommandError("Tên đăng nhập không được để trống.")
        password = options["password"] or secrets.token_urlsafe(12)
        ensure_roles()
        user, created = User.objects.get_or_create(username=username)
        user.email = options["email"] or user.email
        user.is_staff = user.is_superuser = user.is_active = True
        user.organization = Organization.objects.filter(code=GOVERNMENT_CODE).first()
        user.set_password(password)
        user.save()
        user.groups.add(*_groups(Role.ADMINISTRATOR))
        result: dict[str, object] = {"username": username, "password": password, "created": created}
        if options["token"]:
            result["api_token"] = ApiToken.issue(user, "createadmin")[1]
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self.stdout.write(f"Tài khoản quản trị: {username}")
        self.stdout.write(f"Mật khẩu: {password}")
        if "api_token" in result:
            self.stdout.write(f"Khóa API: {result['api_token']}")


def _groups(role: Role) -> list[Any]:
    from django.contrib.auth.models import Group

    return [Group.objects.get(name=role.value)]
