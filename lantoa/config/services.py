"""Turn service URLs from the environment into Django settings, refusing malformed ones."""

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

__all__ = ["database_settings", "email_settings"]

_DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


def database_settings(url: str, *, data_dir: Path) -> dict[str, Any]:
    """The default database: ``url`` when given, else embedded SQLite under ``data_dir``."""
    if not url:
        data_dir.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data_dir / "lantoa.sqlite3"),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
        }
    scheme = urlsplit(url).scheme
    if scheme not in _DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgres:// or sqlite:///, got scheme {scheme!r}"
        )
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.postgresql" and not config.get("NAME"):
        raise ImproperlyConfigured(
            "DATABASE_URL names no database (postgres://user@host:port/NAME)"
        )
    return config


def email_settings(url: str) -> dict[str, Any]:
    """Django e-mail settings from ``smtp://user:pass@host:port?tls=1`` or ``console://``."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"EMAIL_URL must look like smtp://user:password@host:port, got {url!r}"
        )
    options = parse_qs(parts.query)
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has an invalid port: {url!r}") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": options.get("tls", ["0"])[0] in {"1", "true"},
        "EMAIL_TIMEOUT": 30,
    }
