"""`lantoa network-coverage [--release ID]`: link ingested items that carried each release."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.network.actions.coverage import find_coverage
from lantoa.network.models import Release, ReleaseStatus


class Command(BaseCommand):
    help = "Tìm các tin bài đã đăng lại hoặc dẫn thông cáo báo chí."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--release", type=int)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        releases = Release.objects.filter(status=ReleaseStatus.APPROVED)
        if options["release"] is not None:
            releases = releases.filter(pk=options["release"])
            if not releases.exists():
                raise CommandError(f"Không có thông cáo đã duyệt số {options['release']}.")
        found = {release.pk: find_coverage(release) for release in releases}
        if options["json"]:
            self.stdout.write(json.dumps({"new_links": found}))
        else:
            self.stdout.write(f"Đã liên kết {sum(found.values())} bài đăng mới.")
