"""``detect_anomalies``: score a ``timestamp,value`` CSV as a stream and flag alerts."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.monitoring.detection.anomaly import Sensitivity
from lantoa.monitoring.detection.series_csv import SeriesFileError, detect_anomalies_csv


class Command(BaseCommand):
    help = (
        "Read a timestamp,value CSV and write it back with anomaly_score (0-1, online: each row "
        "scored only from earlier rows) and is_alert (0/1) columns."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="CSV with timestamp,value")
        parser.add_argument("--output", required=True, type=Path, help="CSV to write")
        parser.add_argument(
            "--sensitivity",
            choices=[level.value for level in Sensitivity],
            default=Sensitivity.BALANCED.value,
            help="low (Ít), balanced (Cân bằng) or high (Nhiều cảnh báo)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["input"]
        try:
            alerts = detect_anomalies_csv(source, options["output"], options["sensitivity"])
        except FileNotFoundError:
            raise CommandError(f"{source}: no such file") from None
        except SeriesFileError as error:
            raise CommandError(f"{source}: {error}") from None
        self.stdout.write(f"{alerts} alert(s) written to {options['output']}")
