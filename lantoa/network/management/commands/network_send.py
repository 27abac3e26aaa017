"""`lantoa network-send [--release ID]`: send pending deliveries (a worker of the embedded mode).

Safe to run again after a crash or alongside another sender: rows are claimed one batch at a
time and never sent twice.
"""

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.network.actions.distribution import send_pending
from lantoa.network.models import Delivery, DeliveryStatus, Release


class Command(BaseCommand):
    help = "Gửi các thư thông cáo đang chờ (tiếp tục an toàn sau khi bị dừng)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--release", type=int, help="chỉ gửi thông cáo này")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["release"] is not None:
            if not Release.objects.filter(pk=options["release"]).exists():
                raise CommandError(f"Không có thông cáo số {options['release']}.")
            releases = [options["release"]]
        else:
            releases = sorted(
                set(
                    Delivery.objects.filter(
                        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
                    ).values_list("release_id", flat=True)
                )
            )
        started = time.perf_counter()
        sent = sum(send_pending(release_id) for release_id in releases)
        seconds = time.perf_counter() - started
        result = {"releases": len(releases), "sent": sent, "seconds": round(seconds, 3)}
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(
                f"Đã gửi {sent} thư cho {len(releases)} thông cáo trong {seconds:.1f} giây."
            )
