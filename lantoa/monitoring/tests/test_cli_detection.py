"""detect_anomalies and forecast commands: CSV in, CSV out, clear errors naming the line."""

import csv
import datetime as dt
import math
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def _write_series(path: Path, rows: int, *, step: dt.timedelta = dt.timedelta(hours=1)) -> None:
    start = dt.datetime(2025, 1, 1)
    lines = ["timestamp,value"] + [
        f"{start + step * i:%Y-%m-%d %H:%M:%S},{50 + 20 * math.sin(2 * math.pi * i / 24):.2f}"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_detect_anomalies_writes_one_scored_row_per_input_row(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_series(source, 200)
    call_command("detect_anomalies", input=source, output=target, sensitivity="high")
    rows = _read(target)
    assert len(rows) == 200
    assert set(rows[0]) == {"timestamp", "value", "anomaly_score", "is_alert"}
    assert all(0.0 <= float(row["anomaly_score"]) <= 1.0 for row in rows)
    assert {row["is_alert"] for row in rows} <= {"0", "1"}


def test_forecast_writes_horizon_rows_at_the_inferred_step(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_series(source, 24 * 10)
    call_command("forecast", input=source, output=target, horizon=6)
    rows = _read(target)
    assert [row["timestamp"] for row in rows] == [f"2025-01-11 0{hour}:00:00" for hour in range(6)]
    assert list(rows[0]) == [
        "timestamp",
        "forecast",
        "lower_80",
        "upper_80",
        "lower_95",
        "upper_95",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("time,value\n2025-01-01 00:00:00,1\n", "line 1: missing column(s) timestamp"),
        ("timestamp,value\n", "no data rows"),
        ("timestamp,value\n2025-01-01 00:00:00,1\nyesterday,2\n", "line 3: unparsable timestamp"),
        ("timestamp,value\n2025-01-01 00:00:00,abc\n", "line 2: unparsable value"),
        (
            "timestamp,value\n2025-01-01 01:00:00,1\n2025-01-01 00:00:00,2\n",
            "line 3: timestamp 2025-01-01 00:00:00 is not after the previous",
        ),
    ],
)
@pytest.mark.parametrize("command", ["detect_anomalies", "forecast"])
def test_bad_input_is_refused_with_the_line(
    tmp_path: Path, command: str, content: str, message: str
) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(content, encoding="utf-8")
    options = {"horizon": 3} if command == "forecast" else {}
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command(command, input=source, output=target, **options)
    assert not target.exists()


def test_missing_input_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("detect_anomalies", input=tmp_path / "absent.csv", output=tmp_path / "out.csv")
