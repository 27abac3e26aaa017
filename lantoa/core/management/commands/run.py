"""`lantoa run`: the web server plus the in-process scheduler (the embedded default)."""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from lantoa.core.scheduler import start_in_process_scheduler


class Command(BaseCommand):
    help = "Chạy máy chủ web và các tác vụ định kỳ trong cùng tiến trình."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Không chạy tác vụ định kỳ trong tiến trình.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_scheduler"] and not settings.CELERY_BROKER_URL:
            start_in_process_scheduler()
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("runserver", options["addrport"], use_reloader=False, use_threading=True)
