"""Settings come from the environment and fail loudly on bad values."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lantoa.config.env import env_bool, env_dates, env_int, env_list, env_path
from lantoa.config.services import database_settings, email_settings

REPO = Path(__file__).resolve().parents[3]


def test_booleans_accept_the_usual_spellings_and_reject_others() -> None:
    assert env_bool("DEBUG", False, environ={"DEBUG": "yes"}) is True
    assert env_bool("DEBUG", True, environ={"DEBUG": "0"}) is False
    assert env_bool("DEBUG", True, environ={}) is True
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be a boolean"):
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})


def test_integers_and_lists_are_parsed_or_refused() -> None:
    assert env_int("N", 5, environ={"N": "42"}) == 42
    with pytest.raises(ImproperlyConfigured, match="N must be an integer"):
        env_int("N", 5, environ={"N": "forty"})
    assert env_list("H", [], environ={"H": "a.gov.vn, b.gov.vn,"}) == ["a.gov.vn", "b.gov.vn"]


def test_days_off_are_iso_dates_or_refused() -> None:
    days = env_dates("OFF", environ={"OFF": "2026-02-16, 2026-02-17"})
    assert days == {date(2026, 2, 16), date(2026, 2, 17)}
    assert env_dates("OFF", environ={}) == frozenset()
    with pytest.raises(ImproperlyConfigured, match="OFF must be dates written YYYY-MM-DD"):
        env_dates("OFF", environ={"OFF": "16/02/2026"})


def test_data_dir_defaults_and_expands(tmp_path: Path) -> None:
    assert env_path("D", tmp_path, environ={}) == tmp_path.resolve()
    assert env_path("D", tmp_path, environ={"D": str(tmp_path / "x")}) == (tmp_path / "x").resolve()


def test_no_database_url_means_embedded_sqlite_under_the_data_dir(tmp_path: Path) -> None:
    config = database_settings("", data_dir=tmp_path / "var")

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "var" / "lantoa.sqlite3")
    assert (tmp_path / "var").is_dir()


def test_postgres_url_is_parsed(tmp_path: Path) -> None:
    config = database_settings("postgres://lantoa:secret@db.local:5433/lantoa", data_dir=tmp_path)

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.local", 5433, "lantoa")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/lantoa", "must start with postgres://"),
        ("postgres://postgres@127.0.0.1:5432/", "names no database"),
    ],
)
def test_bad_database_urls_are_refused(url: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        database_settings(url, data_dir=tmp_path)


def test_email_url_becomes_smtp_settings() -> None:
    config = email_settings("smtp://bao%40so.gov.vn:p%40ss@mail.so.gov.vn:587?tls=1")

    assert config["EMAIL_HOST"] == "mail.so.gov.vn"
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "bao@so.gov.vn"
    assert config["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert config["EMAIL_USE_TLS"] is True
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL must look like"):
        email_settings("mail.so.gov.vn")


def _run_django(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_real_secret_key() -> None:
    result = _run_django(["check"], DEBUG="false", ALLOWED_HOSTS="lantoa.example.gov.vn")

    assert result.returncode != 0
    assert "SECRET_KEY must be set to a random string of at least 50 characters" in result.stderr


def test_production_refuses_the_development_key() -> None:
    result = _run_django(
        ["check"],
        DEBUG="false",
        SECRET_KEY="insecure-development-key-never-use-in-production",
        ALLOWED_HOSTS="x.gov.vn",
    )

    assert result.returncode != 0


def test_production_settings_pass_the_deployment_check_without_warnings(tmp_path: Path) -> None:
    result = _run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="false",
        SECRET_KEY="k" * 20 + "-production-grade-secret-for-the-check-" + "z" * 20,
        ALLOWED_HOSTS="lantoa.example.gov.vn",
        LANTOA_DATA_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
