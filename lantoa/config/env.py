"""Typed readers for settings that come from the environment.

Each reader raises ImproperlyConfigured with the variable's name on a bad value, so a typo in a
deployment stops the process at start-up instead of silently falling back to a default.
"""

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

__all__ = ["env_bool", "env_dates", "env_int", "env_list", "env_path", "env_str"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "", *, environ: Mapping[str, str] = os.environ) -> str:
    return environ.get(name, default).strip()


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] = os.environ) -> bool:
    if name not in environ:
        return default
    value = environ[name].strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false, 1/0), got {environ[name]!r}")


def env_int(name: str, default: int, *, environ: Mapping[str, str] = os.environ) -> int:
    if name not in environ:
        return default
    try:
        return int(environ[name])
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {environ[name]!r}") from None


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] = os.environ
) -> list[str]:
    if name not in environ:
        return default
    return [part.strip() for part in environ[name].split(",") if part.strip()]


def env_dates(name: str, *, environ: Mapping[str, str] = os.environ) -> frozenset[date]:
    """Comma-separated ISO dates (YYYY-MM-DD); none when unset."""
    try:
        return frozenset(date.fromisoformat(part) for part in env_list(name, [], environ=environ))
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be dates written YYYY-MM-DD, separated by commas, got {environ[name]!r}"
        ) from None


def env_path(name: str, default: Path, *, environ: Mapping[str, str] = os.environ) -> Path:
    raw = environ.get(name, "").strip()
    return Path(raw).expanduser().resolve() if raw else default.resolve()
