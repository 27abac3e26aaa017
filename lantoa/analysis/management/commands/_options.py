"""Argument handling shared by the analysis management commands (not a command itself)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from lantoa.analysis.datasets import DatasetError, LabelledTexts, load_labelled
from lantoa.analysis.training import TASKS

__all__ = ["add_task_argument", "data_dir", "read_labelled"]


def add_task_argument(parser: object) -> None:
    parser.add_argument("task", choices=TASKS)  # type: ignore[attr-defined]


def data_dir() -> Path:
    """``settings.LANTOA_DATA_DIR`` (default ``var/``)."""
    return Path(getattr(settings, "LANTOA_DATA_DIR", Path("var")))


def read_labelled(path: str) -> LabelledTexts:
    """Load a labelled file or raise CommandError with the loader's message."""
    try:
        return load_labelled(Path(path), skip_empty_text=False)
    except DatasetError as error:
        raise CommandError(str(error)) from error
