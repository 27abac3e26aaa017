"""Read and write the ``timestamp,value`` CSV files of the detect_anomalies and forecast commands.

Parsing is strict: every problem raises :class:`SeriesFileError` naming the file line, so the
command can refuse bad input with a message the user can act on.
"""

import csv
import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from lantoa.monitoring.detection.anomaly import Sensitivity, StreamingDetector, alert_threshold
from lantoa.monitoring.detection.forecast import SeriesKind, forecast_series

__all__ = [
    "Series",
    "SeriesFileError",
    "detect_anomalies_csv",
    "forecast_csv",
    "read_series",
    "season_for_step",
]


class SeriesFileError(ValueError):
    """The input file is not a usable ``timestamp,value`` series."""


@dataclass(frozen=True, kw_only=True)
class Series:
    timestamps: tuple[dt.datetime, ...]
    values: tuple[float, ...]
    rows: tuple[dict[str, str], ...]


def _parse_row(row: dict[str, str], line: int) -> tuple[dt.datetime, float]:
    try:
        timestamp = dt.datetime.fromisoformat((row["timestamp"] or "").strip())
    except ValueError:
        raise SeriesFileError(f"line {line}: unparsable timestamp {row['timestamp']!r}") from None
    try:
        value = float((row["value"] or "").strip())
    except ValueError:
        raise SeriesFileError(f"line {line}: unparsable value {row['value']!r}") from None
    if not math.isfinite(value):
        raise SeriesFileError(f"line {line}: value must be a finite number, got {row['value']!r}")
    return timestamp, value


def read_series(path: Path) -> Series:
    """Read a CSV with ``timestamp`` and ``value`` columns, strictly increasing timestamps."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"timestamp", "value"} - set(reader.fieldnames or ())
        if missing:
            raise SeriesFileError(f"line 1: missing column(s) {', '.join(sorted(missing))}")
        rows = tuple(reader)
    if not rows:
        raise SeriesFileError("the file has no data rows")
    timestamps: list[dt.datetime] = []
    values: list[float] = []
    for offset, row in enumerate(rows):
        line = offset + 2  # the header is line 1
        timestamp, value = _parse_row(row, line)
        if timestamps and timestamp <= timestamps[-1]:
            raise SeriesFileError(f"line {line}: timestamp {timestamp} is not after the previous")
        timestamps.append(timestamp)
        values.append(value)
    return Series(timestamps=tuple(timestamps), values=tuple(values), rows=rows)


def detect_anomalies_csv(source: Path, target: Path, sensitivity: Sensitivity | str) -> int:
    """Write each input row plus ``anomaly_score`` and ``is_alert``; return the alert count."""
    series = read_series(source)
    threshold = alert_threshold(sensitivity)
    detector = StreamingDetector()
    alerts = 0
    with target.open("w", newline="", encoding="utf-8") as handle:
        fields = [*series.rows[0].keys(), "anomaly_score", "is_alert"]
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for row, value in zip(series.rows, series.values, strict=True):
            score = detector.update(value)
            is_alert = int(score >= threshold)
            alerts += is_alert
            writer.writerow({**row, "anomaly_score": f"{score:.6f}", "is_alert": is_alert})
    return alerts


def season_for_step(step: dt.timedelta) -> int:
    """Seasonal period in steps: a day for sub-daily data, a week for daily, else none (1)."""
    if step < dt.timedelta(days=1):
        return max(1, round(dt.timedelta(days=1) / step))
    if step == dt.timedelta(days=1):
        return 7
    return 1


def _typical_step(timestamps: Sequence[dt.datetime]) -> dt.timedelta:
    if len(timestamps) < 2:
        raise SeriesFileError("need at least two rows to infer the time step")
    seconds = median(
        (later - earlier).total_seconds() for earlier, later in itertools.pairwise(timestamps)
    )
    return dt.timedelta(seconds=seconds)


def forecast_csv(source: Path, target: Path, horizon: int, kind: SeriesKind | str) -> None:
    """Write ``horizon`` future rows: timestamp, forecast and 80%/95% interval bounds."""
    series = read_series(source)
    step = _typical_step(series.timestamps)
    result = forecast_series(
        values=series.values, season=season_for_step(step), horizon=horizon, kind=SeriesKind(kind)
    )
    columns = ("forecast", "lower_80", "upper_80", "lower_95", "upper_95")
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("timestamp", *columns))
        for index in range(horizon):
            timestamp = series.timestamps[-1] + step * (index + 1)
            bounds = (f"{getattr(result, column)[index]:.4f}" for column in columns)
            writer.writerow((timestamp.isoformat(sep=" "), *bounds))
