"""The ``lantoa`` command: a thin layer over Django management commands.

``lantoa seed-demo --items 10`` runs ``manage.py seed_demo --items 10``; dashes become underscores.
Configuration errors are printed as one clear line with exit status 2, never a traceback.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured

USAGE = """Cách dùng: lantoa LỆNH [tùy chọn]

Lệnh thường dùng:
  migrate                 tạo/cập nhật cơ sở dữ liệu và dữ liệu tham chiếu
  run                     chạy máy chủ web cùng tác vụ nền trong tiến trình
  seed-demo               sinh dữ liệu mẫu (--items N, --seed S)
  createadmin             tạo tài khoản quản trị
  items export            xuất tin bài (--format jsonl|csv)

Mỗi lệnh có --help. Tài liệu đầy đủ: README.md.
"""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
    command = args[0].replace("-", "_")
    try:
        import django
        from django.core.management import execute_from_command_line

        django.setup()
        execute_from_command_line(["lantoa", command, *args[1:]])
    except ImproperlyConfigured as error:
        print(f"lantoa: cấu hình không hợp lệ: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
