"""The `lantoa` console script: dashes map to commands; bad configuration is one clear line."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _lantoa(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "-m", "lantoa.cli", *args],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help_lists_the_commands() -> None:
    result = _lantoa("--help")

    assert result.returncode == 0
    assert "seed-demo" in result.stdout


def test_missing_production_secret_is_one_clear_line_and_exit_2() -> None:
    result = _lantoa("migrate", DEBUG="false", ALLOWED_HOSTS="x.gov.vn")

    assert result.returncode == 2
    assert result.stderr.startswith("lantoa: cấu hình không hợp lệ: SECRET_KEY must be set")


def test_commands_on_an_unmigrated_database_say_to_migrate(tmp_path: Path) -> None:
    result = _lantoa("seed-demo", "--items", "1", DEBUG="true", LANTOA_DATA_DIR=str(tmp_path))

    assert result.returncode == 1
    assert "Hãy chạy: lantoa migrate" in result.stderr


def test_bad_option_values_exit_non_zero(tmp_path: Path) -> None:
    result = _lantoa(
        "seed-demo", "--end", "22/11/2026", DEBUG="true", LANTOA_DATA_DIR=str(tmp_path)
    )

    assert result.returncode != 0
