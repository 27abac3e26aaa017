"""``forecast``: forecast the next steps of a ``timestamp,value`` CSV with 80%/95% intervals."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.monitoring.detection.forecast import SeriesKind
from lantoa.monitoring.detection.series_csv import SeriesFileError, forecast_csv


class Command(BaseCommand):
    help = (
        "Forecast the next --horizon steps of a timestamp,value CSV (frequency inferred from the "
        "timestamps); writes timestamp, forecast, lower_80, upper_80, lower_95, upper_95."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="CSV with timestamp,value")
        parser.add_argument("--output", required=True, type=Path, help="CSV to write")
        parser.add_argument("--horizon", required=True, type=int, help="future steps (>= 1)")
        parser.add_argument(
            "--kind",
            choices=[kind.value for kind in SeriesKind],
            default=SeriesKind.VOLUME.value,
            help="volume (counts >= 0) or share (values in [0, 1], e.g. negative share)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["input"]
        if options["horizon"] < 1:
            raise CommandError("--horizon must be at least 1")
        try:
            forecast_csv(source, options["output"], options["horizon"], options["kind"])
        except FileNotFoundError:
            raise CommandError(f"{source}: no such file") from None
        except SeriesFileError as error:
            raise CommandError(f"{source}: {error}") from None
        self.stdout.write(f"{options['horizon']} forecast step(s) written to {options['output']}")
